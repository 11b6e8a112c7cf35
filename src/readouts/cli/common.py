"""What every command shares: the app, the --db option, error handling."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from readouts.errors import ReadoutsError

app = typer.Typer(
    name="readouts",
    help="Turn news into an evidence-backed ledger of contacts between governments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Output goes to stdout unstyled so that it can be piped and tested exactly;
# progress and errors go to stderr.
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="READOUTS_DB",
        help="SQLite file path or SQLAlchemy URL (default ./readouts.db).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn a ReadoutsError into 'error: message' on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReadoutsError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
        except BrokenPipeError:  # `readouts ... | head`
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]
