"""A streaming gzip reader that survives a broken archive and says where it broke."""

from __future__ import annotations

import io
import zlib

from readouts.ingest.base import GZIP_MAGIC, zlib_reason

__all__ = ["GunzipStream", "gzip_head"]

_CHUNK = 1 << 16


class GunzipStream(io.RawIOBase):
    """Decompress gzip members one after another, ending quietly where the data breaks.

    warcio refuses a WARC gzipped as one member and turns a cut-off member into
    unrelated parse errors; decompressing here keeps every readable byte and
    leaves ``problem`` saying what went wrong ("truncated", "corrupt ...", ...).
    """

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = memoryview(data)
        self._pos = 0
        self._inflate = zlib.decompressobj(wbits=31)
        self._buf = bytearray()
        self._done = False
        self.problem: str | None = None
        self.produced = 0  # decompressed bytes handed out

    def readable(self) -> bool:
        """Tell io that this stream can be read."""
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        """Fill `buffer` with decompressed bytes; 0 at the end (or where the data breaks)."""
        while not self._buf and not self._done:
            self._fill()
        n = min(len(buffer), len(self._buf))
        buffer[:n] = self._buf[:n]
        del self._buf[:n]
        self.produced += n
        return n

    def _fill(self) -> None:
        if self._pos >= len(self._data):
            self._done = True
            self.problem = "truncated"  # the data ended inside a member
            return
        chunk = self._data[self._pos : self._pos + _CHUNK]
        self._pos += len(chunk)
        try:
            self._buf += self._inflate.decompress(chunk)
        except zlib.error as exc:
            self._done = True
            self.problem = f"corrupt gzip data ({zlib_reason(exc)})"
            return
        if not self._inflate.eof:
            return
        self._pos -= len(self._inflate.unused_data)
        while self._pos < len(self._data) and self._data[self._pos] == 0:
            self._pos += 1  # NUL padding between or after members is harmless
        if self._pos >= len(self._data):
            self._done = True
        elif not GZIP_MAGIC.startswith(bytes(self._data[self._pos : self._pos + 2])):
            self._done = True
            self.problem = f"non-gzip data ({len(self._data) - self._pos} bytes)"
        else:
            self._inflate = zlib.decompressobj(wbits=31)


def gzip_head(data: bytes, size: int = 4096) -> bytes:
    """Return the first decompressed bytes of gzip data (fewer when it is broken)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data[: size * 4], size)
    except zlib.error:
        return b""
