"""The ledger's tables and their SQL: events, their participants and their sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from readouts import dates
from readouts.errors import NotFound
from readouts.records import Contact
from readouts.resolve_units import channel_of
from readouts.store.schema import metadata

contacts = sa.Table(
    "contacts",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("channel", sa.String(200), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("date_start", sa.String(10), index=True),  # first day the date covers
    sa.Column("date_end", sa.String(10)),  # last day the date covers
    sa.Column("implied", sa.Boolean, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("outlets", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

contact_participants = sa.Table(
    "contact_participants",
    metadata,
    sa.Column(
        "contact_id",
        sa.String(32),
        sa.ForeignKey("contacts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(200), nullable=False, index=True),
    sa.Column("person_id", sa.String(200)),
    sa.Column("country", sa.String(16), index=True),
    sa.Column("office", sa.String(64)),
)

contact_sources = sa.Table(
    "contact_sources",
    metadata,
    sa.Column(
        "contact_id",
        sa.String(32),
        sa.ForeignKey("contacts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("doc_id", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
)


def _rows(contact: Contact) -> dict[str, object]:
    start, end = dates.interval(contact.date) if contact.date else (None, None)
    return {
        "id": contact.id,
        "channel": channel_of(contact.participants),
        "status": contact.status,
        "mode": contact.mode,
        "date": contact.date,
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "implied": contact.implied,
        "confidence": contact.confidence,
        "outlets": contact.outlets,
        "data": contact.as_dict(),
    }


def save_contacts(conn: sa.Connection, events: Sequence[Contact]) -> None:
    """Insert events (their ids must not be stored yet)."""
    if not events:
        return
    conn.execute(contacts.insert(), [_rows(c) for c in events])
    parts = [
        {
            "contact_id": c.id,
            "idx": i,
            "key": p.key,
            "person_id": p.person_id,
            "country": p.country,
            "office": p.office,
        }
        for c in events
        for i, p in enumerate(c.participants)
    ]
    if parts:
        conn.execute(contact_participants.insert(), parts)
    sources = [
        {"contact_id": c.id, "idx": i, "doc_id": s.doc_id, "kind": s.kind}
        for c in events
        for i, s in enumerate(c.sources)
    ]
    if sources:
        conn.execute(contact_sources.insert(), sources)


def delete_channels(conn: sa.Connection, channels: Iterable[str]) -> None:
    """Delete every event of the given channels, children first."""
    channels = sorted(set(channels))
    if not channels:
        return
    ids = sa.select(contacts.c.id).where(contacts.c.channel.in_(channels))
    conn.execute(contact_sources.delete().where(contact_sources.c.contact_id.in_(ids)))
    conn.execute(contact_participants.delete().where(contact_participants.c.contact_id.in_(ids)))
    conn.execute(contacts.delete().where(contacts.c.channel.in_(channels)))


def channels_citing(conn: sa.Connection, doc_ids: Iterable[str]) -> set[str]:
    """Return the channels of events that cite any of the given documents."""
    doc_ids = sorted(set(doc_ids))
    if not doc_ids:
        return set()
    query = (
        sa.select(contacts.c.channel)
        .join(contact_sources, contact_sources.c.contact_id == contacts.c.id)
        .where(contact_sources.c.doc_id.in_(doc_ids))
        .distinct()
    )
    return set(conn.execute(query).scalars())


def all_channels(conn: sa.Connection) -> set[str]:
    """Return every channel the ledger holds events for."""
    return set(conn.execute(sa.select(contacts.c.channel).distinct()).scalars())


def load_contacts(
    conn: sa.Connection,
    *,
    keys: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    status: str | None = None,
    mode: str | None = None,
) -> list[Contact]:
    """Return events, narrowed in SQL by a participant key/country, status or mode."""
    query = sa.select(contacts.c.data)
    if keys is not None:
        has = sa.select(contact_participants.c.contact_id).where(
            contact_participants.c.key.in_(sorted(set(keys)))
        )
        query = query.where(contacts.c.id.in_(has))
    if countries is not None:
        has = sa.select(contact_participants.c.contact_id).where(
            contact_participants.c.country.in_(sorted(set(countries)))
        )
        query = query.where(contacts.c.id.in_(has))
    if status:
        query = query.where(contacts.c.status == status)
    if mode:
        query = query.where(contacts.c.mode == mode)
    order = (contacts.c.date_start.is_(None), contacts.c.date_start, contacts.c.id)
    return [Contact.from_dict(d) for d in conn.execute(query.order_by(*order)).scalars()]


def load_contact(conn: sa.Connection, event_id: str) -> Contact:
    """Return one event by id or unique id prefix; raise NotFound otherwise."""
    data = conn.execute(sa.select(contacts.c.data).where(contacts.c.id == event_id)).scalar()
    if data is not None:
        return Contact.from_dict(data)
    like = contacts.c.id.startswith(event_id, autoescape=True)
    rows = list(conn.execute(sa.select(contacts.c.data).where(like).limit(2)).scalars())
    if not event_id or not rows:
        raise NotFound(f"no event {event_id!r} in the ledger")
    if len(rows) > 1:
        raise NotFound(f"event id prefix {event_id!r} is ambiguous; give more characters")
    return Contact.from_dict(rows[0])


def count_contacts(conn: sa.Connection) -> int:
    """Return how many events the ledger holds."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar_one())
