"""Filling one document: find the slots, assign the fields, fill the lists, write the appendix.

This is the only module that knows the order of the steps; `fill_fk_form` adds the safety around
them: a template the filler cannot handle becomes a TemplateError, and the output is written
atomically, so a failed fill never leaves a half-written file.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from lxml import etree

from beställning.atomic import atomic_path
from beställning.document.fk_form.appendix import write_appendix
from beställning.document.fk_form.assign import assign
from beställning.document.fk_form.checkboxes import CheckItem
from beställning.document.fk_form.layout import Layout
from beställning.document.fk_form.marks import block_sdt, checkbox_slots, marks_in_paragraph
from beställning.document.fk_form.ooxml import W_P, W_SDT, W_TBL, W_TC, owner_table
from beställning.document.fk_form.open import TemplateError, open_template
from beställning.document.fk_form.report import KIND_APPENDIX, FillReport, Leftover, Placement
from beställning.document.fk_form.slots import Slot, SlotFinder
from beställning.document.fk_form.tables import ListTables, unclaim
from beställning.document.labels import LabelIndex
from beställning.form import FormField, load_form
from beställning.order import Order, filled_fields
from beställning.text import clean_text


class Filler:
    """Finds the slots of one document, assigns fields to them, writes values and the appendix."""

    def __init__(self, doc: DocxDocument, order: Order) -> None:
        self.doc = doc
        self.order = order
        self.form = load_form()
        self.index = LabelIndex.for_route(self.form, order.route)
        self.layout = Layout(doc, self.form)
        self.finder = SlotFinder(self.index, self.layout)
        self.lists = ListTables()

    def fields(self) -> list[FormField]:
        """The fields of our form on the order's route (the choice fields checkboxes may hold)."""
        route = self.order.route
        return [f for s in self.form.sections_for(route) for f in s.fields_for(route)]

    def collect(self) -> None:
        """Find every slot: list tables first, then marks, then text labels in tables and paragraphs."""
        parts, finder, consumed = self.layout.parts, self.finder, self.lists.consumed
        self.layout.find_headings()
        for part in parts:
            for table in list(part.root.iter(W_TBL)):
                self.lists.consider(table)
        checks: list[CheckItem] = []
        for part in parts:
            for paragraph in list(part.root.iter(W_P)):
                if owner_table(paragraph) in consumed:
                    continue
                marks_in_paragraph(finder, paragraph, checks)
            for sdt in list(part.root.iter(W_SDT)):
                block_sdt(finder, sdt, consumed)
        checkbox_slots(finder, checks, self.fields())
        for part in parts:
            for table in list(part.root.iter(W_TBL)):
                if table not in consumed:
                    finder.table_slots(table)
            finder.paragraph_slots(part.root)
            for tc in part.root.iter(W_TC):
                if owner_table(tc) not in consumed:
                    finder.paragraph_slots(tc)

    def assign(self, values: list[tuple[FormField, str]]) -> dict[str, tuple[Slot, str]]:
        return assign(self.finder.slots, values, self.index, self.order)

    def fill(self, template: Path, out: Path) -> FillReport:
        """Fill the opened document in memory; the caller saves it."""
        self.collect()
        order = self.order
        values = [(f, clean_text(text)) for f, text in filled_fields(order, self.form)]
        assigned = self.assign(values)
        report: list[Placement] = []
        leftovers: list[Leftover] = []
        for form_field, text in values:
            if form_field.id in assigned:
                slot, _ = assigned[form_field.id]
                report.append(Placement(form_field.id, form_field.label, text, slot.kind, slot.location))
            else:
                leftovers.append((form_field.id, form_field.label, text))
        self.lists.fill_benefits(order, self.layout, report, leftovers)
        self.lists.fill_variables(order, self.layout, report, leftovers)
        for attachment in order.attachments:
            title = attachment.title or Path(attachment.path).name
            leftovers.append(
                (
                    f"bilaga:{attachment.kind}",
                    "Bifogad handling",
                    clean_text(f"{title} ({Path(attachment.path).name})" if attachment.path else title),
                )
            )
        for part in self.layout.parts:
            unclaim(part.root)
        if leftovers:
            write_appendix(self.doc, self.form, leftovers)
            location = "bilagan sist i dokumentet"
            report.extend(Placement(i, label, value, KIND_APPENDIX, location) for i, label, value in leftovers)
        return FillReport(template, out, report)


def fill_fk_form(order: Order, template: Path, out: Path) -> FillReport:
    """Fill FK's own Word form with the order's values and write it to `out` atomically.

    Raises TemplateError when the template cannot be used (not a .docx, damaged, password-protected).
    """
    template, out = Path(template), Path(out)
    doc = open_template(template)
    try:
        report = Filler(doc, order).fill(template, out)
    except (
        ValueError,
        KeyError,
        IndexError,
        AttributeError,
        TypeError,
        AssertionError,
        etree.LxmlError,
    ) as exc:
        raise TemplateError(
            f"{template.name} är uppbyggd på ett sätt som programmet inte kan fylla i "
            f"({exc.__class__.__name__}: {exc}). Skicka programmets egen blankett i stället."
        ) from exc
    with atomic_path(out) as tmp:
        doc.save(str(tmp))
    return report
