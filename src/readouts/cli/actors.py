"""CLI commands: ``readouts actors who|find|import|check`` over the actor registry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from readouts.actors import Registry, check_all, import_file, load_registry, who
from readouts.actors.model import Person, Tenure
from readouts.actors.queries import parse_day
from readouts.cli.common import JsonOption, app, err, handle_errors, out
from readouts.errors import InputError, NotFound, RegistryError
from readouts.options import Options

actors_app = typer.Typer(
    name="actors",
    help="Query and extend the actor registry: who held which office on which date.",
    no_args_is_help=True,
)
app.add_typer(actors_app, name="actors")

OnOption = Annotated[
    str | None,
    typer.Option("--on", help="Date (default today).", metavar="YYYY-MM-DD", show_default=False),
]
OverlayOption = Annotated[
    Path | None,
    typer.Option(
        "--overlay",
        help="Overlay directory (default $READOUTS_HOME/overlay, ~/.readouts/overlay).",
        show_default=False,
    ),
]


def _registry(overlay: Path | None) -> Registry:
    """Load the registry with the overlay the options name (the --overlay path, else default)."""
    return load_registry(Options.build(overlay=overlay).overlay)


def _print_json(value: Any) -> None:
    out.print(json.dumps(value, ensure_ascii=False, indent=2), markup=False)


def _span(t: Tenure) -> str:
    return f"{t.start.isoformat()} to {t.end.isoformat() if t.end else 'present'}"


def _tenure_line(t: Tenure) -> str:
    host = f" (in {t.host})" if t.host else ""
    note = f"  [{t.note}]" if t.note else ""
    return f"  {_span(t)}  {t.country} {t.office}{host}: {t.title}{note}"


@actors_app.command("who")
@handle_errors
def who_command(
    country: Annotated[
        str,
        typer.Argument(help="Country code or name (RUS, Russia, UN ...).", metavar="COUNTRY"),
    ],
    office: Annotated[
        str, typer.Argument(help="Office type (defense_minister) or title.", metavar="OFFICE")
    ],
    on: OnOption = None,
    host: Annotated[
        str | None,
        typer.Option("--host", help="Host country, for ambassadors and envoys.", metavar="COUNTRY"),
    ] = None,
    json_: JsonOption = False,
    overlay: OverlayOption = None,
) -> None:
    """Print who held an office on a date; the canonical name is the last line.

    Exits with status 1 when the registry knows no holder.

    Examples:

        readouts actors who RUS defense_minister --on 2024-06-25

        readouts actors who Russia "foreign minister"

        readouts actors who RUS ambassador --host USA --on 2020-01-01 --json
    """
    registry = _registry(overlay)
    day = parse_day(on)
    if host is not None:
        _known_country(registry, host, "--host")
    person, tenure = who(registry, country, office, day, host=host)
    if json_:
        record = {"on": day.isoformat(), "person": person.as_dict(), "tenure": tenure.as_dict()}
        _print_json(record)
        return
    host_text = f" in {tenure.host}" if tenure.host else ""
    out.print(
        f"{tenure.country} {tenure.office}{host_text} on {day.isoformat()}: "
        f"{tenure.title}, {_span(tenure)}",
        markup=False,
    )
    out.print(person.name, markup=False)


def _known_country(registry: Registry, text: str, option: str) -> str:
    """Return the code of a country given by code or name, or raise InputError naming it."""
    code = registry.resolve_code(text)
    if code not in registry.countries:
        raise InputError(option, f"unknown country {text!r}")
    return code


def _person_block(person: Person) -> list[str]:
    lines = [f"{person.name} ({person.id}, {person.country})"]
    if person.aliases:
        lines.append(f"  also: {', '.join(person.aliases)}")
    lines += [_tenure_line(t) for t in person.tenures]
    return lines


@actors_app.command("find")
@handle_errors
def find_command(
    name: Annotated[
        str, typer.Argument(help="A name in any spelling (Sergei Lavrov, Shoygu).", metavar="NAME")
    ],
    on: OnOption = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Only persons of this country.", metavar="COUNTRY"),
    ] = None,
    json_: JsonOption = False,
    overlay: OverlayOption = None,
) -> None:
    """List the persons a name matches, with their tenures (those in office on --on first).

    Any listed spelling or transliteration works, and a surname alone where it is distinctive.

    Examples:

        readouts actors find Shoygu

        readouts actors find "Sergei Lavrov" --json

        readouts actors find Kuleba --country UKR --on 2022-03-10
    """
    registry = _registry(overlay)
    if not name.strip():
        raise InputError("NAME", "give a name to look up")
    code = _known_country(registry, country, "--country") if country else None
    people = registry.find(name, on=parse_day(on), country=code)
    if not people:
        of = f" of {code}" if code else ""
        raise NotFound(f"no person named {name!r}{of} in the registry")
    if json_:
        _print_json([p.as_dict() for p in people])
        return
    for i, person in enumerate(people):
        if i:
            out.print("")
        for line in _person_block(person):
            out.print(line, markup=False)


@actors_app.command("import")
@handle_errors
def import_command(
    file: Annotated[
        Path, typer.Argument(help="CSV: country,office,host,title,name,...", metavar="FILE")
    ],
    overlay: OverlayOption = None,
) -> None:
    """Validate a CSV of tenures (leading country column) and add it to the overlay.

    The header is country,office,host,title,name,aliases,start,end,note (see
    docs/registry.md); nothing is imported unless every row passes `actors check`.

    Example:

        readouts actors import my-envoys.csv
    """
    options = Options.build(overlay=overlay)
    if file.is_dir():
        raise InputError(str(file), "is a directory; give a CSV file")
    done = import_file(file, options.overlay)
    out.print(
        f"imported {done.tenures} tenures of {done.people} persons into {done.path}",
        markup=False,
    )


@actors_app.command("check")
@handle_errors
def check_command(overlay: OverlayOption = None) -> None:
    """Validate the shipped registry data and the overlay; exit 1 listing the problems.

    Checks that dates are ordered, single-holder offices never overlap, and aliases are
    ambiguous only where the country or the date tells them apart.

    Example:

        readouts actors check --overlay ~/.readouts/overlay
    """
    registry = _registry(overlay)
    problems = check_all(registry)
    for problem in problems:
        err.print(problem, markup=False)
    if problems:
        raise RegistryError(f"{len(problems)} problems in the registry data")
    people = sum(1 for _ in registry.people())
    out.print(
        f"ok: {len(registry.files)} files, {people} persons, {len(registry.rows)} tenures",
        markup=False,
    )
