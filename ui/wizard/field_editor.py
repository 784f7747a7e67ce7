"""One form field as a widget: label, input by field kind, short help, and its problem if any."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from beställning.form import FormField
from beställning.order import FieldValue
from ui.i18n import localized

# Examples that read the same in every language; the words (date, email) are translated in FieldEditor.
PLACEHOLDERS = {
    "orgnr": "NNNNNN-NNNN",
    "phone": "018-471 00 00",
}


class FieldEditor(QWidget):
    """Edits one field; emits `edited(field_id, value)` as the user types."""

    edited = Signal(str, object)
    touched = Signal(str)  # the user changed the value and left the field (or picked a choice)

    def __init__(self, form_field: FormField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form_field = form_field
        self._loading = False
        self._changed = False  # edited since it was loaded or last left
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        self.input = self._make_input()
        if form_field.kind != "bool":
            label = QLabel(self.label_text() + (" *" if form_field.required_for else ""))
            label.setObjectName("fieldLabel")
            label.setBuddy(self.focus_target())
            self.input.setAccessibleName(self.label_text())
            layout.addWidget(label)
        layout.addWidget(self.input)
        self.input.installEventFilter(self)
        if form_field.help:
            help_label = QLabel(localized(form_field.help, form_field.help_en))
            help_label.setWordWrap(True)
            help_label.setObjectName("fieldHelp")
            layout.addWidget(help_label)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setObjectName("fieldProblem")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)

    def focus_target(self) -> QWidget:
        """Where the label's mnemonic and `focus_field` go: the first radio button of a choice."""
        if self.form_field.kind == "choice" and self._choices.buttons():
            return self._choices.buttons()[0]
        return self.input

    def focus(self) -> None:
        self.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def label_text(self) -> str:
        return localized(self.form_field.label, self.form_field.label_en)

    def _make_input(self) -> QWidget:
        kind = self.form_field.kind
        if kind == "multiline":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(84)
            editor.textChanged.connect(lambda: self._emit(editor.toPlainText()))
            return editor
        if kind == "bool":
            box = QCheckBox(self.label_text())
            box.toggled.connect(self._emit)
            return box
        if kind == "choice":
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            self._choices = QButtonGroup(holder)
            for option in self.form_field.options:
                button = QRadioButton(option)
                self._choices.addButton(button)
                row.addWidget(button)
            row.addStretch(1)
            self._choices.buttonToggled.connect(self._choice_toggled)
            return holder
        line = QLineEdit()
        line.setPlaceholderText(self._placeholder(kind))
        if kind == "date":
            line.setMaxLength(10)
            example = QDate.currentDate().toString(Qt.DateFormat.ISODate)
            line.setToolTip(self.tr("T.ex. %1").replace("%1", example))
        line.textChanged.connect(self._emit)
        return line

    def _placeholder(self, kind: str) -> str:
        if kind == "date":
            return self.tr("ÅÅÅÅ-MM-DD")
        if kind == "email":
            return self.tr("namn@organisation.se")
        return PLACEHOLDERS.get(kind, "")

    def _choice_toggled(self, button: QRadioButton, on: bool) -> None:
        if on:
            self._emit(button.text())

    def _emit(self, value: FieldValue) -> None:
        if not self._loading:
            self._changed = True
            self.edited.emit(self.form_field.id, value)
            if self.form_field.kind in ("bool", "choice"):  # a click is a finished answer
                self.touched.emit(self.form_field.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leaving the field after editing it makes its problem speak."""
        if event.type() == QEvent.Type.FocusOut and self._changed:
            self._changed = False
            self.touched.emit(self.form_field.id)
        return super().eventFilter(watched, event)

    def load(self, value: FieldValue) -> None:
        """Show a value from the order without emitting `edited`."""
        self._loading = True
        try:
            widget = self.input
            if isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != value:
                    widget.setPlainText(str(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(value is True)
            elif isinstance(widget, QLineEdit):
                if widget.text() != value:
                    widget.setText(str(value))
            else:
                for button in self._choices.buttons():
                    button.setChecked(button.text() == value)
                if not value:
                    self._choices.setExclusive(False)
                    for button in self._choices.buttons():
                        button.setChecked(False)
                    self._choices.setExclusive(True)
        finally:
            self._loading = False

    def show_problem(self, message: str | None, blocking: bool = True) -> None:
        if not message:
            self.problem_label.hide()
            return
        self.problem_label.setProperty("blocking", blocking)
        self.problem_label.setText(("✖ " if blocking else "⚠ ") + message)
        self.problem_label.style().unpolish(self.problem_label)
        self.problem_label.style().polish(self.problem_label)
        self.problem_label.show()
