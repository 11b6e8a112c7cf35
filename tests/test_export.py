"""Exports: CSV, JSONL and Parquet read back; PLOVER and CAMEO mappings."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from ledger_fixtures import BIDEN, BLINKEN, LAVROV, PUTIN, TRUMP, Doc
from readouts.errors import InputError
from readouts.export import cameo_rows, export, plover_records
from readouts.records import Contact
from readouts.resolve import resolve


@pytest.fixture
def events() -> list[Contact]:
    docs = [
        Doc("call", "2022-07-29").mention(
            [BLINKEN, LAVROV], date="2022-07-29", duration_minutes=25, topics=("grain", "prisoners")
        ),
        Doc("call2", "2022-07-30").mention([BLINKEN, LAVROV], date="2022-07-29", initiator="USA"),
        Doc("summit", "2021-06-17").mention(
            [BIDEN, PUTIN], mode="meeting", date="2021-06-16", location="Geneva"
        ),
        Doc("plan", "2025-10-16").mention(
            [TRUMP, PUTIN], mode="meeting", status="planned", date="2025-11"
        ),
        Doc("ask", "2022-02-12").mention([BLINKEN, LAVROV], status="requested", date="2022-02"),
        Doc("no", "2014-04-25").mention([BIDEN, PUTIN], status="declined", date="2014-04"),
        Doc("never", "2022-03-30").mention([BIDEN, PUTIN], status="not_occurred"),
    ]
    return resolve([d.item() for d in docs])


def test_csv_round_trip(events, tmp_path):
    path = tmp_path / "ledger.csv"
    assert export(events, "csv", path) == len(events)
    frame = pd.read_csv(path)
    assert list(frame["id"]) == [c.id for c in events]
    call = frame[frame["date"] == "2022-07-29"].iloc[0]
    assert call["outlets"] == 2 and call["duration_minutes"] == 25
    assert set(call["participants"].split("; ")) == {"Antony Blinken", "Sergey Lavrov"}
    assert call["topics"] == "grain; prisoners"


def test_jsonl_round_trip(events, tmp_path):
    path = tmp_path / "ledger.jsonl"
    export(events, "jsonl", path)
    back = [Contact.from_dict(json.loads(line)) for line in path.read_text().splitlines()]
    assert back == events
    assert len(pd.read_json(path, lines=True)) == len(events)


def test_parquet_round_trip(events, tmp_path):
    path = tmp_path / "ledger.parquet"
    export(events, "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == len(events)
    back = [Contact.from_dict(json.loads(d)) for d in table.column("data").to_pylist()]
    assert back == events
    frame = pd.read_parquet(path)
    call = frame[frame["date"] == "2022-07-29"].iloc[0]
    assert list(call["countries"]) == ["RUS", "USA"] and bool(call["implied"]) is False


def test_plover_mapping(events, tmp_path):
    path = tmp_path / "ledger.plover.json"
    n = export(events, "plover", path)
    records = json.loads(path.read_text())
    assert n == len(records) == len(events) - 1  # not_occurred is no event
    by_status = {r["status"]: r for r in records}
    call = next(r for r in records if r["contact_mode"] == "phone" and r["status"] == "occurred")
    assert (call["event"], call["mode"]) == ("CONSULT", "phone")
    assert call["actor"]["name"] == "Antony Blinken"  # the initiator acts
    assert call["recipient"] == {
        "name": "Sergey Lavrov",
        "id": "sergey-lavrov",
        "country": "RUS",
        "office": "foreign_minister",
        "role": None,
    }
    assert (by_status["planned"]["event"], by_status["planned"]["mode"]) == ("AGREE", "meet")
    assert (by_status["requested"]["event"], by_status["requested"]["mode"]) == ("REQUEST", "meet")
    assert by_status["declined"]["event"] == "REJECT"
    summit = next(r for r in records if r["location"] == "Geneva")
    assert summit["event"] == "CONSULT" and summit["mode"] in ("third-party", "visit")


def test_cameo_mapping(events, tmp_path):
    rows = {(r["Status"], r["Mode"]): r for r in cameo_rows(events)}
    assert rows[("occurred", "phone")]["EventCode"] == "041"
    assert rows[("occurred", "phone")]["SQLDATE"] == "20220729"
    assert rows[("occurred", "phone")]["NumSources"] == 2
    assert rows[("planned", "meeting")]["EventCode"] == "036"
    assert rows[("requested", "phone")]["EventCode"] == "026"
    assert rows[("declined", "phone")]["EventCode"] == "125"
    assert rows[("declined", "phone")]["QuadClass"] == 3
    assert rows[("occurred", "meeting")]["EventCode"] in ("040", "044")
    path = tmp_path / "ledger.cameo.tsv"
    assert export(events, "cameo", path) == len(rows)
    with path.open() as fh:
        read = list(csv.DictReader(fh, delimiter="\t"))
    assert {r["EventRootCode"] for r in read} == {"02", "03", "04", "12"}
    assert all(r["Actor1CountryCode"] != r["Actor2CountryCode"] for r in read)


def test_unknown_format_and_missing_directory(events, tmp_path):
    with pytest.raises(InputError, match="unknown export format"):
        export(events, "xml", tmp_path / "x.xml")
    with pytest.raises(InputError, match="directory does not exist"):
        export(events, "csv", tmp_path / "missing" / "x.csv")


def test_meeting_places_decide_visit_third_location_and_mediation(monkeypatch):
    from ledger_fixtures import ERDOGAN, office
    from readouts import export_codes as module

    class FakeRegistry:
        def country_code(self, text):
            return {"Moscow": "RUS", "Budapest": "HUN", "Antalya": "TUR"}.get(text)

    monkeypatch.setattr(module, "optional_registry", lambda: FakeRegistry())
    kuleba = office("UKR", "foreign_minister")
    docs = [
        Doc("moscow", "2015-05-13").mention(
            [BLINKEN, PUTIN], mode="meeting", date="2015-05-12", location="Moscow"
        ),
        Doc("budapest", "2025-10-21").mention(
            [TRUMP, PUTIN], mode="meeting", date="2025-10-20", location="Budapest"
        ),
        Doc("sochi", "2015-05-13").mention(
            [BIDEN, PUTIN], mode="meeting", date="2015-05-11", location="Sochi"
        ),
        Doc("antalya", "2022-03-10").mention(
            [LAVROV, kuleba, ERDOGAN], mode="meeting", date="2022-03-10", location="Antalya"
        ),
    ]
    rows = {r["ActionGeo_FullName"]: r for r in cameo_rows(resolve([d.item() for d in docs]))}
    moscow = rows["Moscow"]
    assert moscow["EventCode"] == "042"
    assert (moscow["Actor1CountryCode"], moscow["Actor2CountryCode"]) == ("USA", "RUS")
    assert rows["Budapest"]["EventCode"] == "044"
    assert rows["Sochi"]["EventCode"] == "040"
    assert rows["Antalya"]["EventCode"] == "045"
    assert rows["Antalya"]["Actor1CountryCode"] == "TUR"
    plover = {r["location"]: r for r in plover_records(resolve([d.item() for d in docs]))}
    assert plover["Moscow"]["mode"] == "visit" and plover["Moscow"]["recipient"]["country"] == "RUS"
    assert plover["Budapest"]["mode"] == "third-party"


def test_a_document_cited_twice_counts_once():
    from ledger_fixtures import AUSTIN, SHOIGU

    # One article recalls the earlier call and also claims nothing happened since.
    later = (
        Doc("later", "2024-06-25")
        .mention([AUSTIN, SHOIGU], date="2023-03")
        .claim([AUSTIN, SHOIGU], "first_since", "2023-03", text="the first call since March 2023")
    )
    (event,) = [c for c in resolve([later.item()]) if c.date == "2023-03"]
    assert [s.kind for s in event.sources] == ["mention", "gap_claim"]
    (row,) = cameo_rows([event])
    assert row["NumArticles"] == 1
    (record,) = plover_records([event])
    assert record["sources"] == [later.id]
    from readouts.export import flat_row

    assert flat_row(event)["sources"] == later.id


def test_empty_cameo_export_keeps_every_column(tmp_path):
    from readouts.export import CAMEO_COLUMNS

    path = tmp_path / "empty.tsv"
    assert export([], "cameo", path) == 0
    assert path.read_text().rstrip("\n").split("\t") == list(CAMEO_COLUMNS)


def test_export_to_standard_output(events):
    import io

    text = io.StringIO()
    assert export(events, "csv", "-", stdout=text) == len(events)
    assert len(pd.read_csv(io.StringIO(text.getvalue()))) == len(events)

    class Pipe(io.StringIO):
        """A text stream over a binary buffer, like sys.stdout when piped."""

        def __init__(self) -> None:
            super().__init__()
            self.buffer = io.BytesIO()

    pipe = Pipe()
    export(events, "parquet", "-", stdout=pipe)
    assert pq.read_table(io.BytesIO(pipe.buffer.getvalue())).num_rows == len(events)


def test_a_directory_or_unwritable_target_is_an_input_error(events, tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        export(events, "csv", tmp_path)
    too_long = tmp_path / ("x" * 300 + ".jsonl")  # the OS refuses it: no traceback
    with pytest.raises(InputError, match="File name too long"):
        export(events, "jsonl", too_long)
