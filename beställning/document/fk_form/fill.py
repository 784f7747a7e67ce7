"""Filling one document: find the slots, assign the fields, fill the lists, write the appendix.

This is the only module that knows the order of the steps. `prepare_fill` fills the document in
memory and returns it with its report (what went where, the route check), so the app can show the
report before anything is written; `PreparedFill.save` writes it atomically, so a failed fill
never leaves a half-written file; `fill_fk_form` does both. A template the filler cannot handle
becomes a TemplateError.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from lxml import etree

from beställning.atomic import atomic_path
from beställning.document.fk_form.appendix import write_appendix
from beställning.document.fk_form.assign import Assignment, assign
from beställning.document.fk_form.checkboxes import CheckItem
from beställning.document.fk_form.layout import Layout
from beställning.document.fk_form.lists import benefit_lines, variable_lines
from beställning.document.fk_form.marks import block_sdt, checkbox_slots, marks_in_paragraph
from beställning.document.fk_form.ooxml import W_P, W_SDT, W_TBL, W_TC, owner_table
from beställning.document.fk_form.open import TemplateError, open_template
from beställning.document.fk_form.report import KIND_APPENDIX, FillReport, Leftover, Placement
from beställning.document.fk_form.route import form_route, route_warning
from beställning.document.fk_form.slots import Slot, SlotFinder
from beställning.document.fk_form.tables import ListTables, unclaim
from beställning.document.labels import LIST_BENEFITS, LIST_VARIABLES, ROUTE_FIELD, LabelIndex
from beställning.form import FormField, load_form
from beställning.order import FieldValue, Order, filled_fields
from beställning.text import clean_text

APPENDIX_PLACE = "bilagan sist i dokumentet"


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
        """The fields checkboxes may hold: our form's on the order's route, and the route boxes."""
        route = self.order.route
        own = [f for s in self.form.sections_for(route) for f in s.fields_for(route)]
        route_field = self.index.field(ROUTE_FIELD)
        return own + ([route_field] if route_field is not None else [])

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

    def value_of(self, field_id: str) -> FieldValue:
        return self.order.route if field_id == ROUTE_FIELD else self.order.get(field_id)

    def values(self) -> list[tuple[FormField, str]]:
        """The order's values, and the list fields a form without list tables may have instead."""
        order, index = self.order, self.index
        values = [(f, clean_text(text)) for f, text in filled_fields(order, self.form)]
        extra = {
            LIST_BENEFITS: benefit_lines(order) if self.lists.benefits is None else "",
            LIST_VARIABLES: variable_lines(order) if self.lists.variables is None else "",
            ROUTE_FIELD: self.index.route_options.get(order.route, (order.route,))[0],
        }
        for field_id, text in extra.items():
            list_field = index.field(field_id)
            if list_field is not None and text:
                values.append((list_field, clean_text(text)))
        return values

    def fill(self, template: Path) -> FillReport:
        """Fill the opened document in memory; `PreparedFill.save` writes it."""
        self.collect()
        order = self.order
        values = self.values()
        result = assign(self.finder.slots, values, self.index, self.value_of)
        report: list[Placement] = []
        leftovers: list[Leftover] = []
        reasons: dict[str, str] = {}
        for form_field, text in values:
            if form_field.id in (LIST_BENEFITS, LIST_VARIABLES) or (
                form_field.id == ROUTE_FIELD and form_field.id not in result.placed
            ):
                continue  # lists are reported per item; a form without route boxes is the route itself
            if form_field.id in result.placed:
                slot, _ = result.placed[form_field.id]
                report.append(Placement(form_field.id, form_field.label, text, slot.kind, slot.location))
            else:
                leftovers.append((form_field.id, form_field.label, text))
                reasons[form_field.id] = _reason(form_field, result)
        self._fill_lists(result, report, leftovers, reasons)
        for attachment in order.attachments:
            title = attachment.title or Path(attachment.path).name
            field_id = f"bilaga:{attachment.kind}"
            leftovers.append(
                (
                    field_id,
                    "Bifogad handling",
                    clean_text(f"{title} ({Path(attachment.path).name})" if attachment.path else title),
                )
            )
            reasons[field_id] = (
                "Bifogas som egen fil; listas här så att handläggaren ser vad som hör till beställningen."
            )
        for part in self.layout.parts:
            unclaim(part.root)
        if leftovers:
            write_appendix(self.doc, self.form, leftovers)
            report.extend(
                Placement(i, label, value, KIND_APPENDIX, APPENDIX_PLACE, reasons.get(i, ""))
                for i, label, value in leftovers
            )
        notes = [
            f"{a.location[:1].upper()}{a.location[1:]} lämnades tomt: det kan avse både "
            f"{' och '.join(repr(label) for label in a.labels)}, och programmet gissar inte."
            for a in result.ambiguous
        ]
        route = form_route(self.layout)
        return FillReport(template, Path(), report, notes, route, route_warning(route, order.route))

    def _fill_lists(
        self, result: Assignment, report: list[Placement], leftovers: list[Leftover], reasons: dict[str, str]
    ) -> None:
        """Benefits and variables: in their tables, else in one list field, else in the appendix."""
        order, layout, lists = self.order, self.layout, self.lists
        plans = (
            (LIST_BENEFITS, lists.fill_benefits, lists.benefits is None, "förmåner och perioder", "Förmånstabellen"),
            (LIST_VARIABLES, lists.fill_variables, lists.variables is None, "variabler", "Variabeltabellen"),
        )
        for list_id, fill_table, no_table, what, table_name in plans:
            placed = result.placed.get(list_id)
            if placed is not None:
                self._one_field_list(list_id, placed[0], report, leftovers, reasons)
                continue
            before = len(leftovers)
            fill_table(order, layout, report, leftovers)
            for field_id, *_ in leftovers[before:]:
                reasons.setdefault(
                    field_id,
                    f"Blanketten har ingen tabell och inget fält för {what}."
                    if no_table
                    else f"{table_name} i blanketten har ingen kolumn för detta.",
                )

    def _one_field_list(
        self, list_id: str, slot: Slot, report: list[Placement], leftovers: list[Leftover], reasons: dict[str, str]
    ) -> None:
        """Report each benefit or variable written as a line of one field; their extras go to the appendix."""
        order = self.order
        Item = tuple[str, str, str, str, str]  # id, label, extra's id, extra's label, extra
        items: list[Item]
        if list_id == LIST_BENEFITS:
            lines = benefit_lines(order).split("\n")
            items = [
                (f"förmån:{key}", "Förmån", f"önskemål:{key}", f"Önskemål för {b.name}", b.wishes)
                for key, b in ((b.benefit or str(n), b) for n, b in enumerate(order.benefits, start=1))
            ]
            why = f"Fältet '{slot.label.strip()}' tar förmån och period; önskemålen får plats här."
        else:
            lines = variable_lines(order).split("\n")
            items = [
                (
                    f"variabel:{key}",
                    "Variabel",
                    f"motivering:{key}",
                    f"Motivering för {v.variable or v.table}",
                    v.justification,
                )
                for key, v in ((v.variable_id or str(n), v) for n, v in enumerate(order.variables, start=1))
            ]
            why = "Variabelfältet i blanketten tar en rad per variabel; motiveringen får plats här."
        for line, (field_id, label, extra_id, extra_label, extra) in zip(lines, items, strict=True):
            report.append(Placement(field_id, label, clean_text(line), slot.kind, slot.location))
            if extra:
                leftovers.append((extra_id, extra_label, clean_text(extra)))
                reasons[extra_id] = why


