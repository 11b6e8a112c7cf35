"""One-call queries behind the ``readouts actors`` commands."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from readouts.actors.model import OFFICES, Person, Tenure, as_date
from readouts.actors.registry import Registry
from readouts.actors.validate import check
from readouts.errors import InputError, NotFound


def parse_day(on: str | None) -> date:
    """Return a YYYY-MM-DD string as a date (today when None), or raise InputError."""
    try:
        return as_date(on)
    except ValueError:
        raise InputError("--on", f"bad date {on!r} (want YYYY-MM-DD)") from None


def who(
    registry: Registry,
    country: str,
    office: str,
    on: str | date | None = None,
    host: str | None = None,
) -> tuple[Person, Tenure]:
    """Return the holder of an office on a day and their tenure, or raise NotFound."""
    day = on if isinstance(on, date) else parse_day(on)
    code = registry.resolve_code(country)
    host_code = registry.resolve_code(host) if host else None
    kind = office if office in OFFICES else registry.office_type(office.replace("_", " "), code)
    if kind is None:
        raise InputError(office, f"unknown office (one of: {', '.join(OFFICES)})")
    if code not in registry.countries:
        raise NotFound(f"unknown country {country!r}")
    person = registry.holder(code, kind, day, host=host_code)
    if person is None:
        where = f" in {host_code}" if host_code else ""
        raise NotFound(f"no {kind}{where} of {code} known on {day.isoformat()}")
    tenure = next(
        t
        for t in person.tenures
        if t.country == code
        and t.office == kind
        and t.covers(day)
        and (host_code is None or t.host == host_code)
    )
    return person, tenure


def check_all(registry: Registry) -> list[str]:
    """Return the problems of the shipped data and overlay a registry was loaded from."""
    return check(registry)


def registry_files(registry: Registry) -> list[Path]:
    """Return the tenure files a registry was read from."""
    return [Path(f) for f in registry.files]
