"""A false alarm cleared as "inte ett personnummer" lets the order through, is recorded, and lapses on change."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from beställning.order import Attachment, Order, load_order
from beställning.send.gate import dry_run
from beställning.send.scan import clear, clearances_to_json
from beställning.send.session import SendSession
from tests.test_send_gate import OPTIONS
from tests.test_send_package import research_order
from tests.test_send_page import check, page  # noqa: F401  (fixture)
from tests.test_smtp_server import cert  # noqa: F401  (fixture)
from ui.scan_findings_dialog import ScanFindingsDialog

LOOKS_LIKE = "Fakturanummer 19811218-9876 (inte ett personnummer, ett löpnummer hos leverantören)\n"


def answering_dialog(reason: str) -> type[ScanFindingsDialog]:
    """A findings dialog that clears every finding with `reason` and is accepted, as a user would."""

    class Answering(ScanFindingsDialog):
        def exec(self) -> int:
            for row in range(self.model.rowCount()):
                self.model.set_clearance(row, clear(self.model.finding(row), reason))
            return int(ScanFindingsDialog.DialogCode.Accepted.value)

    return Answering


def with_false_alarm(tmp_path: Path) -> tuple[Order, Path]:
    order = research_order(tmp_path / "in")
    note = tmp_path / "in" / "faktura.txt"
    note.write_text(LOOKS_LIKE, encoding="utf-8")
    order.attachments.append(Attachment("ovrigt", str(note)))
    return order, note


def clear_all(order: Order) -> None:
    verdict = dry_run(order, OPTIONS)
    assert verdict.guard is not None and verdict.guard.scan.findings
    order.pnr_clearances = clearances_to_json(clear(f, "Fakturanummer") for f in verdict.guard.scan.findings)


def test_a_cleared_finding_no_longer_blocks_and_the_record_keeps_the_decision(tmp_path: Path) -> None:
    order, _note = with_false_alarm(tmp_path)
    assert not dry_run(order, OPTIONS).sendable
    clear_all(order)
    path = tmp_path / "order.json"
    order.save(path)
    order = load_order(path)  # the decisions travel in the order file
    session = SendSession(order, OPTIONS, order_path=path)
    assert session.check().sendable
    session.write_eml(tmp_path / "ut.eml")
    record = load_order(path).sent[-1]
    assert record.clearances and record.clearances[0]["reason"] == "Fakturanummer"
    assert record.clearances[0]["file_sha256"]
    session.close()


def test_a_changed_file_is_scanned_again(tmp_path: Path) -> None:
    order, note = with_false_alarm(tmp_path)
    clear_all(order)
    assert dry_run(order, OPTIONS).sendable
    time.sleep(0.01)
    note.write_text(LOOKS_LIKE + "Ny rad.\n", encoding="utf-8")
    assert not dry_run(order, OPTIONS).sendable


def test_a_broken_stored_decision_is_said_and_blocks(tmp_path: Path) -> None:
    order, _note = with_false_alarm(tmp_path)
    order.pnr_clearances = [{"finding": "x"}]
    verdict = dry_run(order, OPTIONS)
    assert not verdict.sendable and any("saknar fältet" in e for e in verdict.errors)


def test_the_send_page_clears_a_finding_and_checks_again(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("ui.send_page.ScanFindingsDialog", answering_dialog("Fakturanummer"))
    order, _note = with_false_alarm(tmp_path)
    page.set_order(order)
    check(qtbot, page)
    assert page.verdict.text().startswith("Stoppad") and page.findings_button.isVisible()
    page.review_findings()
    qtbot.waitUntil(lambda: not page.busy and page.checked is not None, timeout=30_000)
    assert page.checked.sendable
    assert "markerade som inte personnummer" in page.verdict.text()
    assert order.pnr_clearances
