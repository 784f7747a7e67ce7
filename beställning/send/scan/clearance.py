"""False alarms the user has cleared (avskrivna fynd): "inte ett personnummer", with a reason and a date.

A clearance names one finding by its identity and the SHA-256 of its file. It applies only while
the file is unchanged: when the SHA-256 differs the file is scanned again and its findings block
again until the user looks at them. The order file or the send record stores clearances as a list
of plain dicts (`clearances_to_json` / `clearances_from_json`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from beställning.send.scan.report import Finding, ScanReport


class ClearanceError(ValueError):
    """A stored clearance is malformed; the message says which and why, in Swedish."""


@dataclass(frozen=True)
class Clearance:
    """The user's decision that one finding is not a personal identity number."""

    finding: str  # Finding.identity
    file_sha256: str
    reason: str
    cleared_on: date
    masked: str = ""  # shown in the send record; never the number itself
    source: str = ""
    place: str = ""


def clear(finding: Finding, reason: str, on: date | None = None) -> Clearance:
    """A clearance for `finding`; the reason is required (why it is not a personnummer)."""
    reason = reason.strip()
    if not reason:
        raise ClearanceError("Ange varför det inte är ett personnummer.")
    return Clearance(
        finding.identity, finding.file_sha256, reason, on or date.today(), finding.masked, finding.source, finding.place
    )


def apply_clearances(report: ScanReport, clearances: Iterable[Clearance]) -> ScanReport:
    """A copy of `report` where cleared findings no longer block but are listed under `cleared`.

    A clearance applies only when both the finding's identity and its file's SHA-256 match.
    """
    by_key = {(c.finding, c.file_sha256) for c in clearances}
    result = ScanReport(unreadable=list(report.unreadable), notes=list(report.notes), cleared=list(report.cleared))
    for finding in report.findings:
        if (finding.identity, finding.file_sha256) in by_key:
            result.cleared.append(replace(finding, cleared=True))
        else:
            result.findings.append(finding)
    return result


def clearances_to_json(clearances: Iterable[Clearance]) -> list[dict[str, str]]:
    """Plain dicts for a JSON file: the date as YYYY-MM-DD."""
    return [
        {
            "finding": c.finding,
            "file_sha256": c.file_sha256,
            "reason": c.reason,
            "cleared_on": c.cleared_on.isoformat(),
            "masked": c.masked,
            "source": c.source,
            "place": c.place,
        }
        for c in clearances
    ]


def clearances_from_json(data: Any) -> list[Clearance]:
    """Clearances from `clearances_to_json`'s output; ClearanceError names what is wrong."""
    if not isinstance(data, list):
        raise ClearanceError("Avskrivna fynd ska vara en lista.")
    out = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ClearanceError(f"Avskrivet fynd {number} är inte ett objekt.")
        try:
            finding, sha, reason, when = item["finding"], item["file_sha256"], item["reason"], item["cleared_on"]
        except KeyError as exc:
            raise ClearanceError(f"Avskrivet fynd {number} saknar fältet {exc.args[0]}.") from exc
        if not all(isinstance(v, str) and v for v in (finding, sha, reason, when)):
            raise ClearanceError(f"Avskrivet fynd {number} har ett tomt eller felaktigt fält.")
        try:
            cleared_on = date.fromisoformat(when)
        except ValueError as exc:
            raise ClearanceError(f"Avskrivet fynd {number} har ett ogiltigt datum ({when}).") from exc
        extra = {k: str(item.get(k, "")) for k in ("masked", "source", "place")}
        out.append(Clearance(finding, sha, reason, cleared_on, **extra))
    return out


def reviewed_clearances(
    stored: Iterable[Clearance], reviewed: Iterable[Finding], decisions: Iterable[Clearance]
) -> list[Clearance]:
    """The decisions to keep after the user reviewed `reviewed`: theirs for those findings, the stored
    ones for findings not reviewed (other files, or files not in this check)."""
    shown = {finding.identity for finding in reviewed}
    return [c for c in stored if c.finding not in shown] + list(decisions)
