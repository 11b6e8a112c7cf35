"""CLI commands on the ledger: contacts, last, gaps, claims, timeline, event, export, resolve."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from typing import Annotated, Any

import typer

from readouts import claims as claims_lib
from readouts import export as export_lib
from readouts import query
from readouts import timeline as timeline_lib
from readouts.cli.common import DbOption, JsonOption, app, handle_errors, out
from readouts.cli.ledger_format import (
    claims_lines,
    contacts_lines,
    event_lines,
    gaps_lines,
    last_lines,
)
from readouts.errors import InputError, NotFound
from readouts.options import Options
from readouts.records import Contact
from readouts.resolve import rebuild_ledger
from readouts.store import Store


class Status(StrEnum):
    """Statuses a contact can have."""

    occurred = "occurred"
    planned = "planned"
    requested = "requested"
    declined = "declined"
    cancelled = "cancelled"
    not_occurred = "not_occurred"


class Mode(StrEnum):
    """Modes a contact can have."""

    phone = "phone"
    video = "video"
    meeting = "meeting"
    letter = "letter"
    unspecified = "unspecified"


class ExportFormat(StrEnum):
    """Formats `readouts export` writes."""

    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"
    cameo = "cameo"


Between = Annotated[
    tuple[str, str] | None,
    typer.Option(
        "--between",
        help="Two actors: names, country codes or COUNTRY:office.",
        metavar="A B",
        show_default=False,
    ),
]
Countries = Annotated[
    tuple[str, str] | None,
    typer.Option(
        "--countries", help="Two country codes, e.g. USA RUS.", metavar="X Y", show_default=False
    ),
]
StatusOpt = Annotated[Status | None, typer.Option("--status", help="Only this status.")]
ModeOpt = Annotated[Mode | None, typer.Option("--mode", help="Only this mode.")]
Since = Annotated[
    str | None,
    typer.Option("--since", help="On or after this date.", metavar="YYYY[-MM[-DD]]"),
]
Until = Annotated[
    str | None,
    typer.Option("--until", help="On or before this date.", metavar="YYYY[-MM[-DD]]"),
]
ActorA = Annotated[str, typer.Argument(help="A name, country code or COUNTRY:office.")]
ActorB = Annotated[str, typer.Argument(help="The other actor.")]


def _open(db: str | None) -> Store:
    return Store.open(Options.build(db=db).db, readonly=True)


def _print(lines: list[str]) -> None:
    for line in lines:
        out.print(line, markup=False, emoji=False)


def _json(value: Any) -> None:
    out.print(json.dumps(value, ensure_ascii=False, indent=2), markup=False, emoji=False)


def _select(
    db: str | None,
    between: tuple[str, str] | None,
    countries: tuple[str, str] | None,
    status: Status | None,
    mode: Mode | None,
    since: str | None,
    until: str | None,
) -> list[Contact]:
    with _open(db) as store:
        return query.contacts(
            store,
            between=between,
            countries=countries,
            status=status.value if status else None,
            mode=mode.value if mode else None,
            since=since,
            until=until,
        )


@app.command()
@handle_errors
def contacts(
    db: DbOption = None,
    between: Between = None,
    countries: Countries = None,
    status: StatusOpt = None,
    mode: ModeOpt = None,
    since: Since = None,
    until: Until = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
) -> None:
    """List ledger events, oldest first.

    Examples: readouts contacts --between "Antony Blinken" "Sergey Lavrov";
    readouts contacts --countries USA RUS --status occurred --since 2022-02.
    """
    events = _select(db, between, countries, status, mode, since, until)
    if as_json:
        _json([c.as_dict() for c in events])
    elif as_csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(export_lib.FLAT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(export_lib.flat_row(c) for c in events)
        out.print(buf.getvalue().rstrip("\n"), markup=False, emoji=False)
    else:
        _print(contacts_lines(events))


@app.command()
@handle_errors
def last(
    a: ActorA,
    b: ActorB,
    db: DbOption = None,
    before: Annotated[
        str | None, typer.Option("--before", help="Strictly before this date (YYYY[-MM[-DD]]).")
    ] = None,
    mode: ModeOpt = None,
    as_json: JsonOption = False,
) -> None:
    """Show the latest contact that occurred between two actors, with its sources.

    Example: readouts last "Lloyd Austin" "Sergei Shoigu" --before 2024-01-01.
    Exits with status 1 when the ledger holds none.
    """
    with _open(db) as store:
        found = query.last_contact(store, a, b, before=before, mode=mode.value if mode else None)
    if found is None:
        when = f" before {before}" if before else ""
        raise NotFound(f"no occurred contact between {a} and {b}{when} in the ledger")
    if as_json:
        _json(found.as_dict())
    else:
        _print(last_lines(found))


@app.command()
@handle_errors
def gaps(a: ActorA, b: ActorB, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show the intervals between consecutive contacts of two actors, longest first.

    Example: readouts gaps "Joe Biden" "Vladimir Putin".
    """
    with _open(db) as store:
        report = query.gaps(store, a, b)
    if as_json:
        _json(report.as_dict())
    else:
        _print(gaps_lines(report))


