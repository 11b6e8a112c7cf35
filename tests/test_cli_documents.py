"""Exact-output tests for `readouts ingest`, `readouts documents` and `readouts show`."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import readouts.cli.documents as cli_documents
from readouts.cli import app
from readouts.errors import InputError
from readouts.pipeline import IngestReport
from readouts.records import Document, Zone
from readouts.store import Store

runner = CliRunner()


def flat(text: str) -> str:
    """Return text without rich's box drawing and line wrapping."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


KERRY = Document(
    id="5a0c1e2f3b4d5e6f",
    body="Kerry met Lavrov in Sochi on Tuesday.\nThey talked for four hours.",
    raw="raw",
    title="Kerry and Lavrov meet in Sochi",
    published="2015-05-12",
    url="https://example.org/sochi",
    source="examples/sochi.html",
    format="html",
    zones=(
        Zone("navigation", "Home | World | Europe"),
        Zone("comments", "anon 2h ago: hello"),
        Zone("comments", "bob: hi"),
    ),
)
AUSTIN = Document(
    id="9b8a7c6d5e4f3a2b",
    body="Austin called Belousov.",
    raw="raw",
    title=None,
    published="2024-06-25",
    published_inferred=True,
    source="examples/austin.txt",
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Return a SQLite file holding two documents."""
    path = str(tmp_path / "cli.db")
    with Store.open(path) as store:
        store.add_documents([KERRY, AUSTIN])
    return path


def test_documents_table(db: str) -> None:
    result = runner.invoke(app, ["documents", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "ID                PUBLISHED    TITLE                           SOURCE"
        "               ZONES\n"
        "5a0c1e2f3b4d5e6f  2015-05-12   Kerry and Lavrov meet in Sochi  examples/sochi.html"
        "  navigation=21 comments=25\n"
        "9b8a7c6d5e4f3a2b  2024-06-25~                                  examples/austin.txt  -\n"
        "2 documents\n"
    )


def test_documents_json(db: str) -> None:
    result = runner.invoke(app, ["documents", "--json"], env={"READOUTS_DB": db})
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0] == {
        "id": "5a0c1e2f3b4d5e6f",
        "published": "2015-05-12",
        "published_inferred": False,
        "title": "Kerry and Lavrov meet in Sochi",
        "source": "examples/sochi.html",
        "url": "https://example.org/sochi",
        "format": "html",
        "body_chars": len(KERRY.body),
        "zones": {"navigation": 21, "comments": 25},
    }
    assert [r["id"] for r in rows] == [KERRY.id, AUSTIN.id]
    assert rows[1]["zones"] == {}


def test_documents_without_database_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["documents", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"error: no database at {tmp_path / 'none.db'} (run `readouts ingest` first)\n"
    )
    assert not (tmp_path / "none.db").exists()


def test_show_prints_body_then_zones(db: str) -> None:
    result = runner.invoke(app, ["show", "5a0c", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "id: 5a0c1e2f3b4d5e6f\n"
        "title: Kerry and Lavrov meet in Sochi\n"
        "published: 2015-05-12\n"
        "source: examples/sochi.html  (https://example.org/sochi)\n"
        "\n"
        "Kerry met Lavrov in Sochi on Tuesday.\nThey talked for four hours.\n"
        "\n"
        "removed zones:\n"
        "  navigation  21 chars\n"
        "  comments    25 chars\n"
    )


def test_show_zones_and_no_zones(db: str) -> None:
    result = runner.invoke(app, ["show", AUSTIN.id, "--db", db, "--zones"])
    assert result.stdout.endswith(
        "published: 2024-06-25 (inferred)\nsource: examples/austin.txt\n\n"
        "Austin called Belousov.\n\nremoved zones: none\n"
    )
    result = runner.invoke(app, ["show", KERRY.id, "--db", db, "--zones"])
    assert result.stdout.endswith(
        "\n--- comments ---\nanon 2h ago: hello\n\n--- comments ---\nbob: hi\n"
    )


def test_show_unknown_id(db: str) -> None:
    result = runner.invoke(app, ["show", "ffff", "--db", db])
    assert result.exit_code == 1
    assert result.stderr == "error: no document 'ffff'\n"


def test_ingest_prints_errors_and_summary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = {}

    def fake_ingest(
        paths: list[str], options: object, progress: object, on_error: Callable[..., None]
    ) -> IngestReport:
        seen["paths"], seen["options"] = paths, options
        errors = (InputError("bad.bin", "binary file"), InputError("x.jsonl:3", "invalid JSON"))
        for e in errors:
            on_error(e)
        return IngestReport(documents=7, new=5, failed=errors, doc_ids=())

    monkeypatch.setattr(cli_documents, "run_ingest", fake_ingest)
    db = str(tmp_path / "x.db")
    result = runner.invoke(
        app, ["ingest", "a", "b", "--db", db, "--format", "jsonl", "--published", "2022-07-29"]
    )
    assert result.exit_code == 1
    assert result.stdout == "ingested 7 documents (5 new), 2 failed\n"
    assert result.stderr == "error: bad.bin: binary file\nerror: x.jsonl:3: invalid JSON\n"
    assert seen["paths"] == ["a", "b"]
    opts = seen["options"]
    assert (opts.db, opts.format, opts.published) == (db, "jsonl", "2022-07-29")  # type: ignore[attr-defined]


def test_ingest_success_exits_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    report = IngestReport(documents=3, new=0, failed=(), doc_ids=())
    monkeypatch.setattr(cli_documents, "run_ingest", lambda *a: report)
    result = runner.invoke(app, ["ingest", "examples", "--quiet"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "ingested 3 documents (0 new), 0 failed\n",
        "",
    )


@pytest.mark.parametrize("bad", ["2024-13-01", "25/06/2024", "2024-6-1", "yesterday"])
def test_ingest_rejects_bad_published(bad: str) -> None:
    result = runner.invoke(app, ["ingest", "x", "--published", bad])
    assert result.exit_code == 2
    assert f"Invalid value for '--published': expected a date as YYYY-MM-DD, got '{bad}'" in flat(
        result.stderr
    )


def test_ingest_rejects_unknown_format() -> None:
    result = runner.invoke(app, ["ingest", "x", "--format", "pdf"])
    assert result.exit_code == 2
    assert "'pdf' is not one of" in flat(result.stderr)


def test_progress_bar_only_for_many_files_on_a_terminal() -> None:
    tty = Console(file=io.StringIO(), force_terminal=True)
    few = cli_documents.ProgressBar(console=tty)
    few(0, 5, None)
    few(5, 5, "e.txt")
    quiet = cli_documents.ProgressBar(quiet=True, console=tty)
    quiet(0, 50, None)
    piped = cli_documents.ProgressBar(console=Console(file=io.StringIO()))
    piped(0, 50, None)
    many = cli_documents.ProgressBar(console=tty)
    many(0, 6, None)
    many(1, 6, "a.txt")
    assert (few.bar, quiet.bar, piped.bar) == (None, None, None)
    assert many.bar is not None
    assert many.bar.tasks[0].completed == 1
    many.close()


def test_ingest_mixed_directory_end_to_end(tmp_path: Path) -> None:
    import readouts.ingest

    if not hasattr(readouts.ingest, "read_file"):
        pytest.skip("readouts.ingest.read_file not available yet")
    from test_pipeline import BAD, bad_input_dir

    d = bad_input_dir(tmp_path)
    db = str(tmp_path / "e2e.db")
    result = runner.invoke(app, ["ingest", str(d), "--db", db])
    assert result.exit_code == 1
    assert result.stdout == "ingested 2 documents (2 new), 6 failed\n"
    lines = result.stderr.splitlines()
    assert len(lines) == 6
    for name in [*BAD, "truncated.warc.gz"]:
        assert sum(line.startswith(f"error: {d / name}") for line in lines) == 1, name
    again = runner.invoke(app, ["ingest", str(d), "--db", db, "--quiet"])
    assert again.stdout == "ingested 2 documents (0 new), 6 failed\n"


def test_ingest_stdin(tmp_path: Path) -> None:
    import readouts.ingest

    if not hasattr(readouts.ingest, "read_file"):
        pytest.skip("readouts.ingest.read_file not available yet")
    db = str(tmp_path / "stdin.db")
    text = "Austin and Belousov speak\n\nThe two defence chiefs spoke by phone on Tuesday.\n"
    args = ["ingest", "-", "--db", db, "--published", "2024-06-26"]
    result = runner.invoke(app, args, input=text)
    assert (result.exit_code, result.stdout) == (0, "ingested 1 documents (1 new), 0 failed\n")
    listed = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)
    assert [(r["title"], r["published"], r["source"]) for r in listed] == [
        ("Austin and Belousov speak", "2024-06-26", "-")
    ]


def test_ingest_unopenable_database_is_a_clean_error(tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "dir.db"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: cannot open database {db}: directory does not exist\n"


def test_documents_show_dates_inferred_by_extraction(tmp_path: Path) -> None:
    from readouts.records import Extraction

    db = str(tmp_path / "inferred.db")
    undated = Document(id="0123456789abcdef", body="Lavrov spoke.", raw="r", source="u.txt")
    with Store.open(db) as store:
        store.add_documents([KERRY, undated])
        store.save_extraction(
            Extraction(doc_id=undated.id, published="2014-03-01", published_inferred=True), "1"
        )
    result = runner.invoke(app, ["documents", "--db", db])
    assert [line.split()[:2] for line in result.stdout.splitlines()[1:3]] == [
        ["0123456789abcdef", "2014-03-01~"],
        ["5a0c1e2f3b4d5e6f", "2015-05-12"],
    ]
    shown = runner.invoke(app, ["show", "0123", "--db", db])
    assert "published: 2014-03-01 (inferred)\n" in shown.stdout
