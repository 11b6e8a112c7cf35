"""CLI commands on the ledger: contacts, last, gaps, claims, timeline, event, export, resolve."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

from readouts import claims as claims_lib
from readouts import export as export_lib
from readouts import query
from readouts import timeline as timeline_lib
from readouts.cli.common import DbOption, JsonOption, app, err, handle_errors, out
from readouts.cli.ledger_format import (
    claims_lines,
    contacts_lines,
    event_lines,
    gaps_lines,
    last_lines,
)
from readouts.cli.ledger_options import (
    ActorA,
    ActorB,
    Between,
    Countries,
    ExportFormat,
    Mode,
    ModeOpt,
    Since,
    Status,
    StatusOpt,
    Until,
    choice,
)
from readouts.errors import InputError, NotFound
from readouts.options import Options
from readouts.records import Contact
from readouts.resolve import rebuild_ledger
from readouts.store import Store


def _open(db: str | None) -> Store:
    return Store.open(Options.build(db=db).db, readonly=True)


def _print(lines: list[str]) -> None:
    for line in lines:
        out.print(line, markup=False, emoji=False)


def _json(value: Any) -> None:
    out.print(json.dumps(value, ensure_ascii=False, indent=2), markup=False, emoji=False)


def _show(found: Any, lines: Callable[[Any], list[str]], as_json: bool) -> None:
    """Print a result (a record, or a list of them) as JSON or as the lines ``lines`` gives."""
    if as_json:
        _json([r.as_dict() for r in found] if isinstance(found, list) else found.as_dict())
    else:
        _print(lines(found))


def _select(
    db: str | None,
    between: tuple[str, str] | None,
    countries: tuple[str, str] | None,
    status: str | None,
    mode: str | None,
    since: str | None,
    until: str | None,
) -> list[Contact]:
    with _open(db) as store:
        return query.contacts(
            store,
            between=between,
            countries=countries,
            status=choice(status, Status, "--status"),
            mode=choice(mode, Mode, "--mode"),
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
    """List ledger events, oldest first (undated last).

    A * after the status marks a contact implied by a gap claim ("the first call since …").

    Examples:

        readouts contacts --between "Antony Blinken" "Sergey Lavrov"

        readouts contacts --countries USA RUS --status occurred --since 2022-02 --json

        readouts contacts --between "Lloyd Austin" RUS:defense_minister --csv > calls.csv
    """
    if as_json and as_csv:
        raise InputError("--json/--csv", "give at most one of --json or --csv")
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
        str | None,
        typer.Option(
            "--before",
            help="Strictly before this date (a month or year: before its first day).",
            metavar="YYYY[-MM[-DD]]",
        ),
    ] = None,
    mode: ModeOpt = None,
    as_json: JsonOption = False,
) -> None:
    """Show the latest contact that occurred between two actors, with its sources.

    Exits with status 1 when the ledger holds none.

    Examples:

        readouts last "Lloyd Austin" "Sergei Shoigu" --before 2024-01-01

        readouts last USA:foreign_minister RUS:foreign_minister --mode phone --json
    """
    mode = choice(mode, Mode, "--mode")
    with _open(db) as store:
        found = query.last_contact(store, a, b, before=before, mode=mode)
    if found is None:
        when = f" before {before}" if before else ""
        kind = f"{mode} " if mode else ""
        raise NotFound(f"no occurred {kind}contact between {a} and {b}{when} in the ledger")
    _show(found, last_lines, as_json)


@app.command()
@handle_errors
def gaps(a: ActorA, b: ActorB, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show the days between consecutive occurred contacts of two actors, longest first.

    Also prints the last contact and the days since it; * marks contacts implied by a gap claim.

    Examples:

        readouts gaps "Joe Biden" "Vladimir Putin"

        readouts gaps USA RUS --json
    """
    with _open(db) as store:
        report = query.gaps(store, a, b)
    _show(report, gaps_lines, as_json)


@app.command()
@handle_errors
def claims(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Check every gap claim ("the first call since …") against the ledger.

    Each claim is consistent, contradicted (naming the contradicting event) or unverifiable.

    Examples:

        readouts claims

        readouts claims --json
    """
    with _open(db) as store:
        verdicts = claims_lib.verdicts(store)
    _show(verdicts, claims_lines, as_json)


@app.command()
@handle_errors
def timeline(
    a: ActorA,
    b: ActorB,
    db: DbOption = None,
    png: Annotated[
        str | None, typer.Option("--png", help="Write a PNG picture here.", metavar="FILE.png")
    ] = None,
    html: Annotated[
        str | None,
        typer.Option(
            "--html",
            help="Write a self-contained HTML page (picture and table) here.",
            metavar="FILE.html",
        ),
    ] = None,
) -> None:
    """Draw the contacts between two actors over time, by mode and status, gaps shaded.

    Give exactly one of --png or --html.

    Examples:

        readouts timeline "Joe Biden" "Vladimir Putin" --png biden-putin.png

        readouts timeline USA RUS --html usa-rus.html
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
    n = len(events)
    out.print(f"wrote {path} ({n} contact{'' if n == 1 else 's'})", markup=False, emoji=False)


@app.command()
@handle_errors
def event(
    event_id: Annotated[
        str,
        typer.Argument(
            help="An event id (ev-…, from `readouts contacts`) or a unique prefix of one.",
            metavar="EVENT_ID",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show everything about one event: its sources and each side's account.

    Examples:

        readouts event ev-609429210e0e

        readouts event ev-6094 --json
    """
    with _open(db) as store:
        found = query.event(store, event_id)
    _show(found, event_lines, as_json)


@app.command("export")
@handle_errors
def export_cmd(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Output format.", metavar="[" + "|".join(ExportFormat) + "]"
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", help="The file to write; - for standard output.", metavar="FILE"
        ),
    ],
    db: DbOption = None,
    between: Between = None,
    countries: Countries = None,
    status: StatusOpt = None,
    mode: ModeOpt = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Export ledger events as CSV, JSONL, Parquet, PLOVER-style JSON or CAMEO rows (TSV).

    Takes the filters of `readouts contacts`. PLOVER and CAMEO leave out not_occurred events.

    Examples:

        readouts export --format parquet -o ledger.parquet --countries USA RUS

        readouts export -f cameo -o - --status occurred --since 2022 | head
    """
    fmt = choice(fmt, ExportFormat, "--format") or ""
    events = _select(db, between, countries, status, mode, since, until)
    n = export_lib.export(events, fmt, output)
    # With -o - the records own stdout: the summary goes to stderr.
    console = err if output == "-" else out
    where = "standard output" if output == "-" else output
    skipped = len(events) - n  # PLOVER and CAMEO code events between two sides only
    note = f" ({skipped} of {len(events)} events left out: not_occurred or one-sided)"
    note = note if skipped > 0 else ""
    records = "record" if n == 1 else "records"
    console.print(f"wrote {n} {records} to {where}{note}", markup=False, emoji=False)


@app.command()
@handle_errors
def resolve(db: DbOption = None) -> None:
    """Rebuild the whole ledger from the stored extractions (ingest updates it incrementally).

    Example:

        readouts resolve --db readouts.db
    """
    with _open(db):  # a mistyped path is an error, not a new empty database
        pass
    with Store.open(Options.build(db=db).db) as store:
        n = rebuild_ledger(store)
    out.print(f"ledger rebuilt: {n} events", markup=False, emoji=False)
