"""Decoding a compressed response body without ever holding more than the size cap.

httpx decompresses each network chunk in full before anyone can count the result, so one
64 KB chunk of a gzip bomb becomes 64 MB, and a body gzipped twice (`Content-Encoding:
gzip, gzip`) becomes gigabytes. Here every stage inflates with a ceiling: the moment the
output would pass the cap, decoding stops with BodyTooLarge.
"""

from __future__ import annotations

import zlib

from briefing.errors import FeedError

__all__ = ["BodyTooLarge", "BoundedDecoder", "UnsupportedEncoding"]


class BodyTooLarge(FeedError):
    """The decoded body would be larger than the cap."""


class UnsupportedEncoding(FeedError):
    """The server used a Content-Encoding we did not ask for and cannot decode."""


class _Inflater:
    """One gzip or deflate stage, output bounded by `limit` bytes in total."""

    def __init__(self, kind: str, limit: int) -> None:
        self.kind = kind
        self.limit = limit
        self.produced = 0
        self._zlib: zlib._Decompress | None = None
        self._pending = b""

    def _new(self, head: bytes) -> zlib._Decompress:
        if self.kind == "deflate":
            # "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
            wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
            return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS | 16)

    def decode(self, data: bytes) -> bytes:
        out: list[bytes] = []
        data = self._pending + data
        self._pending = b""
        while data:
            if self._zlib is None:
                if self.kind == "deflate" and len(data) < 2:
                    self._pending = data
                    break
                self._zlib = self._new(data)
            budget = self.limit - self.produced
            try:
                piece = self._zlib.decompress(data, budget + 1)
            except zlib.error as exc:
                raise ValueError(f"cannot decode the {self.kind} body: {exc}") from exc
            self.produced += len(piece)
            if self.produced > self.limit:
                raise BodyTooLarge
            out.append(piece)
            if self._zlib.eof and self.kind != "deflate":
                # Another gzip member may follow (concatenated gzip files).
                data = self._zlib.unused_data
                self._zlib = None
            else:
                data = b""
        return b"".join(out)

    def flush(self) -> bytes:
        if self._zlib is None:
            return b""
        budget = self.limit - self.produced
        piece = self._zlib.flush(max(1, budget + 1))
        self.produced += len(piece)
        if self.produced > self.limit:
            raise BodyTooLarge
        return piece


class BoundedDecoder:
    """Undo a response's Content-Encoding chunk by chunk, never producing more than `limit`."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        self.stages: list[_Inflater] = []
        # Encodings are listed in the order they were applied: undo them last first.
        for name in reversed(names):
            if name in ("identity", ""):
                continue
            if name in ("gzip", "x-gzip"):
                self.stages.append(_Inflater("gzip", limit))
            elif name == "deflate":
                self.stages.append(_Inflater("deflate", limit))
            else:
                raise UnsupportedEncoding(f"unsupported Content-Encoding: {name}")
        self.limit = limit
        self.size = 0

    def decode(self, raw: bytes) -> bytes:
        """The decoded bytes for the next raw chunk; raises BodyTooLarge past the limit."""
        data = raw
        for stage in self.stages:
            data = stage.decode(data)
        return self._count(data)

    def flush(self) -> bytes:
        """Whatever the stages still hold once the raw body has ended."""
        data = b""
        for stage in self.stages:
            data = stage.decode(data) + stage.flush()
        return self._count(data)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLarge
        return data
