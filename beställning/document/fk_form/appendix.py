"""The appendix (bilaga) at the end of the filled form, so that no entered value is ever dropped.

Values without a place in FK's form are listed as "label: value", grouped under the title of
their section in our form (or under benefits, variables or attached documents).
"""

from __future__ import annotations

import contextlib

from docx.document import Document as DocxDocument
from docx.shared import Pt

from beställning.document.fk_form.report import APPENDIX_TITLE, Leftover
from beställning.form import FormDefinition
from beställning.text import clean_text


def _appendix_group(form: FormDefinition, field_id: str) -> str:
    """The heading an appendix entry is listed under: its section of the form."""
    if form.has_field(field_id):
        return form.section(form.field(field_id).section_id).title
    prefix = field_id.split(":", 1)[0]
    groups = {
        "förmån": "Uppgifter per förmån",
        "period": "Uppgifter per förmån",
        "önskemål": "Uppgifter per förmån",
        "variabel": "Valda variabler",
        "motivering": "Valda variabler",
    }
    return groups.get(prefix, "Bifogade handlingar")


def write_appendix(doc: DocxDocument, form: FormDefinition, entries: list[Leftover]) -> None:
    """The appendix at the end: every value that found no place, as 'label: value'."""
    heading = doc.add_paragraph()
    with contextlib.suppress(KeyError):
        heading.style = doc.styles["Heading 1"]
    heading.paragraph_format.page_break_before = True
    run = heading.add_run(APPENDIX_TITLE)
    run.bold = True
    run.font.size = Pt(14)
    intro = doc.add_paragraph()
    intro.add_run("Uppgifterna nedan hör till beställningen men hade ingen egen plats i blanketten.").italic = True
    group = ""
    for field_id, label, value in entries:
        heading_text = _appendix_group(form, field_id)
        if heading_text != group:
            group = heading_text
            sub = doc.add_paragraph()
            sub.paragraph_format.space_before = Pt(10)
            sub.paragraph_format.keep_with_next = True
            sub_run = sub.add_run(group)
            sub_run.bold = True
            sub_run.font.size = Pt(11.5)
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{clean_text(label)}: ").bold = True
        lines = clean_text(value).split("\n")
        for index, line in enumerate(lines):
            line_run = paragraph.add_run(line)
            if index < len(lines) - 1:
                line_run.add_break()
