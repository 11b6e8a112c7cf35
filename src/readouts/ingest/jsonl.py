"""JSONL reader: one article object per line (the format of ../shared/gold/*.jsonl)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from readouts.clean import first_line, make_document, valid_date
from readouts.ingest.base import Partial, decode_file
from readouts.ingest.html import html_document

__all__ = ["read_jsonl"]


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _document(obj: dict[str, Any], part: Partial, lineno: int) -> None:
    where = f"{part.source}:{lineno}"
    source = f"{part.source}#{lineno}"
    text, html = obj.get("text"), obj.get("html")
    title, url = _str(obj.get("title")), _str(obj.get("url"))
    published = valid_date(obj.get("published"))
    if obj.get("published") and published is None:
        part.fail(where, f"'published' is not a YYYY-MM-DD date: {obj.get('published')!r}")
        return
    if isinstance(text, str) and text.strip():
        doc = make_document(
            text,
            fmt="jsonl",
            source=source,
            title=title,
            published=published,
            url=url,
            external_id=_str(obj.get("id")),
        )
        if doc.title is None:
            doc = replace(doc, title=first_line(doc.body))
    elif isinstance(html, str) and html.strip():
        try:
            doc = html_document(
                html,
                source=source,
                fmt="jsonl",
                url=url,
                published=published,
                title=title,
                external_id=_str(obj.get("id")),
            )
        except ValueError as exc:
            part.fail(where, str(exc))
            return
    else:
        part.fail(where, "no 'text' or 'html' string")
        return
    part.add(doc, where)


def read_jsonl(data: bytes, part: Partial) -> None:
    """Read JSONL bytes into `part`; a bad line is reported as file:LINE, the others still load."""
    text = decode_file(data, part)
    if text is None:
        return
    if text.lstrip().startswith("["):
        _read_array(text, part)
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            part.fail(f"{part.source}:{lineno}", f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            part.fail(f"{part.source}:{lineno}", "invalid JSON (nested too deeply)")
            continue
        if not isinstance(obj, dict):
            part.fail(f"{part.source}:{lineno}", "not a JSON object")
            continue
        _document(obj, part, lineno)


def _read_array(text: str, part: Partial) -> None:
    """Read a JSON array of article objects (a .json export); errors name the item number."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        part.fail(f"{part.source}:{exc.lineno}", f"invalid JSON ({exc.msg} at column {exc.colno})")
        return
    except RecursionError:
        part.fail(part.source, "invalid JSON (nested too deeply)")
        return
    if not isinstance(items, list):
        part.fail(part.source, "not a JSON array of objects")
        return
    for n, obj in enumerate(items, start=1):
        if isinstance(obj, dict):
            _document(obj, part, n)
        else:
            part.fail(f"{part.source}:{n}", "item is not a JSON object")
