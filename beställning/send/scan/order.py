"""The order's own free text (beställningens fritext): fields, wishes, variables, attachment titles."""

from __future__ import annotations

import hashlib

from beställning.order import Order
from beställning.send.scan.report import ScanReport
from beställning.send.scan.text import scan_text


def _scan(report: ScanReport, text: str, source: str, place: str) -> None:
    """Each value's own SHA-256 stands in for a file's: a changed text is asked about again."""
    if text:
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        report.findings.extend(scan_text(text, source, place, sha))


def scan_order(order: Order, source: str = "beställningen") -> ScanReport:
    """Findings in every free-text value of the order: fields, wishes, variables, attachment titles."""
    from beställning.form import load_form

    form = load_form()
    report = ScanReport()
    for field_id, value in order.fields.items():
        if isinstance(value, str) and value:
            label = form.field(field_id).label if form.has_field(field_id) else field_id
            _scan(report, value, source, f"fältet ”{label}”")
    for benefit in order.benefits:
        _scan(report, benefit.wishes, source, f"önskemål för {benefit.name or benefit.benefit}")
    for pick in order.variables:
        for text in (pick.variable, pick.description, pick.justification):
            _scan(report, text, source, f"variabeln ”{pick.variable}”")
    for attachment in order.attachments:
        _scan(report, attachment.title, source, "bilagans titel")
    return report
