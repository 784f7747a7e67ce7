"""The send page: a draft handed to the mail program is not a send until the user says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from beställning.process import dates_for, status_and_next
from beställning.register import Register
from tests.test_send_package import research_order
from tests.test_send_page import check, page  # noqa: F401  (fixture)
from tests.test_smtp_server import cert  # noqa: F401  (fixture)


def test_eml_draft_does_not_count_as_sent_until_confirmed(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from beställning.send.handoff import OpenResult

    monkeypatch.setattr("ui.send_handoff.open_file", lambda p: OpenResult(True, f"öppnad {p}"))
    order = research_order(tmp_path / "in")
    page.set_order(order)
    assert not page.sent_now_button.isVisible()
    check(qtbot, page)
    page.ask_save_path = lambda suggested: tmp_path / "utkast.eml"
    changed: list[bool] = []
    page.order_changed.connect(lambda: changed.append(True))
    page.save_eml()

    assert order.sent[-1].method == "eml"
    assert dates_for(order).sent is None
    assert status_and_next(order, [], date.today())[0] == "Utkast"
    assert "Jag har skickat den nu" in page.status.text()
    assert "Skickad till FK" in page.status.text()
    assert page.sent_now_button.isVisible()

    page.sent_now_button.click()
    with Register() as register:
        events = register.events(order.id)
    assert [(e.step, e.date) for e in events] == [("sent", date.today())]
    assert dates_for(order, events).sent == date.today()
    assert status_and_next(order, events, date.today())[0] == "Skickad"
    assert not page.sent_now_button.isVisible()
    assert "Registrerat" in page.status.text()
    assert len(changed) == 2  # the hand-off and the confirmation


def test_new_order_hides_the_confirmation_button(qtbot: Any, page: Any, tmp_path: Path) -> None:  # noqa: F811
    page.sent_now_button.setVisible(True)
    page.set_order(research_order(tmp_path / "in"))
    assert not page.sent_now_button.isVisible()
