"""One section of the form as a wizard page, built from the form definition."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from beställning.form import Section
from beställning.order import Order
from beställning.validation import Problem
from ui.i18n import localized
from ui.layouts import VerticalScrollArea
from ui.wizard.attachments_editor import AttachmentsEditor
from ui.wizard.benefits_editor import BenefitsEditor
from ui.wizard.field_editor import FieldEditor


class SectionPage(VerticalScrollArea):
    """Fields of one section; hides fields that do not apply to the order's route or answers."""

    field_edited = Signal(str, object)
    field_touched = Signal(str)  # the user edited a field and left it
    list_edited = Signal()
    browse_catalog = Signal()

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        body = QWidget()
        body.setObjectName("pageBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(localized(section.title, section.title_en))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        if section.help:
            help_label = QLabel(localized(section.help, section.help_en))
            help_label.setWordWrap(True)
            help_label.setObjectName("sectionHelp")
            layout.addWidget(help_label)
        self.benefits: BenefitsEditor | None = None
        self.attachments: AttachmentsEditor | None = None
        if section.kind == "benefits":
            self.benefits = BenefitsEditor()
            self.benefits.edited.connect(self.list_edited)
            self.benefits.browse_catalog.connect(self.browse_catalog)
            layout.addWidget(self.benefits)
        elif section.kind == "attachments":
            self.attachments = AttachmentsEditor()
            self.attachments.edited.connect(self.list_edited)
            layout.addWidget(self.attachments)
        self.editors: dict[str, FieldEditor] = {}
        for form_field in section.fields:
            editor = FieldEditor(form_field)
            editor.edited.connect(self.field_edited)
            editor.touched.connect(self.field_touched)
            self.editors[form_field.id] = editor
            layout.addWidget(editor)
        layout.addStretch(1)
        self.setWidget(body)

    def load(self, order: Order) -> None:
        for field_id, editor in self.editors.items():
            editor.load(order.get(field_id))
        if self.benefits:
            self.benefits.set_order(order)
        if self.attachments:
            self.attachments.set_order(order)
        self.update_visibility(order)

    def update_visibility(self, order: Order) -> None:
        for editor in self.editors.values():
            editor.setVisible(order.is_visible(editor.form_field))

    def show_problems(
        self, problems: list[Problem], passed: bool, touched: set[str] | frozenset[str] = frozenset()
    ) -> None:
        """Show each problem at its field once the user has touched the field or asked to go on.

        Before that a field is quiet: a new order is not a list of errors, and an e-mail address is
        not wrong while it is being typed. Once shown, a problem follows the typing live.
        """
        by_field: dict[str, Problem] = {}
        for problem in problems:
            by_field.setdefault(problem.field, problem)
        for field_id, editor in self.editors.items():
            found = by_field.get(field_id)
            speak = passed or field_id in touched
            editor.show_problem(found.message if found and speak else None, found.blocking if found else True)
        if self.benefits:
            messages: dict[str, str] = {}
            for problem in problems:
                if problem.field.startswith("benefits["):
                    messages.setdefault(problem.field.split(".")[0], problem.message)
            self.benefits.show_problems(messages, passed)
        if self.attachments:
            self.attachments.show_problems([p.message for p in problems if p.field == "attachments"] if passed else [])

    def focus_first(self) -> None:
        """Focus the section's first input (a visible field, or the first row of a list)."""
        target: QWidget | None = None
        if self.benefits is not None:
            target = self.benefits.first_input()
        elif self.attachments is not None:
            target = self.attachments.first_input()
        if target is None:
            target = next((e.focus_target() for e in self.editors.values() if not e.isHidden()), None)
        self.verticalScrollBar().setValue(0)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
            self.ensureWidgetVisible(target)

    def focus_field(self, field_id: str) -> None:
        editor = self.editors.get(field_id)
        if editor:
            self.ensureWidgetVisible(editor)
            editor.focus()
