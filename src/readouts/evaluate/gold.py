"""Read gold files and turn an extraction into the gold format (GUIDELINES.md, format v1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from readouts.errors import InputError
from readouts.records import GAP_TYPES, MODES, STATUSES, Document, Extraction, Participant


def _check_date(value: Any, where: str, key: str) -> None:
    if value is None:
        return
    from readouts.dates import validate

    if not isinstance(value, str):
        raise InputError(where, f"{key} must be a date string or null, not {value!r}")
    try:
        validate(value)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise InputError(
            where, f"{key} {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY ({exc})"
        ) from None


def _check_contact(c: Any, where: str) -> None:
    if not isinstance(c, dict):
        raise InputError(where, "a contact must be a JSON object")
    parts = c.get("participants")
    if not isinstance(parts, list) or len(parts) < 2:
        raise InputError(where, "a contact needs a list of at least two participants")
    for p in parts:
        if not isinstance(p, dict):
            raise InputError(where, f"a contact participant must be an object, not {p!r}")
    if c.get("status") not in STATUSES:
        raise InputError(where, f"unknown contact status {c.get('status')!r}")
    if c.get("mode", "unspecified") not in MODES:
        raise InputError(where, f"unknown contact mode {c.get('mode')!r}")
    _check_date(c.get("date"), where, "contact date")


def _check_gap_claim(g: Any, where: str) -> None:
    if not isinstance(g, dict):
        raise InputError(where, "a gap claim must be a JSON object")
    parts = g.get("participants")
    if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
        raise InputError(where, "gap-claim participants must be a list of strings")
    if g.get("type") not in GAP_TYPES:
        raise InputError(where, f"unknown gap-claim type {g.get('type')!r}")
    _check_date(g.get("since"), where, "gap-claim since")


def load_gold(path: str | Path, *, need_text: bool = True) -> list[dict[str, Any]]:
    """Read a gold JSONL file, raising InputError naming file:line on anything malformed.

    With ``need_text=False`` it reads predictions in the gold format (no ``text`` needed),
    e.g. the output of ``readouts extract --jsonl``.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(rec, dict):
            raise InputError(where, "each line must be a JSON object")
        if not isinstance(rec.get("id"), str) or not rec["id"]:
            raise InputError(where, "missing 'id'")
        if rec["id"] in seen:
            raise InputError(where, f"duplicate id {rec['id']!r}")
        seen.add(rec["id"])
        if need_text and not isinstance(rec.get("text"), str):
            raise InputError(where, "missing 'text'")
        _check_date(rec.get("published"), where, "published")
        for key in ("contacts", "gap_claims"):
            if not isinstance(rec.setdefault(key, []), list):
                raise InputError(where, f"'{key}' must be a list")
        for c in rec["contacts"]:
            _check_contact(c, where)
        for g in rec["gap_claims"]:
            _check_gap_claim(g, where)
        records.append(rec)
    return records


def _role(p: Participant) -> str | None:
    if p.role:
        return p.role
    # An office type ("defense_minister") still reads through the registry's vocabulary.
    return p.office.replace("_", " ") if p.office else None


def participant_dict(p: Participant) -> dict[str, Any]:
    """Return a participant in the gold form ``{name, country, role}``."""
    return {"name": p.name, "country": p.country, "role": _role(p)}


def gap_participant(p: Participant) -> str:
    """Return a gap-claim participant in the gold form: the name, else ``COUNTRY:role``."""
    if p.name:
        return p.name
    return f"{p.country or '?'}:{_role(p) or ''}"


def _evidence(evidence: tuple[Any, ...]) -> str | None:
    texts = [e.text for e in evidence if e.text]
    return " ".join(texts) if texts else None


def to_gold_record(doc: Document, extraction: Extraction) -> dict[str, Any]:
    """Return the prediction for ``doc`` in the gold format."""
    contacts = [
        {
            "participants": [participant_dict(p) for p in m.participants],
            "mode": m.mode,
            "status": m.status,
            "date": m.date,
            "location": m.location,
            "duration_minutes": m.duration_minutes,
            "initiator": m.initiator,
            "evidence": _evidence(m.evidence),
        }
        for m in extraction.mentions
    ]
    gap_claims = [
        {
            "participants": [gap_participant(p) for p in g.participants],
            "mode": g.mode,
            "type": g.type,
            "since": g.since,
            "evidence": _evidence(g.evidence),
        }
        for g in extraction.gap_claims
    ]
    return {
        "id": doc.external_id or doc.id,
        "published": doc.published or extraction.published,
        "contacts": contacts,
        "gap_claims": gap_claims,
    }
