"""The ethics check reaches the user: `check --json` carries its warnings, the summary page shows them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from beställning.cli import main as cli_main
from beställning.validation import validate
from tests.ethics_documents import complete_case
from ui.wizard.summary_page import SummaryPage
from ui.workers import wait_for_all


def test_check_json_carries_the_ethics_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    order = complete_case(tmp_path, ".pdf", omit=("linkage",))
    path = tmp_path / "order.json"
    order.save(path)
    capsys.readouterr()
    cli_main(["check", str(path), "--json"])
    entries = {e["id"]: e for e in json.loads(capsys.readouterr().out)["ethics"]}
    assert entries["linkage"]["found"] is False and entries["fk_source"]["found"] is True
    cli_main(["check", str(path)])
    assert "varning: Etikansökan:" in capsys.readouterr().out


def test_the_summary_page_shows_what_the_application_forgets(qtbot: Any, tmp_path: Path) -> None:
    order = complete_case(tmp_path, ".pdf", omit=("linkage", "benefit:foraldrapenning"))
    page = SummaryPage()
    qtbot.addWidget(page)
    page.show()
    page.show_problems(validate(order), order)
    qtbot.waitUntil(lambda: page.ethics.report is not None, timeout=30_000)
    assert page.ethics.isVisible()
    missing = {e.id for e in page.ethics.report.entries if e.found is False}  # type: ignore[union-attr]
    assert missing == {"linkage", "benefit:foraldrapenning"}
    wait_for_all()
