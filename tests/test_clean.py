"""Zoning: the clean body keeps the whole article; boilerplate, ads and comments go to zones."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.clean import document_id, make_document, normalise, zone
from readouts.records import ZONE_NAMES

LEDE = (
    "Secretary of State Antony Blinken spoke by telephone with Russian Foreign Minister "
    "Sergey Lavrov on Friday, the first conversation between the two since February."
)
SECOND = (
    "Blinken told reporters that he had pressed Moscow to accept an offer for the release "
    "of two detained Americans, and that the call had been frank and direct."
)
QUOTE = '"The world will not recognise annexations," Blinken said after the call.'
THIRD = (
    "The Russian Foreign Ministry said Lavrov had raised sanctions on Russian grain and "
    "fertiliser exports and urged a quieter approach to prisoner talks."
)
ARTICLE = [LEDE, SECOND, QUOTE, THIRD]


def zones_of(text: str) -> dict[str, str]:
    return {z.name: z.text for z in zone(text)[1]}


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def assert_article_kept(body: str) -> None:
    for para in ARTICLE:
        assert para in body
    assert body.index(LEDE) < body.index(SECOND) < body.index(QUOTE) < body.index(THIRD)


def test_plain_article_is_untouched() -> None:
    text = page("Blinken and Lavrov Speak for First Time Since February", *ARTICLE)
    body, zones = zone(text)
    assert body == text.strip()
    assert zones == ()


def test_boilerplate_lines_are_removed() -> None:
    text = page(
        "Skip to main content",
        "Blinken and Lavrov Speak",
        *ARTICLE,
        "Share this article",
        "Advertisement",
        "Follow related authors and topics",
        "Authors and topics you follow will be added to your personal news feed in Following.",
        "Source link",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    )
    body, _ = zone(text)
    assert_article_kept(body)
    boiler = zones_of(text)["boilerplate"]
    for line in ("Skip to main content", "Advertisement", "Source link", "Share this article"):
        assert line in boiler and line not in body
    assert "cookie policy" in boiler
    assert body.startswith("Blinken and Lavrov Speak")


def test_comment_thread_with_usernames_and_timestamps() -> None:
    comments = [
        "1. Borisovich",
        "July 30, 2022 at 3:14 am",
        "This call changes nothing, the sanctions will stay where they are for years.",
        "2. Prairie_Dog",
        "July 30, 2022 at 9:05 pm",
        "Good that they are at least talking again after five months of silence.",
    ]
    text = page("Blinken and Lavrov Speak", *ARTICLE, *comments)
    body, zones = zone(text)
    assert_article_kept(body)
    assert "Borisovich" not in body and "five months of silence" not in body
    assert zones_of(text)["comments"].startswith("1. Borisovich")


def test_everything_after_a_comment_header_is_comments() -> None:
    text = page(
        *ARTICLE, "Leave a Reply", "Quote of someone long enough to be prose. " * 3, "Reply"
    )
    body, _ = zone(text)
    assert_article_kept(body)
    assert "Quote of someone" not in body
    assert zones_of(text)["comments"].startswith("Leave a Reply")


def test_comment_count_header() -> None:
    text = page(*ARTICLE, "12 Comments", "ivan_t", "3 hours ago", "Nothing new here at all.")
    body, _ = zone(text)
    assert body.endswith(THIRD)


def test_inline_comment_threads() -> None:
    thread = [
        "volga_boatman · 3 hours ago",
        "They will talk again and nothing will happen.",
        "Reply",
        "K. Lindqvist says: July 30, 2022 at 8:15 am",
        "Quiet diplomacy works better than press conferences.",
        "anon7 · 2022-07-30 10:02 — Bring the prisoners home.",
    ]
    text = page(*ARTICLE, *thread)
    body, _ = zone(text)
    assert body.endswith(THIRD)
    assert zones_of(text)["comments"].startswith("volga_boatman")


def test_live_blog_updates_are_not_comments() -> None:
    text = page(
        *ARTICLE[:2],
        "Updated July 29, 2022 at 4:10 pm — Lavrov's ministry confirmed the call.",
        *ARTICLE[2:],
        "Updated July 29, 2022 at 6:45 pm — Blinken spoke to reporters again.",
    )
    body, zones = zone(text)
    assert_article_kept(body)
    assert "Blinken spoke to reporters again." in body and zones == ()


def test_byline_and_date_above_the_article_are_not_comments() -> None:
    text = page("By Jane Roe", "July 29, 2022 at 4:10 pm", *ARTICLE)
    body, zones = zone(text)
    assert_article_kept(body)
    assert "comments" not in {z.name for z in zones}


def test_cdata_tag_lists_and_labels() -> None:
    tags = "<![CDATA[Antony Blinken]]><![CDATA[Russia]]><![CDATA[Diplomacy]]>Featured"
    text = page(tags, "Blinken and Lavrov Speak", *ARTICLE)
    body, _ = zone(text)
    assert "CDATA" not in body and "Featured" not in body
    assert body.startswith("Blinken and Lavrov Speak")
    cdata = zones_of(text)["cdata"]
    assert "Antony Blinken" in cdata and "Diplomacy" in cdata


def test_cdata_around_real_text_is_unwrapped() -> None:
    text = page(f"<![CDATA[{LEDE}]]>", *ARTICLE[1:])
    body, zones = zone(text)
    assert_article_kept(body)
    assert "CDATA" not in body and zones == ()


def test_promo_paragraph() -> None:
    promo = (
        "Independent reporting costs money. Help us continue to cover the war in Ukraine: "
        "use promo code PEACE22 to get 50% off your first year of membership."
    )
    text = page(*ARTICLE[:2], promo, *ARTICLE[2:])
    body, _ = zone(text)
    assert_article_kept(body)
    assert zones_of(text)["promo"] == promo


def test_author_bio_at_the_end() -> None:
    bio = (
        "Jordan Example is a contributing editor at the Example Review, covering Russia and "
        "arms control. You can follow him on Twitter @jexample."
    )
    text = page(*ARTICLE, bio)
    body, _ = zone(text)
    assert_article_kept(body)
    assert zones_of(text)["bio"] == bio


def test_a_quoted_analyst_near_the_end_is_not_a_bio() -> None:
    analyst = (
        'Jane Doe, an analyst at a Moscow think tank, said the call "shows both sides '
        'want a channel open" even as relations stay frozen.'
    )
    text = page(*ARTICLE, analyst)
    body, zones = zone(text)
    assert analyst in body
    assert zones == ()


def test_photo_credits_go_and_caption_descriptions_stay() -> None:
    caption = (
        "In this July 8, 2022 file photo, Sergey Lavrov attends a meeting of G20 foreign "
        "ministers in Bali, Indonesia."
    )
    credited = caption + "Stefani Reynolds/Pool via Reuters"
    described = "Secretary Blinken at the State Department on Friday. Photo: AP"
    credit_only = "Photo by Jane Roe/Getty Images"
    text = page(
        "Skip to main content", "world news", credited, *ARTICLE[:2], described, credit_only,
        *ARTICLE[2:],
    )  # fmt: skip
    body, _ = zone(text)
    assert_article_kept(body)
    # The description may report a dated meeting, so it stays for extraction.
    assert caption in body and "Secretary Blinken at the State Department on Friday." in body
    for credit in ("Reynolds", "Photo: AP", "Jane Roe"):
        assert credit not in body
    z = zones_of(text)
    assert z["caption"].split("\n") == [
        "Stefani Reynolds/Pool via Reuters",
        "Photo: AP",
        credit_only,
    ]
    assert z["navigation"] == "world news"


def test_agency_credits_and_footers() -> None:
    lines = [
        "Lavrov and Blinken in Geneva in January. (AP Photo/Alex Brandon)",
        "Copyright 2022 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "This article was originally published by Example Post.",
        "Click to share on Facebook (Opens in new window)",
        "Like this:",
    ]
    text = page(*ARTICLE, *lines)
    body, _ = zone(text)
    assert body.endswith("Lavrov and Blinken in Geneva in January.")
    z = zones_of(text)
    assert z["caption"] == "(AP Photo/Alex Brandon)"
    assert "Copyright 2022" in z["boilerplate"] and "Like this:" in z["boilerplate"]


def test_reporting_credits_are_not_article_text() -> None:
    credits = "Reporting by Jane Roe in Moscow; Editing by John Doe"
    body, _ = zone(page(*ARTICLE, credits))
    assert body.endswith(THIRD) and zones_of(page(*ARTICLE, credits))["bio"] == credits


def test_a_dateline_is_not_a_comment_thread() -> None:
    text = page(
        "Putin and Erdogan speak by phone as talks go on " * 2,
        "World",
        "March 17, 2022 19:11",
        *ARTICLE,
    )
    body, zones = zone(text)
    assert_article_kept(body)
    assert "comments" not in {z.name for z in zones}


def test_navigation_menus_and_related_posts() -> None:
    text = page(
        "Home | World | Politics | Business",
        "Blinken and Lavrov Speak",
        *ARTICLE,
        "Related Posts",
        "Austin and Belousov hold first call of the year",
        "Kerry brings potatoes to Sochi",
        "1 of 224",
    )
    body, _ = zone(text)
    assert_article_kept(body)
    assert body.endswith(THIRD)
    z = zones_of(text)
    assert "Home | World" in z["navigation"]
    assert "Kerry brings potatoes" in z["related"]


def test_menu_runs_only_in_the_header() -> None:
    menu = ["Home", "World", "Europe", "Opinion"]
    lists = ["Grain exports", "Prisoner swap", "Sanctions relief"]
    text = page(*menu, *ARTICLE[:2], *lists, *ARTICLE[2:])
    body, _ = zone(text)
    for item in lists:
        assert item in body  # a short list inside the article is content
    assert "Opinion" not in body


def test_tables_are_content() -> None:
    table = (
        "| Date | Participants | Mode |\n|---|---|---|\n| 2022-07-29 | Blinken, Lavrov | phone |"
    )
    body, _ = zone(page(*ARTICLE[:2], table, *ARTICLE[2:]))
    assert table in body


def test_document_id_ignores_whitespace_layout() -> None:
    one = "\n\n".join(ARTICLE)
    other = "  " + "\n".join(ARTICLE).replace(" ", "  ") + "\n\n"
    assert document_id(one) == document_id(other)
    assert re.fullmatch(r"[0-9a-f]{16}", document_id(one))
    assert document_id(one) != document_id(one.replace("Friday", "Thursday"))


def test_make_document_merges_extra_zones_and_validates_dates() -> None:
    from readouts.records import Zone

    doc = make_document(
        page(*ARTICLE, "Advertisement"),
        fmt="html",
        source="x.html",
        title=" Title ",
        published="2022-07-29T10:00:00Z",
        extra_zones=(Zone("comments", "nice"), Zone("boilerplate", "Print")),
    )
    assert doc.id == document_id(doc.body)
    assert doc.title == "Title" and doc.published == "2022-07-29"
    assert [z.name for z in doc.zones] == ["boilerplate", "comments"]
    assert doc.zones[0].text == "Advertisement\nPrint"
    assert make_document("x", fmt="text", source="s", published="yesterday").published is None


LINES = st.sampled_from(
    [
        LEDE,
        SECOND,
        QUOTE,
        THIRD,
        "",
        "Advertisement",
        "Skip to main content",
        "Home",
        "World",
        "3 Comments",
        "mike_88",
        "May 1, 2023 at 5:00 pm",
        "Reply",
        "Related Posts",
        "Kerry brings potatoes to Sochi",
        "<![CDATA[Russia]]>Featured",
        "Photo: Reuters",
        "By Jane Roe",
        "Jordan Example is a writer at the Example Review. Follow him on Twitter @je.",
        "Use promo code X to get 10% off your order.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINES, max_size=14), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_zoning_is_idempotent(lines: list[str], sep: str) -> None:
    body, zones = zone(sep.join(lines))
    assert zone(body) == (body, ())
    assert document_id(zone(body)[0]) == document_id(body)
    assert all(z.name in ZONE_NAMES for z in zones)
    assert normalise(body) == body


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_zoning_any_text_is_idempotent(text: str) -> None:
    body, _ = zone(text)
    assert zone(body)[0] == body
