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
    # The 2022-10 call is implied by the gap claim: starred, with the footnote.
    assert lines[2].split() == ["165", "2022-10*", "2023-03-15", ids["2022-10"], ids["2023-03-15"]]
    assert lines[3].split() == ["141", "2022-05-13", "2022-10*", ids["2022-05-13"], ids["2022-10"]]
    assert lines[4] == f"last contact: 2023-03-15 (phone, {ids['2023-03-15']})"
    assert lines[5].startswith("days since the last contact: ")
    assert lines[6] == "* implied by a gap claim"
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
    assert lines[-1] == "1 claim: 0 consistent, 0 contradicted, 1 unverifiable"
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


def test_json_and_csv_together_is_an_error(db):
    result = run("contacts", "--db", db, "--json", "--csv")
    assert result.exit_code == 1
    assert result.output == "error: --json/--csv: give at most one of --json or --csv\n"


def test_bad_actors_and_periods_are_one_line_errors(db):
    for args, message in [
        (("--countries", "USA", "XYZ"), "error: unknown country 'XYZ': give a code such as RUS"),
        (("--between", "USA:bogus", "RUS"), "error: unknown office 'bogus' in actor 'USA:bogus'"),
        (("--since", "2024", "--until", "2022"), "error: --since/--until: the period 2024 to"),
    ]:
        result = run("contacts", "--db", db, *args)
        assert result.exit_code == 1 and result.output.startswith(message), result.output
        assert len(result.output.splitlines()) == 1


def test_export_to_standard_output(db):
    import io

    result = run("export", "-f", "csv", "-o", "-", "--db", db, "--status", "occurred")
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(io.StringIO(result.stdout))) == 4
    assert result.stderr == "wrote 4 records to standard output\n"


def test_export_and_timeline_into_a_directory_are_clean_errors(db, tmp_path):
    result = run("export", "-f", "csv", "-o", str(tmp_path), "--db", db)
    assert (result.exit_code, result.output) == (
        1,
        f"error: {tmp_path}: is a directory; give a file name\n",
    )
    result = run("timeline", "Austin", "Shoigu", "--png", str(tmp_path), "--db", db)
    assert (result.exit_code, result.output) == (
        1,
        f"error: {tmp_path}: is a directory; give a file name\n",
    )


@pytest.mark.parametrize(
    "command", ["contacts", "last", "gaps", "claims", "timeline", "event", "export", "resolve"]
)
def test_help_teaches_with_examples(command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    examples = [
        line.strip() for line in result.output.splitlines() if "readouts " + command in line
    ]
    # The usage line plus at least one runnable example.
    assert any(line.startswith(f"readouts {command} ") for line in examples), result.output


def test_last_names_the_mode_it_looked_for(db):
    result = run("last", "Austin", "Shoigu", "--mode", "video", "--db", db)
    assert result.exit_code == 1
    assert result.output == (
        "error: no occurred video contact between Austin and Shoigu in the ledger\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("contacts", "--status", "bogus"),
            "error: --status: unknown value 'bogus' (choose from occurred, planned, requested, "
            "declined, cancelled, not_occurred)\n",
        ),
        (
            ("last", "Austin", "Shoigu", "--mode", "fax"),
            "error: --mode: unknown value 'fax' (choose from phone, video, meeting, letter, "
            "unspecified)\n",
        ),
        (
            ("export", "-f", "xml", "-o", "ledger.xml"),
            "error: --format: unknown value 'xml' (choose from csv, jsonl, parquet, plover, "
            "cameo)\n",
        ),
    ],
)
def test_a_bad_choice_is_one_line_and_exit_1(db, args, message):
    result = run(*args, "--db", db)
    assert (result.exit_code, result.output) == (1, message)


def test_choices_ignore_case(db):
    upper = run("contacts", "--db", db, "--status", "OCCURRED", "--mode", "Phone", "--json")
    lower = run("contacts", "--db", db, "--status", "occurred", "--mode", "phone", "--json")
    assert upper.exit_code == 0 and upper.output == lower.output


def test_export_says_what_plover_leaves_out(tmp_path):
    from ledger_fixtures import BIDEN, PUTIN

    path = str(tmp_path / "never.db")
    held = Doc("held", "2021-12-08").mention([BIDEN, PUTIN], mode="video", date="2021-12-07")
    never = Doc("never", "2022-03-30").mention([BIDEN, PUTIN], status="not_occurred")
    with Store.open(path) as store:
        store_docs(store, [held, never])
    out = tmp_path / "p.json"
    result = run("export", "-f", "plover", "-o", str(out), "--db", path)
    assert result.output == (
        f"wrote 1 record to {out} (1 of 2 events left out: not_occurred or one-sided)\n"
    )
    result = run("export", "-f", "jsonl", "-o", str(out), "--db", path)
    assert result.output == f"wrote 2 records to {out}\n"


def test_timeline_counts_one_contact_in_the_singular(db, tmp_path):
    png = tmp_path / "one.png"
    result = run("timeline", "Blinken", "Lavrov", "--png", str(png), "--db", db)
    assert result.output == f"wrote {png} (1 contact)\n"


def test_resolve_does_not_create_a_database(tmp_path):
    missing = tmp_path / "typo.db"
    result = run("resolve", "--db", str(missing))
    assert result.exit_code == 1 and result.output.startswith("error: no database at")
    assert not missing.exists()
