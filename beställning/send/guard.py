"""The guard (spärren): everything that must stop a package before it leaves, in one result.

A missing required attachment, a personal identity number in a file or in the order's text, a file
the guard cannot read, or a message over the size limit. The explanation for personnummer follows
FK's process (domain brief §2): the key file goes only by registered post, after FK's decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from beställning.send.message import SizeCheck
from beställning.send.package import Package
from beställning.send.scan import (
    CancelCheck,
    Clearance,
    ScanLimits,
    ScanReport,
    apply_clearances,
    scan_order,
    scan_path,
)

KEY_FILE_ADVICE = (
    "Personnummer får inte skickas med e-post. Försäkringskassan tar emot nyckelfilen (populationsfilen "
    "med personnummer och löpnummer) först efter sitt beslut om utlämnande, och då endast med "
    "rekommenderad post. (Skickar SCB populationsfilen kan den tas emot digitalt; ange SCB-handläggarens "
    "kontaktuppgifter i beställningen.) Ta bort filen eller personnumren ur paketet och granska igen."
)
LOOK_ADVICE = (
    "Granskningen kan inte läsa text i bilder eller på inskannade sidor. Titta på dem: står det inga "
    "personnummer där, markera dem som granskade under ”Visa fynden…” och skriv vad du såg. Beslutet gäller "
    "bara så länge filen är oförändrad. (Finns det personnummer: ta bort bilden eller sidan och granska igen.)"
)
UNREADABLE_ADVICE = (
    "Filer som inte kan granskas skickas inte: spara dem i ett läsbart format (t.ex. PDF med text, "
    "Word eller Excel utan lösenord) eller ta bort dem ur paketet."
)


@dataclass
class GuardResult:
    """What stops the send, if anything: missing items, scan findings, unreadable files, size."""

    missing: list[str] = field(default_factory=list)
    scan: ScanReport = field(default_factory=ScanReport)
    size: SizeCheck | None = None

    @property
    def blocked(self) -> bool:
        return bool(self.missing) or not self.scan.clean or (self.size is not None and not self.size.ok)

    def messages(self) -> list[str]:
        """Swedish lines for the user: each problem, then what to do."""
        lines = list(self.missing)
        numbers = [finding for finding in self.scan.findings if not finding.to_look_at]
        pictures = [finding for finding in self.scan.findings if finding.to_look_at]
        if numbers:
            lines.append(f"Personnummer hittades ({len(numbers)} st):")
            lines += [f"  {finding.describe()}" for finding in numbers]
            lines.append(KEY_FILE_ADVICE)
        if pictures:
            lines.append(f"Bilder och sidor utan text att titta på själv ({len(pictures)} st):")
            lines += [f"  {finding.describe()}" for finding in pictures]
            lines.append(LOOK_ADVICE)
        if self.scan.cleared:
            lines.append(f"Avskrivna fynd, inte personnummer ({len(self.scan.cleared)} st):")
            lines += [f"  {finding.describe()}" for finding in self.scan.cleared]
        if self.scan.unreadable:
            lines.append("Kunde inte granskas:")
            lines += [f"  {item.describe()}" for item in self.scan.unreadable]
            lines.append(UNREADABLE_ADVICE)
        if self.size is not None and not self.size.ok:
            lines.append(self.size.advice())
        return lines


def check_package(
    package: Package,
    size: SizeCheck | None = None,
    limits: ScanLimits | None = None,
    cancel: CancelCheck | None = None,
    clearances: Iterable[Clearance] = (),
) -> GuardResult:
    """Run every check on a built package and the order's own text.

    `clearances` are the user's "inte ett personnummer" decisions: a cleared finding in an unchanged
    file no longer blocks and is listed as cleared; in a changed file it blocks again.
    """
    result = GuardResult(missing=package.checklist.messages(), size=size)
    result.scan.merge(scan_order(package.order))
    seen = {finding.masked for finding in result.scan.findings}
    for item in package.files:
        report = scan_path(item.path, limits, cancel)
        if item.generated:
            # The form repeats the order's fields: report those once, under the field's name. Its
            # pictures are the app's own chart: there is nothing to look at.
            report.findings = [f for f in report.findings if f.masked not in seen and not f.to_look_at]
            report.notes = []
        result.scan.merge(report)
    result.scan = apply_clearances(result.scan, clearances)
    return result
