"""Write ledger events as CSV, JSONL, Parquet, PLOVER-style JSON or CAMEO/GDELT-like rows.

The PLOVER and CAMEO mappings live in readouts.export_codes (documented in docs/ledger.md).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from readouts.errors import InputError
from readouts.export_codes import CAMEO as CAMEO  # re-exported: it was public here
from readouts.export_codes import (
    CAMEO_COLUMNS,
    cameo_rows,
    label,
    plover_records,
    unique_docs,
)
from readouts.records import Contact

__all__ = ["CAMEO_COLUMNS", "FORMATS", "cameo_rows", "export", "flat_row", "plover_records"]

FORMATS = ("csv", "jsonl", "parquet", "plover", "cameo")
_SEP = "; "

FLAT_COLUMNS = (
    "id",
    "date",
    "status",
    "mode",
    "participants",
    "participant_ids",
    "countries",
    "location",
    "duration_minutes",
    "initiator",
    "topics",
    "outlets",
    "confidence",
    "implied",
    "sources",
    "status_history",
    "conflicts",
)


def flat_row(c: Contact) -> dict[str, Any]:
    """Return one event as a flat row (lists joined by '; ') for CSV and Parquet."""
    return {
        "id": c.id,
        "date": c.date,
        "status": c.status,
        "mode": c.mode,
        "participants": _SEP.join(label(p) for p in c.participants),
        "participant_ids": _SEP.join(p.key for p in c.participants),
        "countries": _SEP.join(sorted({p.country for p in c.participants if p.country})),
        "location": c.location,
        "duration_minutes": c.duration_minutes,
        "initiator": c.initiator,
        "topics": _SEP.join(c.topics),
        "outlets": c.outlets,
        "confidence": c.confidence,
        "implied": c.implied,
        "sources": _SEP.join(unique_docs(c)),
        "status_history": _SEP.join(c.status_history),
        "conflicts": _SEP.join(c.conflicts),
    }


def _write_csv(rows: list[dict[str, Any]], columns: Sequence[str], fh: TextIO, **kw: Any) -> None:
    writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n", **kw)
    writer.writeheader()
    writer.writerows(rows)


def _csv(events: Sequence[Contact], fh: TextIO) -> None:
    _write_csv([flat_row(c) for c in events], FLAT_COLUMNS, fh)


def _jsonl(events: Sequence[Contact], fh: TextIO) -> None:
    for c in events:
        fh.write(json.dumps(c.as_dict(), ensure_ascii=False, sort_keys=True) + "\n")


def _parquet(events: Sequence[Contact], fh: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("id", pa.string()),
            ("date", pa.string()),
            ("status", pa.string()),
            ("mode", pa.string()),
            ("participants", pa.list_(pa.string())),
            ("participant_ids", pa.list_(pa.string())),
            ("countries", pa.list_(pa.string())),
            ("location", pa.string()),
            ("duration_minutes", pa.int64()),
            ("initiator", pa.string()),
            ("topics", pa.list_(pa.string())),
            ("outlets", pa.int64()),
            ("confidence", pa.float64()),
            ("implied", pa.bool_()),
            ("sources", pa.list_(pa.string())),
            ("status_history", pa.list_(pa.string())),
            ("conflicts", pa.list_(pa.string())),
            ("data", pa.string()),  # the whole event as JSON, for a lossless read-back
        ]
    )
    rows = []
    for c in events:
        row: dict[str, Any] = flat_row(c)
        row["participants"] = [label(p) for p in c.participants]
        row["participant_ids"] = [p.key for p in c.participants]
        row["countries"] = sorted({p.country for p in c.participants if p.country})
        row["topics"] = list(c.topics)
        row["sources"] = unique_docs(c)
        row["status_history"] = list(c.status_history)
        row["conflicts"] = list(c.conflicts)
        row["data"] = json.dumps(c.as_dict(), ensure_ascii=False, sort_keys=True)
        rows.append(row)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), fh)


def _plover(events: Sequence[Contact], fh: TextIO) -> None:
    json.dump(plover_records(events), fh, ensure_ascii=False, indent=1)
    fh.write("\n")


def _cameo(events: Sequence[Contact], fh: TextIO) -> None:
    _write_csv(cameo_rows(events), CAMEO_COLUMNS, fh, delimiter="\t")


_TEXT_WRITERS: dict[str, Callable[[Sequence[Contact], TextIO], None]] = {
    "csv": _csv,
    "jsonl": _jsonl,
    "plover": _plover,
    "cameo": _cameo,
}


def _count(events: Sequence[Contact], fmt: str) -> int:
    if fmt == "plover":
        return len(plover_records(events))
    if fmt == "cameo":
        return len(cameo_rows(events))
    return len(events)


def export(
    events: Sequence[Contact], fmt: str, path: str | Path, stdout: IO[Any] | None = None
) -> int:
    """Write events in format ``fmt`` to ``path`` (``-``: stdout); return the records written."""
    if fmt not in FORMATS:
        raise InputError(fmt, f"unknown export format (choose from {', '.join(FORMATS)})")
    if str(path) == "-":
        stream: Any = stdout if stdout is not None else sys.stdout
        if fmt == "parquet":
            if stream.isatty():
                raise InputError("-", "Parquet is binary: write it to a file or a pipe")
            buffer = getattr(stream, "buffer", stream)
            _parquet(events, buffer)
            buffer.flush()
        else:
            _TEXT_WRITERS[fmt](events, stream)
            stream.flush()
        return _count(events, fmt)
    target = check_output_path(path)
    try:
        if fmt == "parquet":
            with target.open("wb") as bfh:
                _parquet(events, bfh)
        else:
            with target.open("w", newline="", encoding="utf-8") as fh:
                _TEXT_WRITERS[fmt](events, fh)
    except OSError as exc:
        raise InputError(str(target), exc.strerror or str(exc)) from None
    return _count(events, fmt)


def check_output_path(path: str | Path) -> Path:
    """Return the file to write, or raise InputError saying why it cannot be one."""
    target = Path(path)
    try:
        if target.is_dir():
            raise InputError(str(target), "is a directory; give a file name")
        if not target.parent.is_dir():
            raise InputError(str(target), "directory does not exist")
    except OSError as exc:  # a name the OS refuses even to look up
        raise InputError(str(target), exc.strerror or str(exc)) from None
    return target
