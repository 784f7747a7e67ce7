"""Wizard rows: they follow changes made on other pages, remove by identity, and are named for assistive tech."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from beställning.order import Attachment, BenefitRequest, Order, load_order
from tests.conftest import EXAMPLES
from ui.order_session import OrderSession
from ui.wizard.benefits_editor import BenefitsEditor
from ui.wizard.field_editor import FieldEditor
from ui.wizard.wizard_page import WizardPage


def shown_wizard(qtbot: QtBot, order: Order) -> tuple[WizardPage, OrderSession]:
    session = OrderSession()
    wizard = WizardPage(session, QLabel("extra"))
    qtbot.addWidget(wizard)
    session.replace(order)
    wizard.show()
    return wizard, session


def benefits_editor(wizard: WizardPage) -> BenefitsEditor:
    editor = wizard.section_pages["data"].benefits
    assert editor is not None
    return editor


def remove_buttons(widget: QWidget) -> list[QPushButton]:
    """The row buttons now on screen (rebuilt rows are deleted later, by the event loop)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    buttons = [b for b in widget.findChildren(QPushButton) if b.text() == "Ta bort"]
    return sorted(buttons, key=lambda b: b.accessibleName())


def test_rows_follow_a_benefit_removed_on_another_page(qtbot: QtBot) -> None:
    wizard, session = shown_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    wizard.go_to("data")
    editor = benefits_editor(wizard)
    assert len(editor._rows) == 2
    wizard.hide()  # the user goes to the catalog page, whose cart removes the first benefit
    del session.order.benefits[0]
    session.mark_changed()
    wizard.show()  # and comes back
    assert [r.request for r in editor._rows] == session.order.benefits
    assert editor._rows[0].combo.currentData() == "foraldrapenning"
    editor._rows[0].wishes.setText("Ny text")
    assert session.order.benefits[0].wishes == "Ny text"
    remove_buttons(editor)[0].click()
    assert session.order.benefits == []


def test_rows_follow_an_attachment_added_while_the_wizard_is_visible(qtbot: QtBot) -> None:
    wizard, session = shown_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    wizard.go_to("bilagor")
    editor = wizard.section_pages["bilagor"].attachments
    assert editor is not None
    assert len(remove_buttons(editor)) == 2
    session.order.attachments.append(Attachment(kind="ovrigt", path="/tmp/Extra.pdf", title="Extra"))
    session.mark_changed()  # the send page added a file
    qtbot.waitUntil(lambda: len(remove_buttons(editor)) == 3)
    assert [b.accessibleName() for b in remove_buttons(editor)] == [
        "Ta bort bilaga 1",
        "Ta bort bilaga 2",
        "Ta bort bilaga 3",
    ]


def test_a_stale_remove_button_removes_its_own_benefit_not_an_index(qtbot: QtBot) -> None:
    wizard, session = shown_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    wizard.go_to("data")
    editor = benefits_editor(wizard)
    second = session.order.benefits[1]
    buttons = remove_buttons(editor)
    assert [b.accessibleName() for b in buttons] == ["Ta bort förmån 1", "Ta bort förmån 2"]
    session.order.benefits.pop(0)  # changed without telling anyone: row 2 is now at index 0
    buttons[1].click()
    assert all(b is not second for b in session.order.benefits)
    assert session.order.benefits == []
    buttons = remove_buttons(editor)  # the rows were rebuilt from the order
    assert buttons == []


def test_a_stale_attachment_row_removes_its_own_attachment(qtbot: QtBot) -> None:
    wizard, session = shown_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    wizard.go_to("bilagor")
    editor = wizard.section_pages["bilagor"].attachments
    assert editor is not None
    buttons = remove_buttons(editor)
    kept = session.order.attachments[0]
    session.order.attachments.pop(1)  # the send page removed the second one
    buttons[1].click()  # its stale row: must not remove the first one, nor raise IndexError
    assert session.order.attachments == [kept]
    assert len(remove_buttons(editor)) == 1


def test_own_typing_does_not_rebuild_the_row(qtbot: QtBot) -> None:
    wizard, session = shown_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    wizard.go_to("data")
    editor = benefits_editor(wizard)
    wishes = editor._rows[0].wishes
    wishes.setFocus()
    wishes.setCursorPosition(3)
    qtbot.keyClicks(wishes, "X")
    assert editor._rows[0].wishes is wishes  # the same widget: focus and cursor stay
    assert wishes.cursorPosition() == 4
    assert session.order.benefits[0].wishes.startswith("SjuX")
    session.order.benefits[0].period_to = "2026-06"
    session.mark_changed()  # a change from elsewhere to the same benefit keeps the row, shows the value
    assert editor._rows[0].wishes is wishes
    assert editor._rows[0].end.text() == "2026-06"


def test_new_benefit_from_elsewhere_appears_when_shown(qtbot: QtBot) -> None:
    wizard, session = shown_wizard(qtbot, Order())
    wizard.go_to("data")
    wizard.hide()
    session.order.benefits.append(BenefitRequest(benefit="barnbidrag", name="Barnbidrag"))
    session.mark_changed()
    wizard.show()
    editor = benefits_editor(wizard)
    assert [r.combo.currentData() for r in editor._rows] == ["barnbidrag"]


def test_choice_field_is_named_and_its_label_leads_to_the_first_option(qtbot: QtBot) -> None:
    from beställning.form import load_form

    editor = FieldEditor(load_form().field("leverans.format"))
    qtbot.addWidget(editor)
    label = next(w for w in editor.findChildren(QLabel) if w.objectName() == "fieldLabel")
    radios = editor.input.findChildren(QRadioButton)
    assert label.buddy() is radios[0]
    assert editor.input.accessibleName() == editor.label_text()


def test_back_and_next_have_mnemonics_and_shortcuts(qtbot: QtBot) -> None:
    wizard, _session = shown_wizard(qtbot, Order())
    assert "&" in wizard.back.text() and "&" in wizard.next.text()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.keyClick(wizard.steps, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.steps.currentRow() == 1)
    qtbot.keyClick(wizard.steps, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.steps.currentRow() == 0)
