"""RSS/Atom reader: each entry a document with content or summary, link and date."""

from __future__ import annotations

from pathlib import Path

from readouts.ingest import read_file

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Example Diplomatic Wire</title>
<link>https://wire.example.org/</link>
<item>
<title>Blinken and Lavrov speak by phone</title>
<link>https://wire.example.org/2022/07/29/blinken-lavrov</link>
<guid>wire-1</guid>
<pubDate>Fri, 29 Jul 2022 16:00:00 GMT</pubDate>
<description>Short teaser only.</description>
<content:encoded><![CDATA[<p>Secretary of State Antony Blinken held a call with Foreign
Minister Sergey Lavrov on Friday, their first conversation since the invasion began.</p>
<p>Blinken said he urged Moscow to accept an offer on two detained Americans.</p>
<p>Advertisement</p>]]></content:encoded>
</item>
<item>
<title>Grain corridor talks resume in Istanbul</title>
<link>https://wire.example.org/2022/07/30/grain</link>
<pubDate>Sat, 30 Jul 2022 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Delegations from Ukraine, Russia, Turkey and the United Nations met again
to discuss inspections of ships carrying grain from Black Sea ports.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Example Atom</title>
<id>urn:example:feed</id>
<updated>2024-06-25T18:00:00Z</updated>
<entry>
<title>Austin and Belousov hold a call</title>
<id>urn:example:1</id>
<link href="https://atom.example.org/austin-belousov"/>
<updated>2024-06-25T18:00:00Z</updated>
<author><name>Sam Writer</name></author>
<summary>Defense Secretary Lloyd Austin spoke with Russian Defense Minister Andrei Belousov,
the first such call in more than a year, the Pentagon said.</summary>
</entry>
</feed>
"""


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    result = read_file(str(path))
    assert result.error is None
    first, second = result.documents
    assert first.format == "rss" and first.source == f"{path}#1"
    assert first.title == "Blinken and Lavrov speak by phone"
    assert first.url == "https://wire.example.org/2022/07/29/blinken-lavrov"
    assert first.published == "2022-07-29" and first.external_id == "wire-1"
    assert "Blinken held a call" in first.body and "Short teaser" not in first.body
    assert "two detained Americans" in first.body
    assert "<p>" not in first.body and "Advertisement" not in first.body
    assert second.published == "2022-07-30"
    assert "inspections of ships" in second.body and "<p>" not in second.body


def test_atom_feed_sniffed_from_xml(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = read_file(str(path)).documents
    assert doc.format == "rss" and doc.author == "Sam Writer"
    assert doc.published == "2024-06-25" and doc.url == "https://atom.example.org/austin-belousov"
    assert doc.body.startswith("Austin and Belousov hold a call")


def test_broken_feeds(tmp_path: Path) -> None:
    garbage = tmp_path / "bad.rss"
    garbage.write_text("this is <not a feed at all", encoding="utf-8")
    result = read_file(str(garbage))
    assert result.documents == () and result.error is not None
    assert result.error.source == str(garbage)
    # The XML parser's own source label ("<unknown>:1:8") is not the user's business.
    assert result.error.reason.startswith("not a readable RSS/Atom feed (not well-formed XML at")
    assert "<unknown>" not in result.error.reason
    empty = tmp_path / "empty.rss"
    empty.write_text('<rss version="2.0"><channel><title>t</title></channel></rss>')
    error = read_file(str(empty)).error
    assert error is not None and "no entries" in error.reason


def test_truncated_feed_keeps_entries_and_reports(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index("</item>") + 7], encoding="utf-8")
    result = read_file(str(path))
    assert [d.title for d in result.documents] == ["Blinken and Lavrov speak by phone"]
    assert result.error is not None and result.error.source.startswith(f"{path}:")
    assert result.error.reason == (
        "feed is not well-formed XML (the file ends before the feed is complete)"
    )
