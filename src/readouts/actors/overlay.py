"""The user overlay: validate a user's own tenure CSV and add it to the overlay directory."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from readouts.actors import clear_cache
from readouts.actors.loader import TENURE_DIR, default_overlay, read_tenures, tenure_files
from readouts.actors.model import TENURE_COLUMNS
from readouts.actors.registry import build_registry
from readouts.actors.validate import check
from readouts.errors import InputError, RegistryError

OVERLAY_HEADER = ("country", *TENURE_COLUMNS)


@dataclass(frozen=True)
class Imported:
    """What an import added: the file written and how many tenures it holds."""

    path: Path
    tenures: int
    people: int


def import_file(source: Path, overlay: Path | None = None) -> Imported:
    """Validate ``source`` against the shipped data and overlay, then copy it into the overlay."""
    source = Path(source)
    if not source.is_file():
        raise InputError(str(source), "no such file")
    directory = (overlay or default_overlay()).expanduser()
    first = source.read_text(encoding="utf-8-sig", errors="replace").split("\n", 1)[0]
    if first.split(",")[0].strip() != "country":
        raise RegistryError(
            f"{source}:1: an overlay file starts with a country column "
            f"(want header {','.join(OVERLAY_HEADER)})"
        )
    problems: list[str] = []
    rows = read_tenures(source, problems)
    if not rows and not problems:
        problems.append(f"{source}: no tenures in the file")
    target = directory / f"{source.stem}.csv"
    # Replacing a file of the same name: validate against everything else.
    others = [p for p in tenure_files(TENURE_DIR, directory) if p.resolve() != target.resolve()]
    if not problems:
        registry = build_registry([*others, source])
        mine = str(source)
        problems = [p for p in check(registry) if mine in p]
    if problems:
        raise RegistryError(f"{source} was not imported:\n" + "\n".join(problems))
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    clear_cache()
    people = {r.name for r in rows}
    return Imported(path=target, tenures=len(rows), people=len(people))
