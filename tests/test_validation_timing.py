"""Validation speaks after the user has touched a field or asked to go on, not before (issue 12, Must 5).

A new order is not a list of errors: no ✖ counts, no "Fyll i" under empty fields, no "wrong e-mail"
after the first letter. Leaving an edited field, or Nästa, makes the section's problems show; an
opened order's own values are checked at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from beställning.order import Order, load_order
from tests.conftest import EXAMPLES
from tests.test_wizard_rows import shown_wizard
from ui.order_session import OrderSession
from ui.wizard.wizard_page import WizardPage


def make_wizard(qtbot: QtBot, order: Order) -> tuple[WizardPage, OrderSession]:
    wizard, session = shown_wizard(qtbot, order)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard, session


def step_texts(wizard: WizardPage) -> list[str]:
    return [wizard.steps.item(i).text() for i in range(wizard.steps.count())]


def visible_problems(wizard: WizardPage, section: str) -> list[str]:
    page = wizard.section_pages[section]
    return [e.problem_label.text() for e in page.editors.values() if not e.problem_label.isHidden()]


def test_a_new_order_is_quiet_until_the_user_goes_on(qtbot: QtBot) -> None:
    wizard, _session = make_wizard(qtbot, Order())
    wizard.go_to("bestallare")
    assert not any("✖" in t for t in step_texts(wizard))
    assert visible_problems(wizard, "bestallare") == []
    wizard.next.click()  # asked to go on: section 1's problems speak, and its count shows
    assert any(t.startswith("1.") and "✖" in t for t in step_texts(wizard))
    assert any("Fyll i" in p for p in visible_problems(wizard, "bestallare"))
    assert not any(t.startswith("2.") and "✖" in t for t in step_texts(wizard))


def test_a_new_order_after_the_summary_starts_quiet_again(qtbot: QtBot) -> None:
    wizard, session = make_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    wizard.go_to("summary")
    session.replace(Order())
    assert wizard.steps.currentRow() == 0
    assert not any("✖" in t or "✔" in t for t in step_texts(wizard))


def test_a_field_speaks_when_left_after_editing_not_while_typing(qtbot: QtBot) -> None:
    wizard, _session = make_wizard(qtbot, Order())
    wizard.go_to("bestallare")
    email = wizard.section_pages["bestallare"].editors["bestallare.epost"]
    assert isinstance(email.input, QLineEdit)
    email.input.setFocus()
    qtbot.waitUntil(email.input.hasFocus)
    QTest.keyClicks(email.input, "anna")
    assert visible_problems(wizard, "bestallare") == [], "the address is not wrong while it is being typed"
    QTest.keyClick(email.input, Qt.Key.Key_Tab)
    assert any("e-postadress" in p for p in visible_problems(wizard, "bestallare"))
    email.input.setFocus()
    QTest.keyClicks(email.input, "@exempel.se")  # once shown, the problem follows the typing
    assert visible_problems(wizard, "bestallare") == []


def test_an_added_benefit_row_is_not_an_error_until_left(qtbot: QtBot) -> None:
    wizard, _session = make_wizard(qtbot, Order())
    wizard.go_to("data")
    editor = wizard.section_pages["data"].benefits
    assert editor is not None
    editor.add_row()
    assert editor.problem_labels["benefits[0]"].isHidden()
    wizard.next.click()
    assert not editor.problem_labels["benefits[0]"].isHidden()


def test_an_opened_order_shows_the_problems_of_its_values_at_once(qtbot: QtBot) -> None:
    order = load_order(EXAMPLES / "forskning.json")
    order.set("bestallare.epost", "fel.adress")
    wizard, _session = make_wizard(qtbot, order)
    wizard.go_to("bestallare")
    assert any("e-postadress" in p for p in visible_problems(wizard, "bestallare"))
