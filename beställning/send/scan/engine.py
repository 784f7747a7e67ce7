"""The scan of one file: recognise its format, hand it to its reader, recurse into what it contains.

Every part is a seekable stream (the file on disk, or a member spooled to a temporary file that
stays in memory up to 8 MB), so nothing is read into memory whole unless its reader needs it. One
budget of unpacked bytes is shared by all nested archives of a file, so nesting cannot multiply it.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from beställning.send.scan.formats import sniff
from beställning.send.scan.report import (
    CONVERT_OR_REMOVE,
    PICTURE_WHY,
    REMOVE_IT,
    TO_LOOK_AT,
    CancelCheck,
    CannotRead,
    Finding,
    ScanCancelled,
    ScanLimits,
    ScanReport,
    TooBig,
    Unreadable,
)
from beställning.send.scan.text import scan_text
from beställning.zipguard import MB, ZipTooLarge, size_text

SPOOL_IN_MEMORY = 8 * MB
_SNIFF = 65536


@dataclass
class Part:
    """One thing to scan: `name` decides the type when the content does not; `source` is shown."""

    name: str
    source: str
    stream: BinaryIO
    size: int


class Scanner:
    """The scan of one top-level file: its report, its SHA-256, its budget and the cancel check."""

    def __init__(self, limits: ScanLimits, cancel: CancelCheck | None, file_sha256: str) -> None:
        self.limits = limits
        self.cancel = cancel
        self.file_sha256 = file_sha256
        self.left = limits.max_total_unpacked
        self.report = ScanReport()

    # --- reporting -----------------------------------------------------------------------------

    def sink(self, finding: Finding) -> None:
        self.report.findings.append(finding)

    def unreadable(self, source: str, reason: str) -> None:
        self.report.unreadable.append(Unreadable(source, reason))

    def look(self, source: str, place: str, what: str, why: str) -> None:
        """Something the guard cannot read (a picture, a page without text): the user must look at it.

        It blocks like a finding until the user marks it as checked, for this version of the file.
        """
        self.sink(Finding(source, place, what, TO_LOOK_AT, self.file_sha256, why))

    def note(self, text: str) -> None:
        if text not in self.report.notes:
            self.report.notes.append(text)

    def file_name(self, name: str, source: str) -> None:
        """A number in a member's or attachment's name is a finding too."""
        for finding in scan_text(PurePosixPath(name).name, source, "filnamnet", self.file_sha256):
            self.sink(finding)

    def check_cancelled(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ScanCancelled

    # --- the budget ----------------------------------------------------------------------------

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise TooBig(
                f"innehållet packas upp till mer än gränsen {size_text(self.limits.max_total_unpacked)} "
                f"(skydd mot zip-bomb). {REMOVE_IT}"
            )

    def member_limit(self) -> int:
        return max(0, min(self.limits.max_file_bytes, self.left))

    def spool(self, handle: IO[bytes], packed: int | None = None, name: str = "") -> tuple[BinaryIO, int]:
        """Copy a stream into a temporary file (in memory up to 8 MB), counted against the budget.

        `packed` is the compressed size when known: a stream inflating more than the ratio limit
        is refused as a bomb.
        """
        spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 - returned open
        limit = self.member_limit()
        size = 0
        try:
            while block := handle.read(MB):
                self.check_cancelled()
                size += len(block)
                if size > limit:
                    raise TooBig(f"{name or 'innehållet'} är större än gränsen {size_text(limit)}. {REMOVE_IT}")
                ratio = self.limits.max_ratio
                if packed is not None and size > self.limits.ratio_floor and size > ratio * max(packed, 1):
                    raise TooBig(f"{name or 'innehållet'} packas upp mer än {ratio} gånger (misstänkt zip-bomb).")
                self.spend(len(block))
                spooled.write(block)
        except ZipTooLarge as exc:
            spooled.close()
            raise TooBig(f"{exc} {REMOVE_IT}") from exc
        except BaseException:
            spooled.close()
            raise
        spooled.seek(0)
        return spooled, size  # type: ignore[return-value]

    # --- dispatch ------------------------------------------------------------------------------

    def scan_part(self, part: Part, depth: int) -> None:
        """Scan a part by its format; a part that breaks or cannot be read is Unreadable, never raised."""
        self.check_cancelled()
        try:
            if depth > self.limits.max_depth:
                raise TooBig(
                    f"filer nästlade i fler än {self.limits.max_depth} nivåer kan inte granskas. "
                    "Packa upp arkivet och skicka filerna var för sig, eller ta bort det."
                )
            part.stream.seek(0)
            head = part.stream.read(_SNIFF)
            part.stream.seek(0)
            self._dispatch(sniff(head, part.name), part, head, depth)
        except ScanCancelled:
            raise
        except (TooBig, CannotRead) as exc:
            self.unreadable(part.source, str(exc))
        except ZipTooLarge as exc:
            self.unreadable(part.source, f"{exc} {REMOVE_IT}")
        except Exception as exc:  # a broken file must be reported, never crash the guard
            self.unreadable(part.source, f"filen kan inte läsas ({type(exc).__name__}: {exc}). {CONVERT_OR_REMOVE}")

    def scan_nested(self, name: str, source: str, handle: IO[bytes], depth: int, packed: int | None = None) -> None:
        """Spool a member, decompressed stream or attachment and scan it one level deeper."""
        stream, size = self.spool(handle, packed, name)
        with stream:
            self.scan_part(Part(name, source, stream, size), depth + 1)

    def scan_nested_bytes(self, name: str, source: str, data: bytes, depth: int) -> None:
        self.spend(len(data))
        self.scan_part(Part(name, source, io.BytesIO(data), len(data)), depth + 1)

    def _dispatch(self, kind: str, part: Part, head: bytes, depth: int) -> None:
        from beställning.send.scan import containers, mail, office, plain

        if kind.startswith("blocked:"):
            raise CannotRead(kind.removeprefix("blocked:"))
        if kind == "zip":
            office.scan_zip(self, part, depth)
        elif kind in ("gzip", "bzip2", "xz"):
            containers.scan_compressed(self, part, kind, depth)
        elif kind == "tar":
            containers.scan_tar(self, part, depth)
        elif kind == "pdf":
            from beställning.send.scan import pdf  # pypdf is large: only loaded for a PDF

            pdf.scan_pdf(self, part, depth)
        elif kind == "rtf":
            plain.scan_rtf(self, part)
        elif kind == "eml":
            mail.scan_mail(self, part, depth)
        elif kind == "image":
            self.look(part.source, "bilden", "(bild)", PICTURE_WHY)
        elif kind == "binary":
            plain.scan_binary_strings(self, part)
            raise CannotRead(f"okänt binärt filformat som inte kan granskas. {CONVERT_OR_REMOVE}")
        else:
            plain.scan_plain(self, part, markup=kind in ("html", "markup"), depth=depth)


def sha256_of(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    while block := stream.read(MB):
        digest.update(block)
    stream.seek(0)
    return digest.hexdigest()


def scan_path(path: Path, limits: ScanLimits | None = None, cancel: CancelCheck | None = None) -> ScanReport:
    """Scan one file on disk; a file that cannot be read is reported, never raised."""
    limits = limits or ScanLimits()
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        handle = path.open("rb")
    except FileNotFoundError:
        return _unreadable_report(str(path), "filen finns inte.")
    except IsADirectoryError:
        return _unreadable_report(str(path), "är en mapp, inte en fil. Packa den som .zip.")
    except OSError as exc:
        return _unreadable_report(str(path), f"filen kan inte läsas ({exc.strerror}).")
    with handle:
        scanner = Scanner(limits, cancel, sha256_of(handle))
        scanner.file_name(path.name, path.name)
        if size > limits.max_file_bytes:
            scanner.unreadable(path.name, _too_big_text(size, limits.max_file_bytes))
            return scanner.report
        scanner.scan_part(Part(path.name, path.name, handle, size), 0)
    return scanner.report


def scan_bytes(
    name: str,
    data: bytes,
    source: str | None = None,
    limits: ScanLimits | None = None,
    cancel: CancelCheck | None = None,
) -> ScanReport:
    """Scan a file's content; `name` decides the type when the content does not."""
    limits = limits or ScanLimits()
    scanner = Scanner(limits, cancel, hashlib.sha256(data).hexdigest())
    if len(data) > limits.max_file_bytes:
        scanner.unreadable(source or name, _too_big_text(len(data), limits.max_file_bytes))
        return scanner.report
    scanner.scan_part(Part(name, source or name, io.BytesIO(data), len(data)), 0)
    return scanner.report


def _unreadable_report(source: str, reason: str) -> ScanReport:
    report = ScanReport()
    report.unreadable.append(Unreadable(source, reason))
    return report


def _too_big_text(size: int, limit: int) -> str:
    return (
        f"filen är för stor att granska ({size_text(size)}, gränsen är {size_text(limit)}). "
        "Ta bort den ur paketet eller dela upp den."
    )
