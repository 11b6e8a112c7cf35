"""The timeline picture: a PNG, and a self-contained HTML page with the picture and a table."""

from __future__ import annotations

import base64
import re

import pytest

from ledger_fixtures import BIDEN, PUTIN, Doc
from readouts.errors import InputError
from readouts.resolve import resolve
from readouts.timeline import write_html, write_png

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def events():
    docs = [
        Doc("geneva", "2021-06-17").mention([BIDEN, PUTIN], mode="meeting", date="2021-06-16"),
        Doc("video", "2021-12-08").mention([BIDEN, PUTIN], mode="video", date="2021-12-07"),
        Doc("call", "2021-12-31").mention([BIDEN, PUTIN], date="2021-12"),
        Doc("ask", "2022-03-30").mention([BIDEN, PUTIN], status="requested", date="2022-03-30"),
        Doc("never", "2022-03-31").mention([BIDEN, PUTIN], status="not_occurred"),
    ]
    return resolve([d.item() for d in docs])


def test_png(events, tmp_path):
    path = write_png(events, tmp_path / "t.png", "Biden and Putin")
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 5000


def test_png_with_no_events(tmp_path):
    assert write_png([], tmp_path / "empty.png", "nobody").read_bytes().startswith(PNG_MAGIC)


def test_html_is_self_contained_with_a_table(events, tmp_path):
    page = write_html(events, tmp_path / "t.html", "Biden & Putin").read_text()
    assert "Biden &amp; Putin" in page
    match = re.search(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)
    assert match and base64.b64decode(match.group(1)).startswith(PNG_MAGIC)
    assert page.count("<tr>") == len(events) + 1
    assert "2021-06-16" in page and "undated" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched from elsewhere


def test_missing_directory(events, tmp_path):
    with pytest.raises(InputError):
        write_png(events, tmp_path / "no" / "t.png", "x")


def test_a_directory_a_wrong_suffix_or_a_refused_name_is_an_input_error(events, tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        write_png(events, tmp_path, "t")
    with pytest.raises(InputError, match=r"must end in \.png"):
        write_png(events, tmp_path / "t.jpg", "t")  # PNG bytes under a JPEG name mislead
    with pytest.raises(InputError, match=r"must end in \.html or \.htm"):
        write_html(events, tmp_path / "t.png", "t")
    with pytest.raises(InputError, match="File name too long"):
        write_png(events, tmp_path / ("x" * 300 + ".png"), "t")
    assert write_html(events, tmp_path / "t.htm", "t").exists()


def test_only_gaps_wide_enough_are_labelled():
    from readouts.timeline import figure

    docs = [
        Doc("a", "2020-01-02").mention([BIDEN, PUTIN], date="2020-01-01"),
        Doc("b", "2020-01-04").mention([BIDEN, PUTIN], date="2020-01-03"),
        Doc("c", "2024-01-02").mention([BIDEN, PUTIN], date="2024-01-01"),
    ]
    fig = figure(resolve([d.item() for d in docs]), "t")
    labels = {t.get_text() for t in fig.axes[0].texts}
    # Two days on a four-year axis would overprint its neighbours; 1459 days has room.
    assert "1459 d" in labels and "2 d" not in labels
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "implied (faded)" in legend and "longest gap" in legend
