"""Tests for readouts.pipeline.ingest: per-file transactions, idempotence, re-extraction."""

from __future__ import annotations

import gzip
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import readouts.extract
import readouts.ingest
import readouts.resolve
from readouts.errors import InputError, StoreError
from readouts.options import Options
from readouts.pipeline import ingest
from readouts.records import Document, Extraction
from readouts.store import Store


@dataclass(frozen=True)
class FakeResult:
    """Same shape as readouts.ingest.FileResult."""

    source: str
    documents: tuple[Document, ...] = ()
    error: InputError | None = None


# What each fake input file "contains".
FILES: dict[str, FakeResult] = {
    "a.txt": FakeResult("a.txt", (Document(id="a1", body="Kerry met Lavrov.", raw="r"),)),
    "b.jsonl": FakeResult(
        "b.jsonl",
        (
            Document(id="b1", body="Austin called Belousov.", raw="r"),
            Document(id="b2", body="BOOM", raw="r"),
        ),
    ),
    "c.html": FakeResult("c.html", (Document(id="c1", body="Blinken spoke to Lavrov.", raw="r"),)),
    "d.warc": FakeResult(
        "d.warc",
        (Document(id="a1", body="Kerry met Lavrov.", raw="r"),),
        InputError("d.warc#2", "truncated record"),
    ),
}


@pytest.fixture
def fake_readers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Replace the readers, extractor and ledger with fakes; return the ledger's calls."""
    calls: list[tuple[str, ...]] = []

    def extract(doc: Document) -> Extraction:
        if doc.body == "BOOM":
            raise ValueError("extractor bug")
        return Extraction(doc_id=doc.id, published=doc.published)

    monkeypatch.setattr(readouts.ingest, "discover", lambda paths: list(paths), raising=False)
    monkeypatch.setattr(
        readouts.ingest, "read_file", lambda p, fmt="auto", published=None: FILES[p], raising=False
    )
    monkeypatch.setattr(readouts.extract, "extract_document", extract)
    monkeypatch.setattr(readouts.extract, "EXTRACTOR_VERSION", "v1")
    monkeypatch.setattr(readouts.resolve, "update_ledger", lambda s, ids: calls.append(tuple(ids)))
    return calls


def test_failing_file_rolls_back_only_itself(
    fake_readers: list[tuple[str, ...]], db_url: str
) -> None:
    report = ingest(["a.txt", "b.jsonl", "c.html"], Options(db=db_url))
    assert report.documents == 2
    assert report.new == 2
    assert [str(e) for e in report.failed] == [
        "b.jsonl: extraction failed: ValueError: extractor bug"
    ]
    assert report.summary == "ingested 2 documents (2 new), 1 failed"
    with Store.open(db_url) as store:
        # b1 was inserted before b2 failed: the whole file rolled back, a1 and c1 stayed.
        assert [d.id for d in store.documents()] == ["a1", "c1"]
        assert [e.doc_id for e in store.extractions()] == ["a1", "c1"]
    assert fake_readers == [("a1", "c1")]


