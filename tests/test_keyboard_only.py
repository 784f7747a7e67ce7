"""The example research order (examples/forskning.json) completed with key events only, no mouse.

Every keystroke goes to the widget that has focus (QApplication.focusWidget()), as it would for a
person: Ctrl+N, then each section's fields in Tab order, Alt+N (Nästa) between sections, Space on
buttons and checkboxes, arrow keys in choices, letters in a combo box, and the file dialog typed
into. The test only reads the window to decide what to type next (it never sets a value itself).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QFileDialog, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from beställning.form import load_form
from beställning.order import FieldValue, load_order
from beställning.validation import validate
from tests.conftest import EXAMPLES
from tests.windows import shown_window
from ui.wizard.field_editor import FieldEditor
from ui.wizard.section_page import SectionPage

NO = Qt.KeyboardModifier.NoModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def key(code: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    QTest.keyClick(focus(), code, modifier)
    QApplication.processEvents()


def type_char(char: str) -> None:
    """One typed character as a key press and release (QTest's ASCII table asserts on å, ä, ö)."""
    code = ord(char.upper()) if char.isascii() and char.isprintable() else Qt.Key.Key_unknown.value
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(focus(), QKeyEvent(kind, code, NO, char))


def type_text(text: str) -> None:
    for number, line in enumerate(text.split("\n")):
        if number:
            key(Qt.Key.Key_Return)
        for char in line:
            type_char(char)
    QApplication.processEvents()


def fill(editor: FieldEditor, value: FieldValue) -> None:
    """Enter `value` into the field that has focus, by its kind."""
    widget = focus()
    kind = editor.form_field.kind
    if kind == "bool":
        assert isinstance(widget, QCheckBox)
        if value is True and not widget.isChecked():
            key(Qt.Key.Key_Space)
    elif kind == "choice":
        assert isinstance(widget, QRadioButton)
        options = list(editor.form_field.options)
        if not widget.isChecked():
            key(Qt.Key.Key_Space)
        for _step in range(options.index(str(value)) - options.index(focus().text())):
            key(Qt.Key.Key_Right)
    elif value:
        type_text(str(value))


def next_section() -> None:
    """Alt+N, the mnemonic of Nästa (the button animates its click for a moment)."""
    key(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    QTest.qWait(250)


def fill_fields(page: SectionPage, values: dict[str, FieldValue]) -> None:
    """Fill the section's fields in Tab order until focus leaves them."""
    seen: list[str] = []
    for _guard in range(40):
        editor = next((e for e in page.editors.values() if e.isAncestorOf(focus())), None)
        if editor is None:
            break
        assert editor.form_field.id not in seen, f"Tab came back to {editor.form_field.id}"
        seen.append(editor.form_field.id)
        fill(editor, values.get(editor.form_field.id, ""))
        key(Qt.Key.Key_Tab)
    expected = [e.form_field.id for e in page.editors.values() if e.isVisible()]
    assert seen == expected, f"Tab order in {page.section.id}: {seen} != {expected}"


def fill_benefits(page: SectionPage, benefits: list[dict[str, str]]) -> None:
    editor = page.benefits
    assert editor is not None and focus() is editor.add_button
    for benefit in benefits:
        if focus() is editor.add_button:
            key(Qt.Key.Key_Space)  # a new row; focus moves to its benefit
        combo = focus()
        assert isinstance(combo, QComboBox)
        type_text(benefit["name"].split(" ")[0])  # letters pick the first item so named (Space would open it)
        for _step in range(len(editor.choices())):
            if combo.currentData() == benefit["benefit"]:
                break
            key(Qt.Key.Key_Down)
        assert combo.currentData() == benefit["benefit"]
        for text in (benefit["period_from"], benefit["period_to"], benefit["wishes"]):
            key(Qt.Key.Key_Tab)
            type_text(text)
        key(Qt.Key.Key_Tab)  # past the row: "Ta bort" is not a Tab stop
        assert "Ta bort" not in getattr(focus(), "text", lambda: "")()


def add_attachments(page: SectionPage, paths: list[Path]) -> None:
    editor = page.attachments
    assert editor is not None and focus() is editor.add_button
    for path in paths:
        def type_into_dialog(path: Path = path) -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(50, type_into_dialog)
                return
            type_text(str(path))
            key(Qt.Key.Key_Return)

        QTimer.singleShot(50, type_into_dialog)
        key(Qt.Key.Key_Space)
        editor.window().activateWindow()  # what the window manager does when a dialog closes
        QTest.qWait(50)
        assert focus() is editor.add_button


def test_example_research_order_by_keyboard_alone(qtbot: QtBot, monkeypatch: object) -> None:
    example = load_order(EXAMPLES / "forskning.json")
    window = shown_window(qtbot, active=True)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = window.page("wizard")
    assert isinstance(focus(), QRadioButton), "after Ctrl+N the keyboard is in the wizard's first step"
    next_section()  # research is the default route
    form = load_form()
    for section in form.sections_for("forskning"):
        page = wizard.section_pages[section.id]  # type: ignore[attr-defined]
        assert wizard.stack.currentWidget() is page  # type: ignore[attr-defined]
        if section.kind == "benefits":
            fill_benefits(page, [vars(b) for b in example.benefits])
        elif section.kind == "attachments":
            add_attachments(page, [EXAMPLES / a.path for a in example.attachments])
            key(Qt.Key.Key_Tab)  # from "Lägg till fil…" to the section's own field
        fill_fields(page, example.fields) if page.editors else None
        next_section()
    order = window.session.order
    assert wizard.stack.currentWidget() is wizard.summary  # type: ignore[attr-defined]
    expected = {k: v for k, v in example.fields.items() if v not in ("", False)}
    assert {k: v for k, v in order.fields.items() if v not in ("", False)} == expected
    assert [vars(b) for b in order.benefits] == [vars(b) for b in example.benefits]
    assert sorted(a.kind for a in order.attachments) == sorted(a.kind for a in example.attachments)
    assert not [p for p in validate(order) if p.blocking]


def test_ctrl_digits_go_to_the_five_main_pages(qtbot: QtBot) -> None:
    window = shown_window(qtbot, active=True)
    for number, page in enumerate(("register", "wizard", "catalog", "send", "settings")):
        QTest.keyClick(focus(), Qt.Key(Qt.Key.Key_1.value + number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.page(page)
        assert window.page(page).isAncestorOf(focus()), f"Ctrl+{number + 1} left the keyboard outside {page}"


def test_a_benefit_row_removed_from_the_keyboard_can_be_undone(qtbot: QtBot) -> None:
    window = shown_window(qtbot, active=True)
    window.open_order(load_order(EXAMPLES / "forskning.json"))
    wizard = window.page("wizard")
    wizard.go_to("data")  # type: ignore[attr-defined]
    editor = wizard.section_pages["data"].benefits  # type: ignore[attr-defined]
    first = window.session.order.benefits[0]
    assert editor.first_input() is focus()
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Delete, Qt.KeyboardModifier.AltModifier)  # Alt+Delete removes the row the cursor is in
    assert [b.benefit for b in window.session.order.benefits] == ["foraldrapenning"]
    assert editor.undo_bar.isVisible() and "Sjuk- och rehabiliteringspenning" in editor.undo_bar.label.text()
    assert editor.isAncestorOf(focus()), "focus stayed in the list"
    key(Qt.Key.Key_Aring, Qt.KeyboardModifier.AltModifier)  # &Ångra
    QTest.qWait(250)  # a mnemonic animates the click
    assert window.session.order.benefits[0] is first
    assert not editor.undo_bar.isVisible()


def test_an_attachment_removed_from_the_keyboard_can_be_undone(qtbot: QtBot) -> None:
    window = shown_window(qtbot, active=True)
    window.open_order(load_order(EXAMPLES / "forskning.json"))
    wizard = window.page("wizard")
    wizard.go_to("bilagor")  # type: ignore[attr-defined]
    editor = wizard.section_pages["bilagor"].attachments  # type: ignore[attr-defined]
    first, second = window.session.order.attachments
    assert editor.first_input() is focus()
    key(Qt.Key.Key_Tab)
    assert isinstance(focus(), QComboBox), "Tab goes from one attachment's type to the next, not to Ta bort"
    key(Qt.Key.Key_Delete, Qt.KeyboardModifier.AltModifier)
    assert window.session.order.attachments == [first]
    assert "Etikbeslut.pdf" in editor.undo_bar.label.text()
    key(Qt.Key.Key_Aring, Qt.KeyboardModifier.AltModifier)
    QTest.qWait(250)
    assert window.session.order.attachments[1] is second
