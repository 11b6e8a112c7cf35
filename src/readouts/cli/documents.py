"""CLI commands: ingest, documents, show."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from readouts.cli.common import DbOption, JsonOption, app, err, handle_errors
from readouts.errors import InputError
from readouts.options import Options
from readouts.pipeline import ingest as run_ingest
from readouts.records import Document
from readouts.store import Store

# More files than this get a progress bar.
PROGRESS_MIN_FILES = 5
TITLE_WIDTH = 60


class Format(StrEnum):
    """Input formats ``--format`` accepts."""

    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    warc = "warc"
    rss = "rss"


def _published(value: str | None) -> str | None:
    """Check that --published is a real YYYY-MM-DD date."""
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


class ProgressBar:
    """A pipeline progress callback drawing a bar on stderr once there are enough files."""

    def __init__(self, quiet: bool = False, console: Console = err) -> None:
        # A bar is for people: logs and pipes get only the summary and the errors.
        self.quiet = quiet or not console.is_terminal
        self.console = console
        self.bar: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, done: int, total: int, path: str | None) -> None:
        if self.quiet or total <= PROGRESS_MIN_FILES:
            return
        if self.bar is None:
            self.bar = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=self.console,
                transient=True,
            )
            self.bar.start()
            self._task = self.bar.add_task("", total=total)
        if self._task is not None:
            self.bar.update(self._task, completed=done, description=(path or "")[-40:])

    def error(self, exc: InputError) -> None:
        """Print a failed input's error line now, above the bar when there is one."""
        line = f"error: {exc}"
        if self.bar is not None:
            self.console.print(line, markup=False, emoji=False, highlight=False)
        else:
            typer.echo(line, err=True)

    def close(self) -> None:
        """Remove the bar from the terminal."""
        if self.bar is not None:
            self.bar.stop()


@app.command()
@handle_errors
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories (read recursively); '-' reads stdin.", metavar="PATH"
        ),
    ],
    db: DbOption = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", help="Input format; auto decides from extension and content."),
    ] = Format.auto,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date (YYYY-MM-DD) for inputs that carry none.",
            metavar="YYYY-MM-DD",
            callback=_published,
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read news files into the database: clean, extract contacts, update the ledger.

    Formats: plain text, HTML, JSONL (one article per line), WARC and RSS/Atom;
    .gz files are read transparently. Re-ingesting a document adds nothing. Each
    file is stored in its own transaction; a bad file is reported on stderr
    ("error: FILE: reason"), the rest go through, and the exit status is 1.

    Examples:

        readouts ingest examples/

        readouts ingest crawl.warc.gz --db postgresql+psycopg://u:pw@host/db

        readouts ingest - --format html --published 2024-06-25 < story.html
    """
    options = Options.build(db, format=fmt.value, published=published, quiet=quiet)
    progress = ProgressBar(quiet)
    try:
        report = run_ingest(paths, options, progress, progress.error)
    finally:
        progress.close()
    typer.echo(report.summary)
    if report.failed:
        raise typer.Exit(1)


def _zone_sizes(doc: Document) -> dict[str, int]:
    """Return the number of characters cut into each zone name, in first-seen order."""
    sizes: dict[str, int] = {}
    for z in doc.zones:
        sizes[z.name] = sizes.get(z.name, 0) + len(z.text)
    return sizes


def _zones_text(doc: Document) -> str:
    """Return the zone sizes as ``name=chars`` words, or ``-`` when nothing was cut."""
    return " ".join(f"{k}={v}" for k, v in _zone_sizes(doc).items()) or "-"


def _clip(text: str | None, width: int) -> str:
    """Return text on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[list[str]]) -> list[str]:
    """Return rows as lines of left-aligned columns two spaces apart."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _dated(docs: list[Document], anchors: dict[str, tuple[str | None, bool]]) -> list[Document]:
    """Give undated documents the date extraction inferred from their text, and sort by date."""
    out = []
    for d in docs:
        date_, inferred = anchors.get(d.id, (None, False))
        if d.published is None and date_ is not None:
            d = replace(d, published=date_, published_inferred=inferred)
        out.append(d)
    return sorted(out, key=lambda d: (d.published is None, d.published or "", d.id))


def document_summary(doc: Document) -> dict[str, object]:
    """Return the JSON object ``readouts documents --json`` prints for a document."""
    return {
        "id": doc.id,
        "published": doc.published,
        "published_inferred": doc.published_inferred,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "format": doc.format,
        "body_chars": len(doc.body),
        "zones": _zone_sizes(doc),
    }


@app.command()
@handle_errors
def documents(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List stored documents: id, publication date, title, source and removed zones' sizes.

    A date followed by ~ was inferred from the text (the input carried none).
    Zones are the parts cut from the body (comments, promo, navigation...), shown
    as NAME=CHARACTERS. `readouts show` accepts any unique prefix of an id.

    Examples:

        readouts documents

        readouts documents --json | jq '.[].title'
    """
    with Store.open(Options.build(db).db, readonly=True) as store:
        docs = _dated(store.documents(), store.extraction_dates())
    if as_json:
        typer.echo(json.dumps([document_summary(d) for d in docs], indent=2, ensure_ascii=False))
        return
    rows = [["ID", "PUBLISHED", "TITLE", "SOURCE", "ZONES"]]
    for d in docs:
        published = (d.published or "-") + ("~" if d.published_inferred else "")
        rows.append([d.id, published, _clip(d.title, TITLE_WIDTH), d.source, _zones_text(d)])
    if docs:
        typer.echo("\n".join(_table(rows)))
    typer.echo(f"{len(docs)} documents")


@app.command()
@handle_errors
def show(
    doc_id: Annotated[
        str, typer.Argument(help="Document id, or a unique prefix of it.", metavar="DOC_ID")
    ],
    db: DbOption = None,
    zones: Annotated[
        bool, typer.Option("--zones", help="Also print the text of each removed zone.")
    ] = False,
) -> None:
    """Print a stored document's clean body, then name the zones removed from it.

    The body is the only text extraction reads; zones (comments, promo,
    navigation...) are listed with their sizes, and printed with --zones.

    Examples:

        readouts show 3f2a9c

        readouts show 3f2a9c --zones
    """
    with Store.open(Options.build(db).db, readonly=True) as store:
        doc = store.document(doc_id)
        doc = _dated([doc], store.extraction_dates())[0]
    header = [f"id: {doc.id}"]
    if doc.title:
        header.append(f"title: {_clip(doc.title, 200)}")
    published = doc.published or "-"
    header.append(f"published: {published}{' (inferred)' if doc.published_inferred else ''}")
    header.append(f"source: {doc.source}" + (f"  ({doc.url})" if doc.url else ""))
    typer.echo("\n".join(header))
    typer.echo("")
    typer.echo(doc.body)
    typer.echo("")
    sizes = _zone_sizes(doc)
    if not sizes:
        typer.echo("removed zones: none")
        return
    typer.echo("removed zones:")
    width = max(len(n) for n in sizes)
    for name, size in sizes.items():
        typer.echo(f"  {name.ljust(width)}  {size} chars")
    if zones:
        for z in doc.zones:
            typer.echo(f"\n--- {z.name} ---\n{z.text}")
