"""Event resolution: merge mentions across documents into canonical ledger events.

``resolve`` is pure: documents with their extractions in, ``Contact`` events out,
the same events whatever the input order. ``update_ledger`` re-resolves only the
channels (sets of sides, e.g. RUS|USA) the given documents touch and replaces
those events in the store. The rules are documented in docs/ledger.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from readouts import dates
from readouts.records import Contact, Document, Extraction
from readouts.resolve_accounts import evidence_owner
from readouts.resolve_merge import build_contact
from readouts.resolve_units import (
    DocMeta,
    Unit,
    participants_compatible,
    units_of,
)

__all__ = [
    "DocMeta",
    "cluster_units",
    "contacts_of",
    "rebuild_ledger",
    "resolve",
    "resolve_units",
    "update_ledger",
]


class _Cluster:
    """Units resolved to one event so far."""

    def __init__(self, unit: Unit, index: int) -> None:
        self.units = [unit]
        self.index = index  # creation order breaks ties deterministically
        self.months: set[tuple[int, int]] = set()  # index entries, see _Channel
        self.docs: set[str] = set()

    @property
    def reported(self) -> bool:
        return any(u.kind == "mention" for u in self.units)

    def day_dates(self) -> list[str]:
        return [u.date for u in self.units if u.date and dates.precision(u.date) == "day"]

    def latest(self) -> tuple[int, ...]:
        return max((dates.sort_key(u.date) for u in self.units if u.date), default=(0,))


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _largest(cluster: _Cluster) -> Sequence[Any]:
    return max((u.participants for u in cluster.units), key=len)


def _fits(unit: Unit, cluster: _Cluster) -> bool:
    """Return whether ``unit`` can describe the same contact as every unit of ``cluster``."""
    big = len(_largest(cluster))
    if len(unit.participants) > big:
        # A summit joins only when it covers every pair already in the event.
        others = cluster.units
    else:
        # A pair (a summit's principals) joins when it fits the summit, the largest list.
        others = [v for v in cluster.units if len(v.participants) == big][:1]
    if not all(participants_compatible(unit.participants, v.participants) for v in others):
        return False
    for v in cluster.units:
        if unit.mode != "unspecified" and v.mode not in (unit.mode, "unspecified"):
            return False
        if (unit.status == "not_occurred") != (v.status == "not_occurred"):
            return False
        if not _same_doc_ok(unit, v):
            return False
        if not _dates_ok(unit, v):
            return False
    return True


def _same_doc_ok(unit: Unit, v: Unit) -> bool:
    """Return whether two units of one document may be one contact.

    A document states each contact once with one status: two mentions in it with
    different statuses or different days are different contacts; a gap claim never
    joins the contact its own document reports as current.
    """
    if unit.doc_id != v.doc_id:
        return True
    if unit.kind == "mention" and v.kind == "mention":
        if unit.status != v.status:
            return False
        return not (unit.date and v.date and not dates.compatible(unit.date, v.date, 0))
    if unit.kind != v.kind:
        mention = v if v.kind == "mention" else unit
        pub = mention.meta.published
        return not (mention.date and pub and dates.compatible(mention.date, pub, 1))
    return True


def _dates_ok(unit: Unit, v: Unit) -> bool:
    if unit.date and v.date:
        return dates.compatible(unit.date, v.date, tolerance_days=1)
    if unit.doc_id == v.doc_id and unit.kind == v.kind:
        return True  # one document repeating a contact, once with its date
    a = dates.interval(unit.date) if unit.date else unit.window()
    b = dates.interval(v.date) if v.date else v.window()
    if a is None and v.date:
        return True  # an undated document: any dated event, when it is the only one
    return a is not None and b is not None and _overlap(a, b)


def _closeness(unit: Unit, cluster: _Cluster) -> tuple[Any, ...]:
    """Rank candidate clusters for a day-precise unit: exact participants, then nearest day."""
    exact = len(unit.participants) == len(_largest(cluster))
    gaps = [abs(dates.days_between(unit.date, d) or 0) for d in cluster.day_dates()]
    return (not exact, min(gaps, default=99), cluster.index)


def _choose(unit: Unit, candidates: list[_Cluster]) -> _Cluster | None:
    """Return the cluster a unit joins, or None to start its own event."""
    if not candidates:
        return None
    if unit.kind == "gap_claim":
        # The contact a claim implies is the latest matching one; reported beat implied.
        return max(candidates, key=lambda c: (c.reported, c.latest(), -c.index))
    if unit.date and dates.precision(unit.date) == "day":
        return min(candidates, key=lambda c: _closeness(unit, c))
    same_doc = [c for c in candidates if any(v.doc_id == unit.doc_id for v in c.units)]
    if len(same_doc) == 1:
        return same_doc[0]
    # A vaguer mention joins only an unambiguous event.
    return candidates[0] if len(candidates) == 1 else None


def _span(unit: Unit) -> tuple[date, date] | None:
    """Return the days a unit can refer to (a day of slack around a date), None if any."""
    if unit.date:
        first, last = dates.interval(unit.date)
        return first - timedelta(days=1), last + timedelta(days=1)
    return unit.window()


def _months(span: tuple[date, date]) -> Iterator[tuple[int, int]]:
    year, month = span[0].year, span[0].month
    while (year, month) <= (span[1].year, span[1].month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


class _Channel:
    """The clusters of one channel, indexed by the months they cover and their documents.

    The index only narrows the search: a unit can fit a cluster only if their days
    overlap or they share a document, so the result equals a scan of every cluster.
    """

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_month: dict[tuple[int, int], list[_Cluster]] = {}
        self.by_doc: dict[str, list[_Cluster]] = {}

    def candidates(self, unit: Unit) -> list[_Cluster]:
        span = _span(unit)
        if span is None:  # an undated document: any dated event may be meant
            return self.clusters
        found = {c.index: c for c in self.by_doc.get(unit.doc_id, ())}
        for month in _months(span):
            found.update((c.index, c) for c in self.by_month.get(month, ()))
        return [found[i] for i in sorted(found)]

    def add(self, unit: Unit, cluster: _Cluster | None, index: int) -> None:
        if cluster is None:
            cluster = _Cluster(unit, index)
            self.clusters.append(cluster)
        else:
            cluster.units.append(unit)
        span = _span(unit)
        for month in _months(span) if span else ():
            if month not in cluster.months:
                cluster.months.add(month)
                self.by_month.setdefault(month, []).append(cluster)
        if unit.doc_id not in cluster.docs:
            cluster.docs.add(unit.doc_id)
            self.by_doc.setdefault(unit.doc_id, []).append(cluster)


def cluster_units(units: Iterable[Unit]) -> list[list[Unit]]:
    """Group units into events; the result depends only on the set of units, not their order."""
    # A document seen twice has the same id, hence the same unit keys: keep one of each.
    unique = {u.key: u for u in units}.values()
    ordered = sorted(unique, key=lambda u: (u.kind != "mention", *u.order()))
    channels: dict[str, _Channel] = {}
    count = 0
    for unit in ordered:
        channel = channels.setdefault(unit.channel, _Channel())
        chosen = _choose(unit, [c for c in channel.candidates(unit) if _fits(unit, c)])
        channel.add(unit, chosen, count)
        count += chosen is None
    return [c.units for ch in channels.values() for c in ch.clusters]


def resolve_units(
    items: Iterable[tuple[Document | DocMeta, Extraction]],
) -> list[Unit]:
    """Return the units (mentions and claim-implied contacts) of documents with extractions."""
    units: list[Unit] = []
    for doc, extraction in items:
        units.extend(units_of(DocMeta.of(doc, extraction.published), extraction))
    return units


def resolve(items: Iterable[tuple[Document | DocMeta, Extraction]]) -> list[Contact]:
    """Return one event per contact the documents report, ordered by date then id."""
    return contacts_of(resolve_units(items))


def contacts_of(units: Iterable[Unit], context: Sequence[Unit] | None = None) -> list[Contact]:
    """Return the events the given units resolve to, ordered by date then id.

    ``context`` holds every unit of the documents involved (default: ``units``): a
    statement belongs to the contact mentioned last before it, in whatever channel.
    """
    units = list(units)
    owner = evidence_owner(units if context is None else context)
    contacts = [build_contact(group, owner) for group in cluster_units(units)]
    return sorted(contacts, key=lambda c: (dates.sort_key(c.date), c.id))


def update_ledger(store: Any, doc_ids: Iterable[str]) -> None:
    """Fold the given documents' mentions into the ledger held by ``store``."""
    from readouts.store import ledger as ledger_store

    doc_ids = set(doc_ids)
    if not doc_ids:
        return
    all_units = _stored_units(store)
    with store.transaction() as conn:
        touched = ledger_store.channels_citing(conn, doc_ids)
        empty = ledger_store.count_contacts(conn) == 0
    if empty:
        # A ledger never built (e.g. a database from before it existed): build it whole.
        touched |= {u.channel for u in all_units}
    touched |= {u.channel for u in all_units if u.doc_id in doc_ids}
    _replace(store, [u for u in all_units if u.channel in touched], touched, all_units)


