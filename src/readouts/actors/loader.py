"""Read the registry's CSV files into plain rows, collecting problems instead of failing."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from readouts.actors.model import OFFICES, ORGANISATIONS, TENURE_COLUMNS, fold, slug

DATA_DIR = Path(__file__).resolve().parent / "data"
TENURE_DIR = DATA_DIR / "tenures"
COUNTRY_COLUMNS = ("code", "name", "aliases", "demonyms", "capital", "metonyms", "leader")
PLACE_COLUMNS = ("phrase", "country", "office")
TITLE_COLUMNS = ("phrase", "office", "country")
REQUIRED_TENURE = ("office", "title", "name", "start")
# A tenure whose note says this holds the office of another state's person (a monarch
# reigning in several realms); it decides their own country only when nothing else does.
PERSONAL_UNION = "personal union"
# Offices that mark a domestic political career: the third tie-break of home_country().
HOME_OFFICES = frozenset({"head_of_government", "foreign_minister"})


def default_overlay() -> Path:
    """Return the user overlay directory: ``$READOUTS_HOME/overlay`` (``~/.readouts``)."""
    home = os.environ.get("READOUTS_HOME")
    base = Path(home).expanduser() if home else Path.home() / ".readouts"
    return base / "overlay"


@dataclass(frozen=True)
class Row:
    """One tenure line as written, with where it came from."""

    country: str
    office: str
    host: str | None
    title: str
    name: str
    aliases: tuple[str, ...]
    start: date
    end: date | None
    note: str
    source: str  # "path:line"


@dataclass(frozen=True)
class Country:
    """A country or organisation and the words that name it."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    metonyms: tuple[str, ...]
    leader: str  # the office that leads its government: head_of_state or head_of_government

    def texts(self) -> tuple[str, ...]:
        """Return every text that names the country."""
        out = [self.name, *self.aliases, *self.demonyms, *self.metonyms]
        if self.capital:
            out.append(self.capital)
        return tuple(t for t in out if t)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def _date(cell: str, where: str, column: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(cell)
    except ValueError:
        problems.append(f"{where}: bad {column} date {cell!r} (want YYYY-MM-DD)")
        return None


def _reader(path: Path, problems: list[str]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Return the header and (line number, row) pairs of a CSV file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot read: {exc}")
        return [], []
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    rows = []
    for row in reader:
        if not any((v or "").strip() for k, v in row.items() if k is not None):
            continue
        if None in row:
            problems.append(f"{path}:{reader.line_num}: more cells than header columns")
        clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
        rows.append((reader.line_num, clean))
    return header, rows


def read_tenures(path: Path, problems: list[str]) -> list[Row]:
    """Read a tenure file; its country is the file name (``RUS.csv``) or a ``country`` column."""
    header, rows = _reader(path, problems)
    if not header:
        if not problems or not problems[-1].startswith(str(path)):
            problems.append(f"{path}:1: empty file (want header {','.join(TENURE_COLUMNS)})")
        return []
    per_row_country = header[0] == "country"
    missing = [c for c in REQUIRED_TENURE if c not in header]
    unknown = [c for c in header if c not in TENURE_COLUMNS and c != "country"]
    if missing or unknown:
        want = ("country," if per_row_country else "") + ",".join(TENURE_COLUMNS)
        what = f"missing columns {missing}" if missing else f"unknown columns {unknown}"
        problems.append(f"{path}:1: {what} (want header {want})")
        return []
    out = []
    for line, row in rows:
        where = f"{path}:{line}"
        country = row.get("country", "") if per_row_country else path.stem
        empty = [c for c in REQUIRED_TENURE if not row.get(c)]
        if per_row_country and not country:
            empty.insert(0, "country")
        if empty:
            problems.append(f"{where}: empty {', '.join(empty)}")
            continue
        if row["office"] not in OFFICES:
            problems.append(f"{where}: unknown office type {row['office']!r}")
            continue
        start = _date(row["start"], where, "start", problems)
        end = _date(row["end"], where, "end", problems) if row.get("end") else None
        if start is None or (row.get("end") and end is None):
            continue
        out.append(
            Row(
                country=country.upper(),
                office=row["office"],
                host=row.get("host", "").upper() or None,
                title=row["title"],
                name=row["name"],
                aliases=_split(row.get("aliases")),
                start=start,
                end=end,
                note=row.get("note", ""),
                source=where,
            )
        )
    return out


def _check_header(
    path: Path, header: list[str], want: tuple[str, ...], problems: list[str]
) -> bool:
    missing = [c for c in want if c not in header]
    if missing:
        problems.append(f"{path}:1: missing columns {missing} (want header {','.join(want)})")
    return not missing


def read_countries(path: Path, problems: list[str]) -> dict[str, Country]:
    """Read ``countries.csv`` into a code -> Country map."""
    header, rows = _reader(path, problems)
    if not _check_header(path, header, COUNTRY_COLUMNS[:-1], problems):
        return {}
    out: dict[str, Country] = {}
    for line, row in rows:
        code = row["code"].upper()
        leader = row.get("leader") or "head_of_state"
        if not code or not row["name"]:
            problems.append(f"{path}:{line}: empty code or name")
            continue
        if code in out:
            problems.append(f"{path}:{line}: duplicate country code {code}")
        if leader not in ("head_of_state", "head_of_government"):
            problems.append(f"{path}:{line}: leader must be head_of_state or head_of_government")
            leader = "head_of_state"
        out[code] = Country(
            code=code,
            name=row["name"],
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
            capital=row["capital"],
            metonyms=_split(row["metonyms"]),
            leader=leader,
        )
    return out


def read_phrases(
    path: Path, columns: tuple[str, str, str], problems: list[str]
) -> list[tuple[str, str, str | None, str]]:
    """Read ``places.csv`` or ``titles.csv``: (phrase, second, optional third, "file:line")."""
    header, rows = _reader(path, problems)
    if not _check_header(path, header, columns, problems):
        return []
    out = []
    for line, row in rows:
        phrase, second, third = (row.get(c, "") for c in columns)
        if not phrase:
            problems.append(f"{path}:{line}: empty {columns[0]}")
            continue
        out.append((phrase, second, third or None, f"{path}:{line}"))
    return out


def tenure_files(*dirs: Path | None) -> list[Path]:
    """Return the CSV files of the given directories, sorted, skipping missing ones."""
    files: list[Path] = []
    for d in dirs:
        if d is not None and d.is_dir():
            files.extend(sorted(p for p in d.glob("*.csv") if p.is_file()))
    return files


def row_key(row: Row) -> tuple[str, str, str, str | None, date]:
    """Return what identifies a tenure: person, country, office, host and start."""
    return (slug(row.name), row.country, row.office, row.host, row.start)


def latest_rows(rows: Iterable[Row]) -> tuple[tuple[Row, ...], list[tuple[Row, Row]]]:
    """Return rows with a later line replacing an earlier one of the same tenure, and the pairs.

    The overlay is read after the shipped files, so a user corrects a shipped tenure
    (an end date, a title) by repeating its person, country, office, host and start.
    """
    latest: dict[tuple[str, str, str, str | None, date], Row] = {}
    replaced = []
    for row in rows:
        key = row_key(row)
        if key in latest:
            replaced.append((latest[key], row))
        latest[key] = row  # keeps the first line's place: title order matters
    return tuple(latest.values()), replaced


def _names_country(title: str, country: Country | None) -> bool:
    """Return whether a title contains the country's name, an alias or a demonym."""
    if country is None:
        return False
    text = f" {re.sub(r'[^a-z0-9]+', ' ', fold(title))} "
    for word in (country.name, *country.aliases, *country.demonyms):
        key = re.sub(r"[^a-z0-9]+", " ", fold(word)).strip()
        if key and f" {key} " in text:
            return True
    return False


def home_country(rows: Sequence[Row], countries: Mapping[str, Country] | None = None) -> str:
    """Return a person's own country from their tenure rows (docs/registry.md, "Own country").

    Candidates are the country files, leaving out organisations and tenures noted as
    held in personal union unless nothing else is left. The file with the most
    tenures wins, then the earliest-starting tenure, then one holding a head of
    government or foreign minister tenure, then one whose title names the country,
    then the alphabetically first code.
    """
    if not rows:
        raise ValueError("a person needs at least one tenure")
    states = [r for r in rows if r.country not in ORGANISATIONS]
    own = [r for r in states if PERSONAL_UNION not in r.note.lower()]
    candidates = own or states or list(rows)
    by_code: dict[str, list[Row]] = {}
    for row in candidates:
        by_code.setdefault(row.country, []).append(row)
    known = countries or {}

    def rank(code: str) -> tuple[int, date, bool, bool, str]:
        held = by_code[code]
        return (
            -len(held),
            min(r.start for r in held),
            not any(r.office in HOME_OFFICES for r in held),
            not any(_names_country(r.title, known.get(code)) for r in held),
            code,
        )

    return min(by_code, key=rank)
