"""Options and choices shared by the ledger commands (statuses, modes, formats, actors)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from readouts.errors import InputError


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
# Choices are checked in choice(), not by typer, so that a bad value is one clean error line.
StatusOpt = Annotated[
    str | None,
    typer.Option("--status", help="Only this status.", metavar="[" + "|".join(Status) + "]"),
]
ModeOpt = Annotated[
    str | None, typer.Option("--mode", help="Only this mode.", metavar="[" + "|".join(Mode) + "]")
]


def choice(value: str | None, choices: type[StrEnum], option: str) -> str | None:
    """Return ``value`` if it is one of ``choices``; raise InputError naming the option."""
    if value is None:
        return None
    allowed = [c.value for c in choices]
    if value.strip().lower() not in allowed:
        raise InputError(option, f"unknown value {value!r} (choose from {', '.join(allowed)})")
    return value.strip().lower()


Since = Annotated[
    str | None,
    typer.Option("--since", help="On or after this date.", metavar="YYYY[-MM[-DD]]"),
]
Until = Annotated[
    str | None,
    typer.Option("--until", help="On or before this date.", metavar="YYYY[-MM[-DD]]"),
]
ActorA = Annotated[
    str,
    typer.Argument(
        help='A name ("Sergei Lavrov"), a country code (RUS) or COUNTRY:office '
        "(RUS:defense_minister).",
        metavar="A",
        show_default=False,
    ),
]
ActorB = Annotated[
    str, typer.Argument(help="The other actor, in the same forms.", metavar="B", show_default=False)
]
