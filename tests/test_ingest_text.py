"""Plain-text reader: charset detection, titles, .gz, stdin and broken files."""

from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path

import pytest

from readouts.errors import InputError
from readouts.ingest import read_file

RES = Path(__file__).parent / "resources" / "ingest"
SOCHI = (RES / "sochi.txt").read_text(encoding="utf-8")

FRENCH = (
    "Appel entre Blinken et Lavrov\n\n"
    "Le secrétaire d'État américain a parlé au téléphone avec le ministre russe des "
    "Affaires étrangères, a indiqué le ministère à Moscou ; l'échange a duré près d'une "
    "demi-heure et a porté sur un échange de prisonniers.\n"
)


def test_reads_text_with_title_and_no_zones() -> None:
    result = read_file(str(RES / "sochi.txt"))
    assert result.error is None
    (doc,) = result.documents
    assert doc.title == "Kerry and Lavrov Meet in Sochi as Washington Tests a Thaw"
    assert doc.format == "text" and doc.source == str(RES / "sochi.txt")
    assert doc.body == SOCHI.strip() and doc.raw == SOCHI
    assert doc.published is None and doc.zones == ()


def test_title_skips_boilerplate_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Skip to main content\n\n" + SOCHI, encoding="utf-8")
    (doc,) = read_file(str(path)).documents
    assert doc.title.startswith("Kerry and Lavrov")
    assert doc.zones[0].name == "boilerplate"


def test_published_applies_only_without_own_date(tmp_path: Path) -> None:
    (doc,) = read_file(str(RES / "sochi.txt"), published="2015-05-12").documents
    assert doc.published == "2015-05-12"
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_file(str(RES / "sochi.txt"), published="12/05/2015")


def test_latin1_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    result = read_file(str(path))
    assert result.error is None
    assert "secrétaire d'État" in result.documents[0].body


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(FRENCH.encode("utf-16"))
    assert "ministère" in read_file(str(path)).documents[0].body


def test_gzip_is_transparent(tmp_path: Path) -> None:
    path = tmp_path / "sochi.txt.gz"
    path.write_bytes(gzip.compress(SOCHI.encode()))
    plain = read_file(str(RES / "sochi.txt")).documents[0]
    result = read_file(str(path))
    assert result.error is None and result.documents[0].id == plain.id


def test_truncated_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    data = gzip.compress((SOCHI * 20).encode())
    path.write_bytes(data[: len(data) // 2])
    result = read_file(str(path))
    assert result.documents == ()
    assert result.error is not None and result.error.source == str(path)
    assert "truncated gzip" in result.error.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (os.urandom(0) + bytes(range(256)) * 8, "binary"),
    ],
)
def test_broken_text_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = read_file(str(path))
    assert result.documents == ()
    assert result.error is not None
    assert result.error.source == str(path) and reason in result.error.reason
    assert str(path) in str(result.error)


def test_random_bytes_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    # High bytes only (no NUL), so the reader has to judge by decoding, not by NULs.
    path.write_bytes(bytes((i * 97 + 13) % 128 + 128 for i in range(4000)))
    result = read_file(str(path))
    assert result.error is not None and result.documents == ()


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = read_file(str(tmp_path / "nope.txt"))
    assert missing.error is not None and "no such file" in missing.error.reason
    assert read_file(str(tmp_path)).error is not None


def test_stdin_text_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SOCHI.encode())))
    (doc,) = read_file("-").documents
    assert doc.source == "-" and doc.format == "text"
    html = (RES / "sochi.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    (doc2,) = read_file("-").documents
    assert doc2.format == "html" and doc2.id == doc.id


def zones_of(name: str) -> tuple[str, dict[str, str]]:
    (doc,) = read_file(str(RES / name)).documents
    return doc.body, {z.name: z.text for z in doc.zones}


def test_article_followed_by_a_comment_thread() -> None:
    body, zones = zones_of("commented.txt")
    assert body.startswith("Austin and Shoigu Talk for the First Time Since the Invasion")
    assert body.endswith("Pentagon spokesman John Kirby told reporters.")
    assert "steppe_wolf" in zones["comments"] and "Read both." in zones["comments"]
    assert zones["bio"].startswith("Sam Writer is a contributing editor")
    assert len(zones["comments"]) > len(body) / 2


def test_cdata_tags_promo_and_related_posts() -> None:
    body, zones = zones_of("tagged.txt")
    assert body.startswith("Austin Phones Belousov in First Call With New Russian Defense Chief")
    assert body.endswith("keeping channels open during the war.")
    assert zones["cdata"].startswith("Lloyd Austin Andrei Belousov Pentagon Russia")
    assert "promo code HOTLINE" in zones["promo"]
    assert zones["boilerplate"] == "Source link"
    assert zones["related"] == "Related Posts\nKerry and Lavrov meet in Sochi\n1 of 57"


def test_navigation_and_photo_caption() -> None:
    body, zones = zones_of("navigated.txt")
    assert body.startswith("In this May 12, 2015 photo, John Kerry and Sergei Lavrov arrive")
    assert body.endswith(
        '"There is no substitute for talking directly," Kerry told reporters afterwards.'
    )
    assert zones["navigation"] == "world news"
    assert zones["caption"] == "Jane Roe/The Associated Press"
    assert "Follow related authors" in zones["boilerplate"]
    assert "Interact with The Example Globe" in zones["boilerplate"]
