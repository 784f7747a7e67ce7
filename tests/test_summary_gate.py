"""The summary page says "kan skickas" only when the send gate says so (attachments and personnummer too)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from beställning.send.gate import dry_run
from beställning.send.session import options_from_settings
from beställning.validation import validate
from tests.test_send_gate import with_pnr
from tests.test_send_package import research_order
from ui.wizard.summary_page import SummaryPage
from ui.workers import wait_for_all


def summary(qtbot: Any) -> SummaryPage:
    page = SummaryPage()
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_personnummer_attachment_is_not_sendable_on_the_summary(qtbot: Any, tmp_path: Path) -> None:
    order = with_pnr(research_order(tmp_path / "in"))
    assert not [p for p in validate(order) if p.blocking]  # validation alone would say "kan skickas"
    page = summary(qtbot)
    page.show_problems(validate(order), order)
    assert "kan skickas" not in page.status.text() or "måste rättas" in page.status.text()
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=30_000)
    assert "1 problem måste rättas" in page.status.text()
    texts = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any("19811218-****" in t for t in texts)
    assert dry_run(order, options_from_settings()).sendable is False  # the same answer as check
    wait_for_all()


def test_a_complete_order_is_sendable_once_the_gate_answers(qtbot: Any, tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    page = summary(qtbot)
    page.show_problems(validate(order), order)
    assert "Granskar" in page.status.text()
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=30_000)
    assert page.status.text().startswith("✔ Beställningen är komplett och kan skickas.")
    order.set("projekt.syfte", "Ändrat.")
    page.show_problems(validate(order), order)
    assert "Granskar" in page.status.text()  # a changed order is asked again
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=30_000)
    wait_for_all()
