"""Size limits for reading zip archives (.xlsx, .docx, order exports, .zip): the zip-bomb guard.

An archive may inflate to far more than its size on disk (a few kB of zeros can unpack to
gigabytes), so every reader checks the sizes in the zip directory before parsing anything, and reads
members with a hard byte limit in case the directory lies. The limits belong to each caller (a
variable list, an order export and a file about to be sent differ); the checks and the Swedish
sentences that describe a breach live here once.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

MB = 1024 * 1024


class ZipTooLarge(ValueError):
    """A member inflates beyond its limit or differs from the size the zip directory declares.

    The message is one Swedish sentence saying what is too big; the caller adds what to do.
    """


@dataclass(frozen=True)
class ZipLimits:
    """How much an archive may inflate to, in total and per member, and how hard a member may pack.

    A member larger than `ratio_floor_bytes` that inflates more than `max_ratio` times its packed
    size is treated as a bomb; small members may pack hard (XML full of repeated tags does).
    """

    max_total_bytes: int
    max_member_bytes: int
    max_ratio: int
    ratio_floor_bytes: int = MB


def size_text(size: int) -> str:
    """A byte count as Swedish users read it: '512 byte', '40 kB', '1,5 MB', '300 MB'."""
    if size < 1024:
        return f"{size} byte"
    if size < MB:
        return f"{size / 1024:.0f} kB"
    if size < 10 * MB:
        return f"{size / MB:.1f} MB".replace(".", ",")
    return f"{size / MB:.0f} MB"


def size_problem(infos: Iterable[zipfile.ZipInfo], limits: ZipLimits) -> str | None:
    """What is too big according to the zip directory, as one Swedish sentence; None if all fits.

    Checks the total first, then each member's inflation ratio, then each member's size.
    """
    members = list(infos)
    total = sum(info.file_size for info in members)
    if total > limits.max_total_bytes:
        return (
            f"innehållet packas upp till {size_text(total)}, mer än gränsen "
            f"{size_text(limits.max_total_bytes)} (skydd mot zip-bomb)."
        )
    for info in members:
        packed = max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * packed:
            return (
                f"{info.filename} packas upp {info.file_size // packed} gånger sin packade storlek "
                "(misstänkt zip-bomb)."
            )
        if info.file_size > limits.max_member_bytes:
            return (
                f"{info.filename} packas upp till {size_text(info.file_size)}, mer än gränsen "
                f"{size_text(limits.max_member_bytes)} för en enskild fil."
            )
    return None


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, never more than `limit` of them, whatever the directory claims.

    Raises ZipTooLarge when the declared or the real size exceeds `limit`, or when the data read do
    not have the size the directory declares. Errors from a damaged stream (zipfile.BadZipFile,
    zlib.error, ...) pass through for the caller to report.
    """
    if info.file_size > limit:
        raise ZipTooLarge(
            f"{info.filename} packas upp till {size_text(info.file_size)}, mer än gränsen {size_text(limit)}."
        )
    with zf.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ZipTooLarge(f"{info.filename} är större än gränsen {size_text(limit)} (misstänkt zip-bomb).")
    if len(data) != info.file_size:
        raise ZipTooLarge(
            f"{info.filename} har inte den storlek som arkivets innehållsförteckning uppger "
            "(skadat eller manipulerat arkiv)."
        )
    return data


class BoundedReader(io.RawIOBase):
    """A stream that refuses to yield more than `limit` bytes, and checks the declared size at its end.

    For reading an archive member, or decompressing a .gz/.bz2/.xz, as a stream instead of into
    memory: the same bomb guard as `read_member`, with memory bounded by what the caller reads at once.
    `on_read` is told every byte count read (a shared budget across nested archives).
    """

    def __init__(
        self,
        handle: IO[bytes],
        name: str,
        limit: int,
        declared: int | None = None,
        on_read: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self._handle = handle
        self._name = name
        self._limit = limit
        self._declared = declared
        self._on_read = on_read
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self._handle.read(min(len(view), self._limit + 1 - self.count))
        if not data and len(view):
            if self._declared is not None and self.count != self._declared:
                raise ZipTooLarge(
                    f"{self._name} har inte den storlek som arkivets innehållsförteckning uppger "
                    "(skadat eller manipulerat arkiv)."
                )
            return 0
        self.count += len(data)
        if self.count > self._limit:
            raise ZipTooLarge(f"{self._name} är större än gränsen {size_text(self._limit)} (misstänkt zip-bomb).")
        if self._on_read is not None:
            self._on_read(len(data))
        view[: len(data)] = data
        return len(data)


def open_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, on_read: Callable[[int], None] | None = None
) -> io.BufferedReader:
    """The member as a bounded stream (see BoundedReader); the declared size is checked first and at the end."""
    if info.file_size > limit:
        raise ZipTooLarge(
            f"{info.filename} packas upp till {size_text(info.file_size)}, mer än gränsen {size_text(limit)}."
        )
    return io.BufferedReader(BoundedReader(zf.open(info), info.filename, limit, info.file_size, on_read), 1 << 16)
