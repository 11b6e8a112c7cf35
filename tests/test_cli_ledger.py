"""The ledger commands: exact output, JSON, exit codes, files written."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from ledger_fixtures import AUSTIN, BLINKEN, LAVROV, SHOIGU, Doc, store_docs
from readouts.cli import app
from readouts.store import Store

runner = CliRunner()

BODY = (
    "Austin spoke with Shoigu by phone on Wednesday. "
    "Austin said he stressed the importance of keeping lines of communication open."
)


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "ledger.db")
    may = Doc("may", "2022-05-14", url="https://news.example.com/may")
    may.mention([AUSTIN, SHOIGU], date="2022-05-13", text="Austin spoke with Shoigu on Friday.")
    mar = Doc("mar", "2023-03-16", url="https://wire.example.org/mar", body=BODY)
    mar.mention([AUSTIN, SHOIGU], date="2023-03-15", text="Austin spoke with Shoigu by phone")
    mar.claim(
        [AUSTIN, SHOIGU],
        "first_since",
        "2022-10",
        mode="phone",
        text="It was the first call since October.",
    )
    call = Doc("call", "2022-07-29", url="https://news.example.com/call")
    call.mention([BLINKEN, LAVROV], date="2022-07-29", text="Blinken and Lavrov spoke.")
    with Store.open(path) as store:
        store_docs(store, [may, mar, call])
    return path


def run(*args: str):
    return runner.invoke(app, list(args))


def _ids(db):
    with Store.open(db) as store:
        from readouts.query import contacts

        return {c.date: c.id for c in contacts(store)}


def test_contacts_table(db):
    ids = _ids(db)
    result = run("contacts", "--db", db, "--between", "Lloyd Austin", "Sergei Shoigu")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "DATE        STATUS     MODE   PARTICIPANTS                             "
        "OUTLETS  CONF  EVENT",
        f"2022-05-13  occurred   phone  Sergei Shoigu (RUS), Lloyd Austin (USA)  1        0.50  "
        f"{ids['2022-05-13']}",
        f"2022-10     occurred*  phone  Sergei Shoigu (RUS), Lloyd Austin (USA)  1        0.29  "
        f"{ids['2022-10']}",
        f"2023-03-15  occurred   phone  Sergei Shoigu (RUS), Lloyd Austin (USA)  1        0.50  "
        f"{ids['2023-03-15']}",
        "3 contacts",
        "* implied by a gap claim",
    ]


def test_contacts_json_and_csv(db):
    data = json.loads(run("contacts", "--db", db, "--countries", "USA", "RUS", "--json").output)
    assert len(data) == 4 and {d["status"] for d in data} == {"occurred"}
    result = run("contacts", "--db", db, "--csv", "--since", "2022-07", "--until", "2022-12")
    lines = result.output.splitlines()
    assert lines[0].startswith("id,date,status,mode,participants")
    assert [line.split(",")[1] for line in lines[1:]] == ["2022-07-29", "2022-10"]


def test_contacts_bad_date_is_a_clean_error(db):
    result = run("contacts", "--db", db, "--since", "2022-13-01")
    assert result.exit_code == 1
    assert result.output.startswith("error: since: invalid date '2022-13-01'")


def test_last(db):
    ids = _ids(db)
    result = run("last", "Lloyd Austin", "Sergei Shoigu", "--before", "2023-01-01", "--db", db)
    assert result.exit_code == 0
    assert result.output.splitlines()[:5] == [
        "2022-10  phone  occurred  (implied by a gap claim)",
        "participants: Sergei Shoigu (RUS), Lloyd Austin (USA)",
        f"event: {ids['2022-10']}",
        "sources (1):",
        f"  {Doc('mar', None).id}  wire.example.org  published 2023-03-16  "
        "says occurred 2022-10 (gap claim)",
    ]
    latest = json.loads(run("last", "Austin", "Shoigu", "--db", db, "--json").output)
    assert latest["date"] == "2023-03-15"


def test_last_none_exits_1(db):
    result = run("last", "Antony Blinken", "Sergei Shoigu", "--db", db)
    assert result.exit_code == 1
    assert result.output == (
        "error: no occurred contact between Antony Blinken and Sergei Shoigu in the ledger\n"
    )


def test_gaps(db):
    ids = _ids(db)
    result = run("gaps", "Lloyd Austin", "RUS:defense_minister", "--db", db)
    lines = result.output.splitlines()
    assert lines[0] == "3 occurred contacts between Lloyd Austin and RUS:defense_minister"
    assert lines[1].split() == ["DAYS", "FROM", "TO", "FROM_EVENT", "TO_EVENT"]
    assert lines[2].split() == ["165", "2022-10", "2023-03-15", ids["2022-10"], ids["2023-03-15"]]
    assert lines[3].split() == ["141", "2022-05-13", "2022-10", ids["2022-05-13"], ids["2022-10"]]
    assert lines[4] == f"last contact: 2023-03-15 (phone, {ids['2023-03-15']})"
    assert lines[5].startswith("days since the last contact: ")
    data = json.loads(run("gaps", "Austin", "Shoigu", "--db", db, "--json").output)
    assert [g["days"] for g in data["gaps"]] == [165, 141]


def test_claims(db):
    result = run("claims", "--db", db)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == (
        f"UNVERIFIABLE  first_since 2022-10 (phone)  Lloyd Austin – Sergei Shoigu  "
        f"doc {Doc('mar', None).id} 2023-03-16"
    )
    assert lines[-1] == "1 claims: 0 consistent, 0 contradicted, 1 unverifiable"
    (verdict,) = json.loads(run("claims", "--db", db, "--json").output)
    assert verdict["verdict"] == "unverifiable" and verdict["since"] == "2022-10"


def test_event(db):
    ids = _ids(db)
    result = run("event", ids["2023-03-15"][:10], "--db", db)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:6] == [
        f"event {ids['2023-03-15']}",
        "date: 2023-03-15",
        "status: occurred",
        "history: occurred",
        "mode: phone",
        "participants: Sergei Shoigu (RUS), Lloyd Austin (USA)",
    ]
    assert "accounts:" in lines
    assert (
        "    Austin: “Austin said he stressed the importance of keeping lines of communication "
        f"open.” ({Doc('mar', None).id})"
    ) in lines
    missing = run("event", "ev-000", "--db", db)
    assert missing.exit_code == 1 and missing.output == "error: no event 'ev-000' in the ledger\n"


def test_timeline_png_and_html(db, tmp_path):
    png = tmp_path / "t.png"
    result = run("timeline", "Lloyd Austin", "Sergei Shoigu", "--png", str(png), "--db", db)
    assert result.output == f"wrote {png} (3 contacts)\n"
    assert png.read_bytes().startswith(b"\x89PNG")
    page = tmp_path / "t.html"
    run("timeline", "Austin", "Shoigu", "--html", str(page), "--db", db)
    assert "<table>" in page.read_text()
    both = run("timeline", "Austin", "Shoigu", "--db", db)
    assert both.exit_code == 1 and "exactly one of --png FILE or --html FILE" in both.output


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "plover", "cameo"])
def test_export(db, tmp_path, fmt):
    out = tmp_path / f"ledger.{fmt}"
    result = run("export", "--format", fmt, "-o", str(out), "--db", db, "--status", "occurred")
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote 4 records to {out}\n"
    if fmt == "parquet":
        assert len(pd.read_parquet(out)) == 4
    elif fmt == "jsonl":
        assert len(pd.read_json(out, lines=True)) == 4


def test_resolve_rebuilds_to_the_same_ledger(db):
    before = run("contacts", "--db", db, "--json").output
    assert run("resolve", "--db", db).output == "ledger rebuilt: 4 events\n"
    assert run("contacts", "--db", db, "--json").output == before


def test_missing_database(tmp_path):
    result = run("contacts", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and result.output.startswith("error: no database at")


def test_long_participant_lists_are_shortened_in_tables():
    from ledger_fixtures import ANTONOV, BIDEN, PUTIN
    from readouts.cli.ledger_format import contacts_lines, people
    from readouts.resolve import resolve

    summit = Doc("summit", "2021-06-17").mention(
        [BIDEN, PUTIN, BLINKEN, LAVROV, ANTONOV], mode="meeting", date="2021-06-16"
    )
    (event,) = resolve([summit.item()])
    assert people(event).count("(") == 5
    assert people(event, limit=4).endswith(" +1")
    assert " +1  " in contacts_lines([event])[1]
