"""The zip-bomb guard on its own: sizes from the zip directory, and reading members with a hard limit."""

from __future__ import annotations

import io
import struct
import zipfile
from typing import cast

import pytest

from beställning.zipguard import MB, ZipLimits, ZipTooLarge, read_member, size_problem, size_text

LIMITS = ZipLimits(max_total_bytes=10 * MB, max_member_bytes=4 * MB, max_ratio=100, ratio_floor_bytes=MB)


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _infos(data: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.infolist()


def _declare_size(data: bytes, size: int) -> bytes:
    """The archive with the first member's uncompressed size in the central directory set to `size`."""
    patched = bytearray(data)
    central = patched.index(b"PK\x01\x02")
    patched[central + 24 : central + 28] = struct.pack("<I", size)
    return bytes(patched)


def test_ordinary_archive_passes() -> None:
    data = _zip({"a.txt": b"hej " * 1000, "b.xml": b"<x/>" * 50_000})  # b.xml packs hard but is under 1 MB
    assert size_problem(_infos(data), LIMITS) is None


def test_bomb_by_ratio() -> None:
    data = _zip({"liten.txt": b"ok", "nollor.bin": b"\0" * (3 * MB)})  # 3 MB of zeros pack to ~3 kB
    problem = size_problem(_infos(data), LIMITS)
    assert problem is not None
    assert "nollor.bin" in problem and "zip-bomb" in problem and "gånger" in problem


def test_ratio_is_only_checked_above_the_floor() -> None:
    data = _zip({"nollor.bin": b"\0" * (3 * MB)})
    relaxed = ZipLimits(max_total_bytes=10 * MB, max_member_bytes=4 * MB, max_ratio=100, ratio_floor_bytes=5 * MB)
    assert size_problem(_infos(data), relaxed) is None


def test_too_many_bytes_in_total() -> None:
    members = {f"del{i}.bin": bytes(range(256)) * 12 * 1024 for i in range(4)}  # 4 × 3 MB, stored
    problem = size_problem(_infos(_zip(members, zipfile.ZIP_STORED)), LIMITS)
    assert problem is not None
    assert "innehållet packas upp till 12 MB" in problem and "gränsen 10 MB" in problem


def test_member_over_its_limit() -> None:
    data = _zip({"stor.bin": bytes(range(256)) * 20 * 1024}, zipfile.ZIP_STORED)  # 5 MB, stored
    problem = size_problem(_infos(data), LIMITS)
    assert problem is not None
    assert problem.startswith("stor.bin packas upp till 5,0 MB") and "gränsen 4,0 MB" in problem


def test_read_member_returns_the_data() -> None:
    data = _zip({"a.txt": b"hej" * 100})
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert read_member(zf, zf.getinfo("a.txt"), 300) == b"hej" * 100


def test_read_member_refuses_a_declared_size_over_the_limit() -> None:
    data = _zip({"a.txt": b"x" * 1000})
    with zipfile.ZipFile(io.BytesIO(data)) as zf, pytest.raises(ZipTooLarge, match=r"a\.txt.*gränsen 999 byte"):
        read_member(zf, zf.getinfo("a.txt"), 999)
    assert issubclass(ZipTooLarge, ValueError)


def test_lying_directory_size_is_refused() -> None:
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        data = _declare_size(_zip({"a.txt": b"x" * 1000}, method), 5000)  # says 5000, holds 1000
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("a.txt")
            assert info.file_size == 5000
            with pytest.raises(ZipTooLarge, match="storlek"):
                read_member(zf, info, 10_000)


class _EndlessArchive:
    """Stands in for a ZipFile whose member holds far more than its directory entry says."""

    def __init__(self) -> None:
        self.asked: list[int | None] = []

    def open(self, info: zipfile.ZipInfo) -> io.BytesIO:
        archive = self

        class Handle(io.BytesIO):
            def read(self, size: int | None = -1) -> bytes:
                archive.asked.append(size)
                return super().read(size)

        return Handle(b"\0" * (10 * MB))


def test_read_member_never_reads_more_than_the_limit() -> None:
    info = zipfile.ZipInfo("lögn.bin")
    info.file_size = 100
    archive = _EndlessArchive()
    with pytest.raises(ZipTooLarge, match="större än gränsen"):
        read_member(cast(zipfile.ZipFile, archive), info, 1000)
    assert archive.asked == [1001]


def test_size_text_is_swedish() -> None:
    assert size_text(512) == "512 byte"
    assert size_text(40 * 1024) == "40 kB"
    assert size_text(3 * MB // 2) == "1,5 MB"
    assert size_text(300 * MB) == "300 MB"
