"""Tests for readouts.store: round-trips, idempotence, transactions, migrations, errors."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readouts.errors import NotFound, StoreError
from readouts.records import (
    GAP_TYPES,
    MODES,
    STATUSES,
    ZONE_NAMES,
    Document,
    Evidence,
    Extraction,
    GapClaim,
    Mention,
    Participant,
    Zone,
)
from readouts.store import Store, database_url
from readouts.store.migrate import current_revision, head_revision

# PostgreSQL text cannot hold NUL and UTF-8 cannot hold lone surrogates; readers never emit them.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
OPT_TEXT = st.none() | TEXT
DATES = st.none() | st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)

documents_st = st.builds(
    Document,
    id=st.just(""),
    body=TEXT,
    raw=TEXT,
    title=OPT_TEXT,
    published=DATES,
    published_inferred=st.booleans(),
    url=OPT_TEXT,
    author=OPT_TEXT,
    source=TEXT,
    format=st.sampled_from(["text", "html", "jsonl", "warc", "rss"]),
    external_id=OPT_TEXT,
    zones=st.lists(st.builds(Zone, name=st.sampled_from(ZONE_NAMES), text=TEXT), max_size=4).map(
        tuple
    ),
)


def doc(doc_id: str, body: str = "Body.", **kw: object) -> Document:
    """Build a small document."""
    return Document(id=doc_id, body=body, raw=body, **kw)  # type: ignore[arg-type]


def extraction(doc_id: str, *statuses: str) -> Extraction:
    """Build an extraction with one US-RU mention per status and one gap claim."""
    people = (
        Participant(text="Blinken", person_id="blinken", name="Antony Blinken", country="USA"),
        Participant(text="Lavrov", person_id="lavrov", name="Sergey Lavrov", country="RUS"),
    )
    ev = Evidence(doc_id=doc_id, start=0, end=5, text="Body.")
    mentions = tuple(
        Mention(
            doc_id=doc_id,
            participants=people,
            mode="phone",
            status=s,
            date="2022-07-29",
            topics=("prisoners",),
            evidence=(ev,),
        )
        for s in statuses
    )
    gap = GapClaim(doc_id=doc_id, participants=people, type="first_since", since="2022-02")
    return Extraction(doc_id=doc_id, mentions=mentions, gap_claims=(gap,), published="2022-07-30")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents_st)
def test_document_round_trip_is_identical(store: Store, generated: Document) -> None:
    d = Document.from_dict(generated.as_dict() | {"id": uuid.uuid4().hex[:16]})
    assert store.add_documents([d]) == [True]
    assert store.document(d.id) == d
    assert store.add_documents([d]) == [False]
    assert store.document(d.id) == d


def test_add_documents_reports_new_and_known(store: Store) -> None:
    a, b = doc("aaaa000000000001"), doc("bbbb000000000002")
    assert store.add_documents([a, a, b]) == [True, False, True]
    # A known id adds nothing, even when other fields differ.
    assert store.add_documents([doc("aaaa000000000001", body="Other.")]) == [False]
    assert store.document("aaaa000000000001").body == "Body."
    assert store.count_documents() == 2
    assert store.add_documents([]) == []


def test_document_accepts_unique_prefix(store: Store) -> None:
    store.add_documents([doc("abc1230000000000"), doc("abc4560000000000")])
    assert store.document("abc1").id == "abc1230000000000"
    with pytest.raises(NotFound, match="ambiguous"):
        store.document("abc")
    with pytest.raises(NotFound, match="no document 'ffff'"):
        store.document("ffff")
    with pytest.raises(NotFound):
        store.document("%")


def test_documents_are_ordered_by_date_undated_last(store: Store) -> None:
    store.add_documents(
        [
            doc("c000000000000000", published=None),
            doc("b000000000000000", published="2024-06-25"),
            doc("a000000000000000", published="2015-05-12"),
        ]
    )
    assert [d.id for d in store.documents()] == [
        "a000000000000000",
        "b000000000000000",
        "c000000000000000",
    ]


def test_failed_transaction_leaves_earlier_data_intact(store: Store) -> None:
    with store.transaction():
        store.add_documents([doc("1000000000000000")])
        store.save_extraction(extraction("1000000000000000", "occurred"), "v1")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_documents([doc("2000000000000000")])
        store.save_extraction(extraction("1000000000000000"), "v2")
        raise RuntimeError("reader crashed half-way")
    assert [d.id for d in store.documents()] == ["1000000000000000"]
    assert store.extraction("1000000000000000") == extraction("1000000000000000", "occurred")
    assert store.stale_documents("v1") == []


def test_extraction_round_trip_and_replace(store: Store) -> None:
    store.add_documents([doc("d000000000000000"), doc("e000000000000000")])
    assert store.extraction("d000000000000000") is None
    first = extraction("d000000000000000", "requested", "occurred")
    store.save_extraction(first, "v1")
    assert store.extraction("d000000000000000") == first
    second = extraction("d000000000000000", "declined")
    store.save_extraction(second, "v2")
    assert store.extractions() == [second]
    with store.engine.connect() as conn:
        statuses = conn.execute(sa.text("SELECT status FROM mentions ORDER BY idx")).scalars()
        assert list(statuses) == ["declined"]
        claims = conn.execute(sa.text("SELECT type, since FROM gap_claims")).all()
        assert [tuple(r) for r in claims] == [("first_since", "2022-02")]


def test_stale_documents_lists_missing_and_outdated(store: Store) -> None:
    store.add_documents([doc(f"{i}000000000000000") for i in range(3)])
    store.save_extraction(extraction("0000000000000000"), "v2")
    store.save_extraction(extraction("1000000000000000"), "v1")
    assert store.stale_documents("v2") == ["1000000000000000", "2000000000000000"]
    assert store.stale_documents("v1") == ["0000000000000000", "2000000000000000"]


def test_migrations_reach_head(store: Store) -> None:
    with store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        tables = set(sa.inspect(conn).get_table_names())
    assert {"documents", "extractions", "mentions", "gap_claims", "alembic_version"} <= tables


def test_file_database_persists_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with Store.open(str(path)) as s:
        s.add_documents([doc("f000000000000000", title="Kerry in Sochi")])
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with Store.open(f"sqlite:///{path}", readonly=True) as s:
        assert s.document("f0").title == "Kerry in Sochi"
        with pytest.raises(StoreError, match="read-only"):
            s.add_documents([doc("0f00000000000000")])


def test_open_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="it is a directory"):
        Store.open(str(tmp_path))
    with pytest.raises(StoreError, match="directory does not exist"):
        Store.open(str(tmp_path / "missing" / "r.db"))
    with pytest.raises(StoreError, match=r"no database at .*absent\.db"):
        Store.open(str(tmp_path / "absent.db"), readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all " * 200)
    with pytest.raises(StoreError, match=r"junk\.db: file is not a database"):
        Store.open(str(junk))
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open("nosuchdialect://x/y")


def test_database_from_a_newer_readouts_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "newer.db")
    with Store.open(path) as s, s.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match=r"newer\.db: its schema revision '9999' is unknown"):
        Store.open(path)


def test_database_url_forms(tmp_path: Path) -> None:
    assert database_url(":memory:").render_as_string() == "sqlite://"
    assert database_url(str(tmp_path / "a.db")).database == str(tmp_path / "a.db")
    assert database_url("postgresql+psycopg://u:p@h/db").get_backend_name() == "postgresql"


participants_st = st.builds(
    Participant,
    text=OPT_TEXT,
    person_id=OPT_TEXT,
    name=OPT_TEXT,
    country=st.none() | st.sampled_from(["USA", "RUS", "UN"]),
    office=OPT_TEXT,
    role=OPT_TEXT,
)
evidence_st = st.builds(
    Evidence, doc_id=st.just("x"), start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=TEXT
)
mentions_st = st.builds(
    Mention,
    doc_id=st.just("x"),
    participants=st.lists(participants_st, max_size=3).map(tuple),
    mode=st.sampled_from(MODES),
    status=st.sampled_from(STATUSES),
    date=DATES,
    location=OPT_TEXT,
    duration_minutes=st.none() | st.integers(0, 10_000),
    initiator=OPT_TEXT,
    topics=st.lists(TEXT, max_size=3).map(tuple),
    evidence=st.lists(evidence_st, max_size=2).map(tuple),
)
gaps_st = st.builds(
    GapClaim,
    doc_id=st.just("x"),
    participants=st.lists(participants_st, max_size=2).map(tuple),
    type=st.sampled_from(GAP_TYPES),
    mode=st.sampled_from(MODES),
    since=DATES,
    evidence=st.lists(evidence_st, max_size=2).map(tuple),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    mentions=st.lists(mentions_st, max_size=3),
    gaps=st.lists(gaps_st, max_size=2),
    published=DATES,
    inferred=st.booleans(),
)
def test_extraction_round_trip_is_identical(
    store: Store,
    mentions: list[Mention],
    gaps: list[GapClaim],
    published: str | None,
    inferred: bool,
) -> None:
    doc_id = uuid.uuid4().hex[:16]
    store.add_documents([doc(doc_id)])
    ex = Extraction(
        doc_id=doc_id,
        mentions=tuple(mentions),
        gap_claims=tuple(gaps),
        published=published,
        published_inferred=inferred,
    )
    store.save_extraction(ex, "v")
    assert store.extraction(doc_id) == ex


def test_migrations_match_schema_and_downgrade(tmp_path: Path) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import readouts.store.ledger  # noqa: F401  (registers the ledger's tables on the metadata)
    from readouts.store.migrate import alembic_config
    from readouts.store.schema import metadata

    path = str(tmp_path / "m.db")
    with Store.open(path) as s:
        with s.engine.connect() as conn:
            # The tables Core queries use are exactly what the migrations built.
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        with s.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        with s.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
    with Store.open(path) as s:
        assert s.documents() == []


def test_documents_by_ids_and_invalidate(store: Store) -> None:
    store.add_documents(
        [
            doc("a100000000000000", published="2022-07-29"),
            doc("b100000000000000", published="2015-05-12"),
            doc("c100000000000000"),
        ]
    )
    picked = store.documents(ids=["c100000000000000", "a100000000000000", "zzzz"])
    assert [d.id for d in picked] == ["a100000000000000", "c100000000000000"]
    assert store.documents(ids=[]) == []
    assert store.known_ids(["b100000000000000", "nope"]) == {"b100000000000000"}
    for d in picked:
        store.save_extraction(extraction(d.id), "v1")
    store.invalidate_extractions(["a100000000000000"])
    assert store.stale_documents("v1") == ["a100000000000000", "b100000000000000"]


def test_concurrent_writers_store_a_document_once(db_url: str) -> None:
    import threading

    inserted = threading.Event()
    results: dict[str, list[bool]] = {}

    def first() -> None:
        with Store.open(db_url) as s, s.transaction():
            results["first"] = s.add_documents([doc("cc00000000000000")])
            inserted.set()
            threading.Event().wait(0.3)  # hold the uncommitted row while the other writes

    def second() -> None:
        inserted.wait(10)
        with Store.open(db_url) as s:
            results["second"] = s.add_documents([doc("cc00000000000000")])

    Store.open(db_url).close()  # migrate first, so the writers only race on the row
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == {"first": [True], "second": [False]}
    with Store.open(db_url) as s:
        assert s.count_documents() == 1