def _reason(form_field: FormField, result: Assignment) -> str:
    """Why a value found no place: an ambiguous place, a place another value fits better, or none."""
    for ambiguity in result.ambiguous:
        if form_field.id in ambiguity.field_ids:
            return (
                f"{ambiguity.location[:1].upper()}{ambiguity.location[1:]} kan avse både "
                f"{' och '.join(repr(label) for label in ambiguity.labels)}; det lämnades tomt."
            )
    if form_field.id in result.lost_to:
        return f"Fältet som kunde passa passar '{result.lost_to[form_field.id]}' bättre och fick den uppgiften."
    return f"Blanketten har inget fält för '{form_field.label}'."


@dataclass
class PreparedFill:
    """FK's form filled in memory, with its report; nothing is written until `save`."""

    doc: DocxDocument
    report: FillReport

    def save(self, out: Path) -> FillReport:
        """Write the filled form to `out` atomically; the report then names it."""
        out = Path(out)
        with atomic_path(out) as tmp:
            self.doc.save(str(tmp))
        self.report.output = out
        return self.report


def prepare_fill(order: Order, template: Path) -> PreparedFill:
    """Fill FK's own Word form with the order's values in memory, and say what went where.

    Raises TemplateError when the template cannot be used (not a .docx, damaged, password-protected).
    """
    template = Path(template)
    doc = open_template(template)
    try:
        report = Filler(doc, order).fill(template)
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
    return PreparedFill(doc, report)


def fill_fk_form(order: Order, template: Path, out: Path) -> FillReport:
    """Fill FK's own Word form with the order's values and write it to `out` atomically.

    The caller decides beforehand about a form for the other route (`report.route_warning`): this
    writes whatever the route. Raises TemplateError when the template cannot be used.
    """
    return prepare_fill(order, template).save(out)