def test_database_error_mid_file_rolls_back_that_file(
    fake_readers: list[tuple[str, ...]], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    save = Store.save_extraction

    def failing_save(self: Store, extraction: Extraction, version: str) -> None:
        if extraction.doc_id == "b2":
            raise StoreError("database error: disk full")
        save(self, extraction, version)

    monkeypatch.setattr(readouts.extract, "extract_document", lambda d: Extraction(doc_id=d.id))
    monkeypatch.setattr(Store, "save_extraction", failing_save)
    report = ingest(["a.txt", "b.jsonl", "c.html"], Options(db=db_url))
    assert [str(e) for e in report.failed] == ["b.jsonl: database error: disk full"]
    with Store.open(db_url) as store:
        # b1 and its extraction were written before b2 failed: the file's transaction undid them.
        assert [d.id for d in store.documents()] == ["a1", "c1"]
        assert [e.doc_id for e in store.extractions()] == ["a1", "c1"]


def test_second_ingest_adds_nothing(fake_readers: list[tuple[str, ...]], db_url: str) -> None:
    first = ingest(["a.txt", "c.html"], Options(db=db_url))
    second = ingest(["a.txt", "c.html"], Options(db=db_url))
    assert (first.new, second.new) == (2, 0)
    assert second.documents == 2
    assert second.doc_ids == ("a1", "c1")
    assert second.failed == ()
    # Nothing new and nothing stale: the ledger is not touched again.
    assert fake_readers == [("a1", "c1")]


def test_partial_file_keeps_good_documents_and_reports_error(
    fake_readers: list[tuple[str, ...]], db_url: str
) -> None:
    report = ingest(["d.warc", "a.txt"], Options(db=db_url))
    assert (report.documents, report.new) == (2, 1)
    assert [str(e) for e in report.failed] == ["d.warc#2: truncated record"]
    assert report.doc_ids == ("a1",)
    with Store.open(db_url) as store:
        assert [d.id for d in store.documents()] == ["a1"]


def test_partial_file_that_also_fails_to_store_is_one_error(
    fake_readers: list[tuple[str, ...]], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(doc: Document) -> Extraction:
        raise KeyError("x")

    monkeypatch.setattr(readouts.extract, "extract_document", broken)
    report = ingest(["d.warc"], Options(db=db_url))
    assert [str(e) for e in report.failed] == [
        "d.warc: extraction failed: KeyError: 'x'; also d.warc#2: truncated record"
    ]
    assert (report.documents, report.new) == (0, 0)


def test_new_extractor_version_reextracts_stored_documents(
    fake_readers: list[tuple[str, ...]], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(["a.txt", "c.html"], Options(db=db_url))
    monkeypatch.setattr(readouts.extract, "EXTRACTOR_VERSION", "v2")
    report = ingest(["a.txt"], Options(db=db_url))
    assert (report.new, report.reextracted) == (0, 2)
    assert fake_readers == [("a1", "c1"), ("a1", "c1")]
    with Store.open(db_url) as store:
        assert store.stale_documents("v2") == []


def test_failed_ledger_update_is_retried_by_next_ingest(
    fake_readers: list[tuple[str, ...]], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_ledger(store: Store, ids: list[str]) -> None:
        raise StoreError("database error: ledger bug")

    monkeypatch.setattr(readouts.resolve, "update_ledger", broken_ledger)
    with pytest.raises(StoreError, match="ledger bug"):
        ingest(["a.txt", "c.html"], Options(db=db_url))
    monkeypatch.setattr(readouts.resolve, "update_ledger", lambda s, ids: fake_readers.append(ids))
    report = ingest(["a.txt"], Options(db=db_url))
    # The documents stayed stored; their extractions were marked stale and are folded in now.
    assert (report.new, report.reextracted) == (0, 2)
    assert fake_readers == [["a1", "c1"]]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.lists(st.sampled_from(["k1", "k2", "k3", "k4", "k5", "k6"]), max_size=4),
        min_size=1,
        max_size=5,
    )
)
def test_reingest_in_any_order_adds_nothing(
    fake_readers: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch, layout: list[list[str]]
) -> None:
    files = {
        f"f{i}.jsonl": FakeResult(
            f"f{i}.jsonl", tuple(Document(id=k, body=f"Body {k}.", raw="r") for k in ids)
        )
        for i, ids in enumerate(layout)
    }
    monkeypatch.setattr(
        readouts.ingest, "read_file", lambda p, fmt="auto", published=None: files[p], raising=False
    )
    unique = {k for ids in layout for k in ids}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "p.db")
        first = ingest(sorted(files), Options(db=db))
        second = ingest(sorted(files, reverse=True), Options(db=db))
        with Store.open(db) as store:
            stored = store.documents()
    assert first.new == len(unique) == len(stored)
    assert second.new == 0 and second.documents == first.documents
    assert {d.id for d in stored} == unique == set(first.doc_ids) == set(second.doc_ids)


def test_progress_and_errors_are_reported_as_they_happen(
    fake_readers: list[tuple[str, ...]], db_url: str
) -> None:
    seen: list[object] = []
    report = ingest(
        ["a.txt", "d.warc", "c.html"],
        Options(db=db_url),
        lambda *a: seen.append(a),
        lambda e: seen.append(str(e)),
    )
    assert seen == [
        (0, 3, None),
        (1, 3, "a.txt"),
        "d.warc#2: truncated record",
        (2, 3, "d.warc"),
        (3, 3, "c.html"),
    ]
    assert [str(e) for e in report.failed] == ["d.warc#2: truncated record"]


def test_reader_crash_fails_only_that_file(
    fake_readers: list[tuple[str, ...]], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_file(path: str, fmt: str = "auto", published: str | None = None) -> FakeResult:
        if path == "crash.txt":
            raise RuntimeError("reader bug")
        return FILES[path]

    monkeypatch.setattr(readouts.ingest, "read_file", read_file, raising=False)
    report = ingest(["crash.txt", "c.html"], Options(db=db_url))
    assert [str(e) for e in report.failed] == ["crash.txt: RuntimeError: reader bug"]
    assert (report.documents, report.new, report.doc_ids) == (1, 1, ("c1",))


# The real readers, on a directory mixing good and bad files.

ARTICLE = (
    "Lavrov and Kerry meet in Sochi\n\n"
    "US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov "
    "in Sochi on {day} May 2015, the first visit of its kind in two years.\n"
)


def bad_input_dir(root: Path) -> Path:
    """Write good files and every kind of bad file the issue names; return the directory."""
    d = root / "mixed"
    d.mkdir()
    (d / "good1.txt").write_text(ARTICLE.format(day=12), encoding="utf-8")
    (d / "good2.txt.gz").write_bytes(gzip.compress(ARTICLE.format(day=13).encode()))
    (d / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "invalid.txt").write_bytes(b"\xff\xfe\x00\xd8" + bytes(range(128, 256)) * 8)
    (d / "broken.html").write_bytes(
        b'<html><head><title>Broken</ti<body><div class="nav"><a href=/>Home</a><p><b><<<>>> <div'
    )
    (d / "truncated.txt.gz").write_bytes(gzip.compress(ARTICLE.format(day=14).encode() * 20)[:60])
    (d / "truncated.warc.gz").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9")
    return d


BAD = ["binary.bin", "empty.txt", "invalid.txt", "broken.html", "truncated.txt.gz"]


def test_bad_input_directory_stores_good_and_names_bad(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading and storing are under test here; the ledger has its own tests.
    monkeypatch.setattr(readouts.resolve, "update_ledger", lambda store, ids: None)
    if not hasattr(readouts.ingest, "read_file"):
        pytest.skip("readouts.ingest.read_file not available yet")
    d = bad_input_dir(tmp_path)
    db = str(tmp_path / "r.db")
    report = ingest([str(d)], Options(db=db))
    failed = {Path(e.source.split("#")[0].split(":")[0]).name for e in report.failed}
    assert set(BAD) | {"truncated.warc.gz"} == failed
    assert (report.documents, report.new) == (2, 2)
    with Store.open(db) as store:
        assert {Path(x.source).name for x in store.documents()} == {"good1.txt", "good2.txt.gz"}


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_examples_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    if not hasattr(readouts.ingest, "read_file") or not any(EXAMPLES.glob("*/*")):
        pytest.skip("readers or examples/ not available yet")
    db = str(tmp_path / "examples.db")
    first = ingest([str(EXAMPLES)], Options(db=db))
    second = ingest([str(EXAMPLES)], Options(db=db))
    assert first.failed == () and second.failed == ()
    assert first.documents >= first.new >= 12
    assert (second.documents, second.new, second.reextracted) == (first.documents, 0, 0)
    assert second.doc_ids == first.doc_ids
    with Store.open(db) as store:
        assert store.count_documents() == first.new
        assert store.stale_documents(readouts.extract.EXTRACTOR_VERSION) == []


SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_real_warc_samples_store_what_is_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readouts.resolve, "update_ledger", lambda store, ids: None)
    samples = SHARED / "external" / "warc-samples"
    if not samples.is_dir():
        pytest.skip(f"../shared not found: {samples}")
    if not hasattr(readouts.ingest, "read_file"):
        pytest.skip("readouts.ingest.read_file not available yet")
    db = str(tmp_path / "warc.db")
    first = ingest([str(samples)], Options(db=db))
    # Several samples are deliberately broken: each is named, the readable records are kept.
    assert first.new > 0 and first.failed
    assert all(str(samples) in e.source for e in first.failed)
    again = ingest([str(samples)], Options(db=db))
    assert (again.new, again.documents, len(again.failed)) == (
        0,
        first.documents,
        len(first.failed),
    )
    with Store.open(db) as store:
        assert store.count_documents() == first.new
        assert {e.doc_id for e in store.extractions()} == set(first.doc_ids)
