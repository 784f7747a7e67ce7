"""The start page follows FK's process: a step out of order is refused, and the missing step offered first."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.register_fixtures import TODAY, page  # noqa: F401  (fixture)
from tests.test_register_page_keystrokes_and_errors import _select_project
from ui.register import RegisterPage
from ui.workers import wait_for_all


def steps(page: RegisterPage, order_id: str) -> list[str]:  # noqa: F811
    assert page.register is not None
    return [event.step for event in page.register.events(order_id)]


@pytest.mark.parametrize("accept", [True, False])
def test_key_file_before_the_decision(
    page: RegisterPage,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    accept: bool,
) -> None:
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: warnings.append((title, text)))
    order_id = _select_project(page, "Rehabiliteringskedjan")
    before = steps(page, order_id)
    assert "decision" not in before and "agreement" in before
    asked: list[str] = []

    def answer(refusal: Any) -> bool:
        asked.append(refusal.missing)
        return accept

    page.panel.ask_record_first = answer  # type: ignore[method-assign]
    assert page.panel.record("key_file", TODAY)
    qtbot.waitUntil(lambda: not page.panel.busy and wait_for_all(100), timeout=10_000)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not page.panel.busy, timeout=10_000)
    assert wait_for_all(5_000)
    assert asked[0] == "decision"
    if accept:
        assert steps(page, order_id) == [*before, "decision", "key_file"]
    else:
        assert steps(page, order_id) == before
        assert warnings and "”Beslut om utlämnande och offert”" in warnings[0][1]