@app.command()
@handle_errors
def claims(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Check every gap claim ("the first call since …") against the ledger.

    Each claim is consistent, contradicted (naming the contradicting event) or unverifiable.
    """
    with _open(db) as store:
        verdicts = claims_lib.verdicts(store)
    if as_json:
        _json([v.as_dict() for v in verdicts])
    else:
        _print(claims_lines(verdicts))


@app.command()
@handle_errors
def timeline(
    a: ActorA,
    b: ActorB,
    db: DbOption = None,
    png: Annotated[str | None, typer.Option("--png", help="Write a PNG picture here.")] = None,
    html: Annotated[
        str | None, typer.Option("--html", help="Write a self-contained HTML page here.")
    ] = None,
) -> None:
    """Draw the contacts between two actors over time, by mode and status, gaps shaded.

    Example: readouts timeline "Joe Biden" "Vladimir Putin" --html biden-putin.html.
    """
    if bool(png) == bool(html):
        raise InputError("timeline", "give exactly one of --png FILE or --html FILE")
    with _open(db) as store:
        events = query.contacts(store, between=(a, b))
    title = f"Contacts between {a} and {b}"
    if png:
        path = timeline_lib.write_png(events, png, title)
    else:
        path = timeline_lib.write_html(events, html or "", title)
    out.print(f"wrote {path} ({len(events)} contacts)", markup=False, emoji=False)


@app.command()
@handle_errors
def event(
    event_id: Annotated[str, typer.Argument(help="An event id or a unique prefix of one.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show everything about one event: its sources and each side's account."""
    with _open(db) as store:
        found = query.event(store, event_id)
    if as_json:
        _json(found.as_dict())
    else:
        _print(event_lines(found))


@app.command("export")
@handle_errors
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The file to write.")],
    db: DbOption = None,
    between: Between = None,
    countries: Countries = None,
    status: StatusOpt = None,
    mode: ModeOpt = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Export ledger events as CSV, JSONL, Parquet, PLOVER-style JSON or CAMEO rows (TSV).

    Example: readouts export --format parquet -o ledger.parquet --countries USA RUS.
    """
    events = _select(db, between, countries, status, mode, since, until)
    n = export_lib.export(events, fmt.value, output)
    out.print(f"wrote {n} records to {output}", markup=False, emoji=False)


@app.command()
@handle_errors
def resolve(db: DbOption = None) -> None:
    """Rebuild the whole ledger from the stored extractions (ingest updates it incrementally)."""
    with Store.open(Options.build(db=db).db) as store:
        n = rebuild_ledger(store)
    out.print(f"ledger rebuilt: {n} events", markup=False, emoji=False)
