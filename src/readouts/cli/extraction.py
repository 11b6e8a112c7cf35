"""CLI commands: extract (no storing) and mentions (stored extractions)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from readouts.cli.common import DbOption, JsonOption, app, err, handle_errors, out
from readouts.errors import NotFound
from readouts.options import Options


@app.command("extract")
@handle_errors
def extract_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files or directories ('-' for stdin).")],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON line per document, in the gold format.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="auto|text|html|jsonl|warc|rss")] = "auto",
    published: Annotated[
        str | None, typer.Option("--published", help="YYYY-MM-DD for inputs lacking a date.")
    ] = None,
) -> None:
    """Clean and extract contacts from inputs without storing anything."""
    from readouts.evaluate.gold import to_gold_record
    from readouts.extract.run import describe, extract_paths

    options = Options.build(format=fmt, published=published)
    failed = False
    for item in extract_paths(paths, options):
        if item.error is not None:
            err.print(f"error: {item.error}", markup=False)
            failed = True
            continue
        doc, ex = item.document, item.extraction
        assert doc is not None and ex is not None
        if jsonl:
            out.print(json.dumps(to_gold_record(doc, ex), ensure_ascii=False), markup=False)
            continue
        stamp = ex.published or "undated"
        if ex.published_inferred:
            stamp += " (inferred)"
        name = doc.external_id or doc.id
        out.print(f"{name}  {doc.title or doc.source}  published {stamp}", markup=False)
        if not ex.mentions and not ex.gap_claims:
            out.print("  no contacts", markup=False)
        for m in ex.mentions:
            out.print("  " + describe(m), markup=False)
            for e in m.evidence:
                out.print(f"    “{e.text}”", markup=False)
        for g in ex.gap_claims:
            people = " — ".join(p.name or f"{p.country}:{p.office}" for p in g.participants)
            out.print(f"  gap {g.type} {g.mode} since {g.since or '?'}: {people}", markup=False)
    if failed:
        raise typer.Exit(1)


@app.command("mentions")
@handle_errors
def mentions_cmd(
    doc_id: Annotated[str | None, typer.Argument(help="Document id (or unique prefix).")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored contact mentions with their evidence."""
    from readouts.extract.run import describe
    from readouts.store import Store

    options = Options.build(db)
    with Store.open(options.db, readonly=True) as store:
        if doc_id:
            doc = store.document(doc_id)
            found = store.extraction(doc.id)
            if found is None:
                raise NotFound(f"document {doc.id} has no extraction yet")
            extractions = [found]
        else:
            extractions = store.extractions()
    if as_json:
        rows = [m.as_dict() for ex in extractions for m in ex.mentions]
        out.print(json.dumps(rows, ensure_ascii=False, indent=2), markup=False)
        return
    for ex in extractions:
        for m in ex.mentions:
            out.print(f"{ex.doc_id}  {describe(m)}", markup=False)
            for e in m.evidence:
                out.print(f"    [{e.start}:{e.end}] “{e.text}”", markup=False)
