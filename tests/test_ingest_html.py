"""HTML reader: main text, metadata, comments kept apart, broken pages, real pages."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from readouts.ingest import read_file
from readouts.ingest.base import has_words
from readouts.ingest.html import fragment_to_text

RES = Path(__file__).parent / "resources" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGES = SHARED / "external" / "html-pages"


def test_main_text_metadata_and_zones() -> None:
    result = read_file(str(RES / "sochi.html"))
    assert result.error is None
    (doc,) = result.documents
    assert doc.format == "html"
    assert doc.title == "Kerry and Lavrov Meet in Sochi as Washington Tests a Thaw"
    assert doc.author == "Dana Example"
    assert doc.url == "https://news.example.org/2015/05/12/kerry-lavrov-sochi"
    assert doc.published == "2015-05-12"
    assert doc.body.startswith(doc.title)
    assert "U.S. Secretary of State John Kerry travelled" in doc.body
    assert '"We agreed that the Minsk agreements' in doc.body
    for noise in ("Advertisement", "skeptic99", "nothing will come", "Home", "All rights"):
        assert noise not in doc.body
    zones = {z.name: z.text for z in doc.zones}
    assert "nothing will come of this meeting" in zones["comments"]
    assert "Advertisement" in zones["boilerplate"]


def test_same_article_as_text_and_html_has_the_same_id() -> None:
    (txt,) = read_file(str(RES / "sochi.txt")).documents
    (html,) = read_file(str(RES / "sochi.html")).documents
    assert txt.id == html.id and txt.body == html.body


def _undated_page(tmp_path: Path) -> Path:
    page = (RES / "sochi.html").read_text(encoding="utf-8")
    page = page.replace("2015-05-12T18:30:00Z", "").replace("/2015/05/12/", "/")
    page = page.replace("</head>", '<meta name="date" content="2015-05-13"></head>')
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_htmldate_fallback_when_trafilatura_has_no_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import readouts.ingest.html as html_reader

    real = html_reader.trafilatura.bare_extraction

    def dateless(*args: object, **kwargs: object) -> object:
        doc = real(*args, **kwargs)
        doc.date = None
        return doc

    monkeypatch.setattr(html_reader.trafilatura, "bare_extraction", dateless)
    (doc,) = read_file(str(_undated_page(tmp_path))).documents
    assert doc.published == "2015-05-13"


def test_gzipped_html_and_format_override(tmp_path: Path) -> None:
    data = (RES / "sochi.html").read_bytes()
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(data))
    assert read_file(str(path)).documents[0].format == "html"
    odd = tmp_path / "page.dat"
    odd.write_bytes(data)
    assert read_file(str(odd)).documents[0].format == "html"  # sniffed
    assert read_file(str(odd), fmt="text").documents[0].format == "text"


@pytest.mark.parametrize(
    "content",
    [
        b"<html><head><title>x</title></head><body><div><p></div></body></html>",
        b"<html><<<<>>>>\x01\x02</",
        b"",
    ],
)
def test_pages_without_text_are_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.html"
    path.write_bytes(content)
    result = read_file(str(path))
    assert result.documents == ()
    assert result.error is not None and result.error.source == str(path)


def test_malformed_but_readable_html_still_yields_text(tmp_path: Path) -> None:
    body = (RES / "sochi.txt").read_text().split("\n\n")
    html = "<html><body><div><p>" + "<p>".join(body) + "<div><span></b></i>"
    path = tmp_path / "tagsoup.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = read_file(str(path)).documents
    assert "four hours of talks" in doc.body


def test_fragment_to_text_keeps_paragraphs() -> None:
    text = fragment_to_text("<p>One <b>bold</b> line.</p><p>Two<br>three</p><script>x()</script>")
    assert [p.strip() for p in text.split("\n") if p.strip()] == ["One bold line.", "Two", "three"]


@pytest.mark.shared
def test_real_pages_yield_a_body_or_a_clear_error() -> None:
    if not PAGES.is_dir():
        pytest.skip(f"../shared not found: {PAGES} is absent")
    pages = sorted(PAGES.glob("*.html"))
    assert len(pages) >= 100
    bodies = 0
    for page in pages:
        result = read_file(str(page))
        assert result.documents or result.error, page
        if result.error:
            assert result.error.source.startswith(str(page))
        for doc in result.documents:
            assert doc.body.strip() and doc.format == "html"
            bodies += 1
    assert bodies >= 0.9 * len(pages)


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes((RES / "sochi.html").read_bytes())
    (doc,) = read_file(str(path)).documents
    assert doc.format == "html" and "<p>" not in doc.body


def test_title_falls_back_to_the_first_line(tmp_path: Path) -> None:
    paras = (RES / "sochi.txt").read_text().split("\n\n")[1:]
    path = tmp_path / "untitled.html"
    path.write_text("<html><body><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>")
    (doc,) = read_file(str(path)).documents
    assert doc.title is not None and doc.title.startswith("U.S. Secretary of State John Kerry")


MARKUP_DEBRIS = b'<<html>><<<body <p <a href="'


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("bad.html", "auto"), ("bad.txt", "auto"), ("bad", "auto"), ("bad.dat", "text")],
)
def test_markup_debris_is_no_article(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(MARKUP_DEBRIS)
    result = read_file(str(path), fmt=fmt)
    assert result.documents == ()
    assert result.error is not None and result.error.source == str(path)
    assert result.error.reason.startswith("no article text found")


def test_markup_debris_inside_jsonl_and_feeds_is_no_article(tmp_path: Path) -> None:
    lines = tmp_path / "a.jsonl"
    lines.write_text(
        '{"html": "<<html>><<<body <p <a href=\\""}\n'
        '{"text": "<div class=\\"x\\"> <span> &nbsp;"}\n'
    )
    result = read_file(str(lines))
    assert result.documents == () and result.error is not None
    assert result.error.source == f"{lines}:1"
    assert result.error.reason.startswith("no article text found")
    assert f"{lines}:2" in result.error.reason  # the second line is named too
    feed = tmp_path / "f.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>t</title><item><title>&lt;&gt;</title>"
        "<description>&lt;&lt;p &lt;a href=&quot;</description></item></channel></rss>"
    )
    result = read_file(str(feed))
    assert result.documents == () and result.error is not None
    assert result.error.reason.startswith("no article text found")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<><<", False),
        ('<<html>><<<body <p <a href="', False),
        ('<div class="lead"> <span> &nbsp; </span>', False),
        ("12 34 -- !!", False),
        ("Lavrov met Blinken", True),
        ("The <b>talks</b> lasted an hour", True),
        ("Ministers said x=1 was agreed", True),
    ],
)
def test_has_words_ignores_markup_debris(text: str, words: bool) -> None:
    assert has_words(text) is words
