"""Map ledger events to PLOVER-style records and CAMEO/GDELT-like rows.

The mappings are documented in docs/ledger.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from readouts.records import Contact, Participant
from readouts.resolve_units import optional_registry

__all__ = ["CAMEO", "CAMEO_COLUMNS", "cameo_rows", "label", "plover_records", "unique_docs"]

# Whose name stands for a side when a summit has several people on it.
_SENIORITY = (
    "head_of_state",
    "head_of_government",
    "secretary_general",
    "foreign_minister",
    "defense_minister",
    "national_security_adviser",
    "military_chief",
    "intelligence_chief",
    "envoy",
)
# CAMEO code → (Goldstein scale, quad class), as GDELT scores them.
CAMEO = {
    "026": (3.0, 1),  # appeal to others to meet or negotiate
    "036": (4.0, 1),  # express intent to meet or negotiate
    "040": (1.0, 1),  # consult, not specified
    "041": (1.0, 1),  # discuss by telephone
    "042": (1.9, 1),  # make a visit
    "043": (2.8, 1),  # host a visit
    "044": (2.5, 1),  # meet at a "third" location
    "045": (5.0, 1),  # mediate
    "125": (-5.0, 3),  # reject proposal to meet, discuss, or negotiate
}
CAMEO_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Office",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Office",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "Status",
    "Mode",
    "Implied",
    "Confidence",
)


def label(p: Participant) -> str:
    """Return the name that stands for a participant: canonical name, else its key."""
    return p.name or p.key


def _sides(c: Contact) -> list[tuple[str, Participant]]:
    """Return each side's most senior participant, the initiating side first."""
    best: dict[str, Participant] = {}
    for p in c.participants:
        side = p.country or p.key
        rank = _SENIORITY.index(p.office) if p.office in _SENIORITY else len(_SENIORITY)
        held = best.get(side)
        held_rank = (
            _SENIORITY.index(held.office) if held and held.office in _SENIORITY else len(_SENIORITY)
        )
        if held is None or rank < held_rank:
            best[side] = p
    order = sorted(best, key=lambda s: (s != c.initiator, s))
    return [(s, best[s]) for s in order]


def _host(c: Contact) -> str | None:
    """Return the side whose country the meeting took place in, if the location says so."""
    if not c.location:
        return None
    registry = optional_registry()
    if registry is None:
        return None
    try:
        code = registry.country_code(c.location)
    except Exception:  # a place the registry cannot read: the host stays unknown
        return None
    return str(code) if code else None


def _meeting_kind(c: Contact, sides: Sequence[str]) -> tuple[str | None, str | None]:
    """Return (host side, 'third' for another country, or None if unknown; mediator side)."""
    host = _host(c)
    if host is None:
        return None, None
    if host in sides:
        return host, host if len(sides) > 2 else None
    return "third", None


def _host_second(sides: list[tuple[str, Participant]], host: str) -> list[tuple[str, Participant]]:
    """Return the sides reordered so that the host is second (the recipient, Actor2)."""
    others = [s for s in sides if s[0] != host]
    hosts = [s for s in sides if s[0] == host]
    return [others[0], *hosts, *others[1:]]


def _actor(p: Participant) -> dict[str, Any]:
    return {
        "name": p.name,
        "id": p.person_id,
        "country": p.country,
        "office": p.office,
        "role": p.role,
    }


def plover_records(events: Sequence[Contact]) -> list[dict[str, Any]]:
    """Return PLOVER-style records: CONSULT/AGREE/REQUEST/REJECT with actor and recipient."""
    records = []
    for c in events:
        if c.status == "not_occurred":
            continue  # PLOVER codes events, not their absence
        sides = _sides(c)
        if len(sides) < 2:
            continue
        names = [s for s, _ in sides]
        if c.status == "occurred":
            event = "CONSULT"
            if c.mode in ("phone", "video"):
                mode = "phone"
            elif c.mode == "meeting":
                host, _ = _meeting_kind(c, names)
                mode = "third-party" if host == "third" else "visit"
                if host in names:
                    sides = _host_second(sides, host)  # the visitor acts, the host receives
            else:
                mode = ""
        else:
            event = {"planned": "AGREE", "requested": "REQUEST"}.get(c.status, "REJECT")
            mode = "meet"
        records.append(
            {
                "id": c.id,
                "date": c.date,
                "event": event,
                "mode": mode,
                "context": list(c.topics),
                "actor": _actor(sides[0][1]),
                "recipient": _actor(sides[1][1]),
                "participants": [_actor(p) for p in c.participants],
                "status": c.status,
                "contact_mode": c.mode,
                "location": c.location,
                "duration_minutes": c.duration_minutes,
                "implied": c.implied,
                "confidence": c.confidence,
                "sources": unique_docs(c),
                "outlets": c.outlets,
            }
        )
    return records


def _cameo_code(c: Contact, names: list[str]) -> tuple[str, str | None, str | None]:
    """Return the CAMEO code, the side to put first (a mediator) and the side to put second."""
    if c.status == "planned":
        return "036", None, None
    if c.status == "requested":
        return "026", None, None
    if c.status in ("declined", "cancelled"):
        return "125", None, None
    if c.mode in ("phone", "video"):
        return "041", None, None
    if c.mode == "meeting":
        host, mediator = _meeting_kind(c, names)
        if mediator:
            return "045", mediator, None
        if host == "third":
            return "044", None, None
        if host in names:
            return "042", None, host  # Actor1 makes the visit, Actor2 hosts it
    return "040", None, None


def cameo_rows(events: Sequence[Contact]) -> list[dict[str, Any]]:
    """Return GDELT-like event rows with CAMEO codes (not_occurred events are left out)."""
    rows = []
    for c in events:
        sides = _sides(c)
        if c.status == "not_occurred" or len(sides) < 2:
            continue
        names = [s for s, _ in sides]
        code, first, second = _cameo_code(c, names)
        if second:
            sides = _host_second(sides, second)
        if first:
            sides = [s for s in sides if s[0] == first] + [s for s in sides if s[0] != first]
        goldstein, quad = CAMEO[code]
        (s1, a1), (s2, a2) = sides[0], sides[1]
        rows.append(
            {
                "GLOBALEVENTID": c.id,
                "SQLDATE": (c.date or "").replace("-", ""),
                "Actor1Name": label(a1),
                "Actor1CountryCode": s1,
                "Actor1Office": a1.office,
                "Actor2Name": label(a2),
                "Actor2CountryCode": s2,
                "Actor2Office": a2.office,
                "EventCode": code,
                "EventBaseCode": code,
                "EventRootCode": code[:2],
                "QuadClass": quad,
                "GoldsteinScale": goldstein,
                "NumSources": c.outlets,
                "NumArticles": len(unique_docs(c)),
                "ActionGeo_FullName": c.location or "",
                "Status": c.status,
                "Mode": c.mode,
                "Implied": c.implied,
                "Confidence": c.confidence,
            }
        )
    return rows


def unique_docs(c: Contact) -> list[str]:
    """Return the event's source documents, each once (a mention and a claim share one)."""
    return list(dict.fromkeys(s.doc_id for s in c.sources))
