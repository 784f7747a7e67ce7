"""What a scan reports: findings (masked), files it could not read, notes; and the limits it keeps."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from beställning.zipguard import MB

# The kind of a finding that is no number but a picture, or a PDF page without text: the guard
# cannot read it, so it blocks until the user has looked at it and marked it as checked (a Clearance).
TO_LOOK_AT = "bild att granska"
PICTURE_WHY = "text i bilder kan inte läsas: titta på bilden själv"


@dataclass(frozen=True)
class Finding:
    """A personal identity number found: in which file (or field), where in it, masked.

    `file_sha256` is the SHA-256 of the file that is sent (for the order's own text: of the field's
    text), so a decision "inte ett personnummer" (a Clearance) holds only while that file is unchanged.
    `context` is the text around the number with every number in it masked.
    """

    source: str
    place: str
    masked: str
    kind: str
    file_sha256: str = ""
    context: str = ""
    cleared: bool = False

    @property
    def identity(self) -> str:
        """Stable across scans of the same file: SHA-256 of (file SHA-256, part, place, masked number)."""
        inner = self.source.partition(" → ")[2]
        key = "\0".join((self.file_sha256, inner, self.place, self.masked))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

    @property
    def to_look_at(self) -> bool:
        """A picture or text-less page the user must look at, not a number found."""
        return self.kind == TO_LOOK_AT

    def describe(self) -> str:
        if self.to_look_at:
            return f"{self.source}: {self.place}: {self.context or self.masked}"
        return f"{self.source}: {self.place}: {self.masked} ({self.kind})"


@dataclass(frozen=True)
class Unreadable:
    """A file the guard could not read completely: it cannot vouch for it, so it blocks like a finding.

    `reason` is Swedish and says what is wrong and what to do (convert to PDF with text, or remove it).
    """

    source: str
    reason: str

    def describe(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class ScanReport:
    """Everything one scan saw: findings, files it could not read, and notes on partial coverage.

    `cleared` holds findings the user marked "inte ett personnummer" (they no longer block);
    `findings` holds only those that still block.
    """

    findings: list[Finding] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cleared: list[Finding] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings and not self.unreadable

    def merge(self, other: ScanReport) -> None:
        self.findings.extend(other.findings)
        self.unreadable.extend(other.unreadable)
        self.notes.extend(other.notes)
        self.cleared.extend(other.cleared)


@dataclass(frozen=True)
class ScanLimits:
    """Bounds that keep a hostile or huge file from exhausting memory (zip bombs) or time."""

    max_file_bytes: int = 200 * MB
    max_total_unpacked: int = 1024 * MB
    max_members: int = 20_000
    max_depth: int = 5
    max_ratio: int = 200  # uncompressed/compressed, checked for members above `ratio_floor`
    # Below this a file may pack as hard as it likes (a sparse CSV packs 1,000 times): it is read as a
    # stream within the size limits above, so only a large one can cost much.
    ratio_floor: int = 32 * MB


class ScanCancelled(Exception):
    """The user cancelled the scan."""


CancelCheck = Callable[[], bool]


class TooBig(Exception):
    """A part breaks a limit; the message is the Swedish reason shown as Unreadable."""


class CannotRead(Exception):
    """A part the guard cannot read completely; the message is the Swedish reason with what to do."""


REMOVE_IT = "Ta bort filen ur paketet."
CONVERT_OR_REMOVE = "Spara den som PDF med text (eller .docx/.xlsx/.csv) eller ta bort den ur paketet."