def rebuild_ledger(store: Any) -> int:
    """Re-resolve every stored extraction into a fresh ledger; return the number of events."""
    from readouts.store import ledger as ledger_store

    units = _stored_units(store)
    with store.transaction() as conn:
        channels = ledger_store.all_channels(conn)
    return _replace(store, units, channels | {u.channel for u in units}, units)


def _stored_units(store: Any) -> list[Unit]:
    """Return the units of every stored extraction, document bodies loaded lazily."""
    units: list[Unit] = []
    for extraction in store.extractions():
        meta = DocMeta(doc_id=extraction.doc_id, published=extraction.published)
        units.extend(units_of(meta, extraction))
    return units


def _with_documents(store: Any, units: list[Unit]) -> list[Unit]:
    """Return the units with their documents' outlet and body filled in."""
    anchors = {u.doc_id: u.meta.published for u in units}  # the date extraction used
    metas = {
        doc_id: DocMeta.of(store.document(doc_id), anchors[doc_id]) for doc_id in sorted(anchors)
    }
    return [replace(u, meta=metas[u.doc_id]) for u in units]


def _replace(store: Any, units: list[Unit], channels: set[str], context: list[Unit]) -> int:
    from readouts.store import ledger as ledger_store

    contacts = contacts_of(_with_documents(store, units), context)
    with store.transaction() as conn:
        ledger_store.delete_channels(conn, channels)
        ledger_store.save_contacts(conn, contacts)
    return len(contacts)
