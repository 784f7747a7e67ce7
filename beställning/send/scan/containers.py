"""Archives the standard library opens besides zip: tar (any compression) and .gz, .bz2, .xz files.

A compressed file is unpacked as a stream under the size and ratio limits and its content scanned
by what it is (a .tar.gz is a gzip holding a tar), so a renamed or nested one is read the same way.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import tarfile
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING, cast

from beställning.send.scan.report import REMOVE_IT, CannotRead, TooBig
from beställning.zipguard import size_text

if TYPE_CHECKING:
    from beställning.send.scan.engine import Part, Scanner

_INNER_NAMES = {".tgz": ".tar", ".tbz2": ".tar", ".tbz": ".tar", ".txz": ".tar"}


def _inner_name(name: str) -> str:
    path = PurePosixPath(name)
    suffix = path.suffix.lower()
    if suffix in _INNER_NAMES:
        return path.with_suffix(_INNER_NAMES[suffix]).name
    if suffix in (".gz", ".bz2", ".xz", ".gzip"):
        return path.with_suffix("").name
    return "innehåll"  # a renamed file: its own name says nothing about what it holds


def scan_compressed(scanner: Scanner, part: Part, kind: str, depth: int) -> None:
    """Unpack a .gz/.bz2/.xz stream and scan what it holds one level deeper."""
    stream = part.stream
    if kind == "gzip":
        opened = cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))
    elif kind == "bzip2":
        opened = cast(IO[bytes], bz2.BZ2File(stream, mode="rb"))
    else:
        opened = cast(IO[bytes], lzma.LZMAFile(stream, mode="rb"))  # noqa: SIM115 - `with` below
    inner = _inner_name(part.name)
    with opened as handle:
        scanner.scan_nested(inner, f"{part.source} → {inner}", handle, depth, packed=part.size)


def scan_tar(scanner: Scanner, part: Part, depth: int) -> None:
    """Every regular file in a tar archive, by name (for numbers) and by content."""
    limits = scanner.limits
    with tarfile.open(fileobj=part.stream, mode="r:") as archive:
        members = archive.getmembers()
        if len(members) > limits.max_members:
            raise TooBig(
                f"arkivet har {len(members)} filer, fler än gränsen {limits.max_members} (skydd mot zip-bomb)."
            )
        total = sum(member.size for member in members if member.isfile())
        if total > scanner.left:
            raise TooBig(
                f"innehållet packas upp till {size_text(total)}, mer än gränsen "
                f"{size_text(limits.max_total_unpacked)} (skydd mot zip-bomb). {REMOVE_IT}"
            )
        for member in members:
            inner = f"{part.source} → {member.name}"
            scanner.file_name(member.name, inner)
            if member.isdir() or member.issym() or member.islnk():
                continue
            if not member.isfile():
                scanner.unreadable(inner, f"en specialfil i arkivet kan inte granskas. {REMOVE_IT}")
                continue
            handle = archive.extractfile(member)
            if handle is None:
                raise CannotRead(f"{member.name} kan inte läsas ur arkivet. {REMOVE_IT}")
            with handle:
                scanner.scan_nested(member.name, inner, handle, depth)
