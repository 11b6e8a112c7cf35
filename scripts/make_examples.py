"""Write examples/crawl/news-crawl.warc.gz: two HTML news pages as WARC response records.

The pages are written here (real public facts in our own words). Record ids and dates are
fixed so that re-running the script reproduces the same records.
Run: .venv/bin/python scripts/make_examples.py
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parents[1] / "examples" / "crawl" / "news-crawl.warc.gz"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="article:published_time" content="{published}"></head>
<body>
<nav><a href="/">{outlet}</a> · <a href="/world">World</a> · <a href="/opinion">Opinion</a> ·
<a href="/subscribe">Subscribe</a></nav>
<div class="ad">ADVERTISEMENT · Compare mortgage rates in minutes</div>
<article><h1>{title}</h1>
{paragraphs}
</article>
<section class="comments"><h3>Reader comments</h3>
<p class="comment">anon1 · {published} 10:02 — {comment}</p></section>
<footer>© {outlet} · Privacy · Terms · Share this story</footer>
</body></html>
"""

PAGES = [
    {
        "uri": "https://northwind.example/2023/03/15/austin-shoigu-drone-call",
        "date": "2023-03-15T21:00:00Z",
        "id": "<urn:uuid:6f1c3c52-0000-4000-8000-000000000001>",
        "outlet": "Northwind Daily",
        "published": "2023-03-15",
        "title": "Austin and Shoigu speak after drone downed over Black Sea",
        "comment": "Good that they are still talking at all.",
        "paragraphs": [
            "Defense Secretary Lloyd Austin spoke by phone on Wednesday with Russian Defense "
            "Minister Sergei Shoigu, a day after a Russian fighter jet struck the propeller of an "
            "American MQ-9 Reaper drone and sent it into the Black Sea.",
            "Austin told reporters afterwards that the United States would keep flying wherever "
            "international law allowed. The Russian Defense Ministry said the call had been made "
            "at the request of the American side.",
            "General Mark Milley, chairman of the Joint Chiefs of Staff, held a separate call the "
            "same day with the chief of Russia's general staff, General Valery Gerasimov.",
        ],
    },
    {
        "uri": "https://northwind.example/2018/05/24/trump-calls-off-kim-summit",
        "date": "2018-05-24T16:30:00Z",
        "id": "<urn:uuid:6f1c3c52-0000-4000-8000-000000000002>",
        "outlet": "Northwind Daily",
        "published": "2018-05-24",
        "title": "Trump calls off Singapore summit with Kim Jong Un",
        "comment": "Maybe it will be back on next month.",
        "paragraphs": [
            "President Donald Trump on Thursday cancelled his planned June 12 summit in Singapore "
            "with North Korean leader Kim Jong Un, in a letter to Kim released by the White House.",
            "Trump wrote that, given the anger and open hostility shown in a recent North Korean "
            "statement, it would be inappropriate to hold the long-planned meeting at this time. "
            "He added that Kim should not hesitate to call or write if he changed his mind.",
            "The decision came hours after North Korea said it had demolished tunnels at its "
            "nuclear test site in front of foreign reporters.",
        ],
    },
]


def render(page: dict[str, object]) -> bytes:
    """Return the HTML of one page."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in page["paragraphs"])  # type: ignore[attr-defined]
    return PAGE.format(
        paragraphs=paragraphs, **{k: v for k, v in page.items() if k != "paragraphs"}
    ).encode()


def main(out: Path = OUT) -> None:
    """Write the WARC file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for page in PAGES:
            body = render(page)
            http = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                str(page["uri"]),
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Date": str(page["date"]),
                    "WARC-Record-ID": str(page["id"]),
                },
            )
            writer.write_record(record)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
