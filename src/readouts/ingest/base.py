"""What every reader shares: the result type, gzip and charset handling."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from readouts.errors import InputError
from readouts.records import Document

__all__ = [
    "NO_TEXT",
    "FileResult",
    "Partial",
    "decode",
    "decode_file",
    "gunzip",
    "has_words",
    "is_gzip",
]

GZIP_MAGIC = b"\x1f\x8b"
# Text this messy (per charset-normalizer) is not text whatever encoding we try.
_MAX_CHAOS = 0.2
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3
# Markup debris (tags, cut-off tags, attributes, entities) is not article text.
_DEBRIS = re.compile(
    r"<[^<>]{0,300}>|</?[A-Za-z!?][\w:.-]*|[\w:.-]+\s*=\s*(?:\"[^\"]*\"?|'[^']*'?)|&#?\w+;"
)
NO_TEXT = "no article text found"


@dataclass(frozen=True)
class FileResult:
    """What reading one input gave: its documents and, when something was wrong, the error."""

    source: str
    documents: tuple[Document, ...] = ()
    error: InputError | None = None


@dataclass
class Partial:
    """Documents read so far plus the first error met (readers collect, then freeze)."""

    source: str
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def fail(self, where: str, reason: str) -> None:
        """Record an error at `where` (the file, or file:LINE / file#RECORD)."""
        self.errors.append(InputError(where, reason))

    def add(self, doc: Document, where: str | None = None) -> None:
        """Keep a document when its body has words; else record that nothing was left."""
        if has_words(doc.body):
            self.documents.append(doc)
        else:
            self.fail(where or self.source, f"{NO_TEXT} (nothing but markup or blanks left)")

    def result(self) -> FileResult:
        """Freeze into a FileResult; several errors are reported as the first plus a count."""
        error = None
        if self.errors:
            first = self.errors[0]
            extra = len(self.errors) - 1
            reason = first.reason
            if extra:
                # Name each further error by its place, or by its reason when it is the file's.
                more = ", ".join(
                    e.reason if e.source == self.source else e.source for e in self.errors[1:4]
                )
                reason += f" (and {extra} more: {more}{', ...' if extra > 3 else ''})"
            error = InputError(first.source, reason)
        return FileResult(self.source, tuple(self.documents), error)


def has_words(text: str) -> bool:
    """Tell whether text holds a few words (not just punctuation, numbers or markup debris)."""
    return len(_WORD.findall(_DEBRIS.sub(" ", text))) >= _MIN_WORDS


def is_gzip(data: bytes) -> bool:
    """Tell whether bytes start with the gzip magic number."""
    return data[:2] == GZIP_MAGIC


def gunzip(data: bytes) -> tuple[bytes, str | None]:
    """Decompress (possibly multi-member) gzip data; return what was decoded and any error."""
    out: list[bytes] = []
    while data:
        d = zlib.decompressobj(wbits=31)
        try:
            out.append(d.decompress(data))
        except zlib.error as exc:
            return b"".join(out), f"corrupt gzip data ({zlib_reason(exc)})"
        if not d.eof:
            return b"".join(out), "truncated gzip file (ends before the end-of-stream marker)"
        data = d.unused_data.lstrip(b"\x00")
        if data and not is_gzip(data):
            break  # trailing garbage after the last member, as gzip(1) tolerates
    return b"".join(out), None


def zlib_reason(exc: Exception) -> str:
    """Return what zlib found wrong, without its "Error -3 while decompressing" preamble."""
    return str(exc).rpartition(": ")[2] or "unreadable"


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, else the charset detected; raise ValueError for non-text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"invalid UTF-16 ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise ValueError("cannot decode: not valid UTF-8 and no text encoding detected")
    text = str(best)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise ValueError(f"binary data (decoded as {best.encoding} but full of control characters)")
    return text


def decode_file(data: bytes, part: Partial) -> str | None:
    """Return a whole file's bytes decoded, or None after recording on `part` why not."""
    if not data.strip():
        part.fail(part.source, "empty file")
        return None
    try:
        text = decode(data)
    except ValueError as exc:
        part.fail(part.source, str(exc))
        return None
    if not text.strip():  # blank once decoded, e.g. a UTF-16 file of spaces
        part.fail(part.source, "empty file")
        return None
    return text
