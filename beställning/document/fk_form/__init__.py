"""Filling FK's own Word order form (blankett) with an order's (beställning) values.

FK's .docx is not available to us, so the filler finds fields in every way a Word form marks them:
a label cell with an empty cell beside or below it, content controls (`w:sdt`, by tag or title,
also in headers and footers, checkboxes included), legacy form fields (FORMTEXT/FORMCHECKBOX,
named by `w:ffData/w:name` or a bookmark), a label paragraph followed by blank space, or a label
followed by a line of underscores. Benefits (förmåner) and variables go into tables with matching
header rows when the form has them. Whatever cannot be placed goes into an appendix at the end of
the document, so no entered value is ever dropped, and the report says where each value went.

Labels are matched by meaning, most specific first, with the label vocabulary in
`resources/form/labels.json`; a place two fields match equally is left empty and reported, never
guessed. A form with one field for all benefits (or variables) gets one line per item. The route
(ändamål) is read from the form's title: `prepare_fill` fills in memory and returns the report with
a warning for a form of the other route, so the app and the command line can ask before writing.

The work is done on the XML (lxml) because python-docx cannot see content controls.

Modules, from the top down:
    fill        the steps of one fill, `prepare_fill` (in memory) and `fill_fk_form` (atomic output)
    open        opening and checking the template (TemplateError)
    route       the route the form's title names, and the warning for a mismatch
    assign      choosing one slot per field, never a slot another field matches better
    lists       benefits and variables as one line each, for a single list field
    marks       slots in content controls, form fields and checkboxes
    slots       the Slot type; slots next to text labels (cells, paragraphs, "Label: ____")
    tables      the benefits and variables tables
    appendix    the appendix for values without a place
    layout      parts, reading order, section headings, place names for the report
    nearby      the label text beside or above a mark
    write       writing text into paragraphs, cells, controls and form fields
    checkboxes  ticking boxes of every kind
    grid        tables as grids of cells (merged cells included)
    tokens      a paragraph as text and marks
    runs        reading and writing run text
    ooxml       tag names and tree helpers
    report      FillReport, Placement and the KIND_* constants
"""

from __future__ import annotations

from beställning.document.fk_form.checkboxes import CHECKED_GLYPH, UNCHECKED_GLYPH
from beställning.document.fk_form.fill import PreparedFill, fill_fk_form, prepare_fill
from beställning.document.fk_form.open import TemplateError
from beställning.document.fk_form.report import (
    APPENDIX_TITLE,
    KIND_APPENDIX,
    KIND_CELL,
    KIND_CONTROL,
    KIND_FORMFIELD,
    KIND_PARAGRAPH,
    FillReport,
    Placement,
)
from beställning.document.fk_form.tables import BENEFIT_COLUMNS, VARIABLE_COLUMNS

__all__ = [
    "APPENDIX_TITLE",
    "BENEFIT_COLUMNS",
    "CHECKED_GLYPH",
    "KIND_APPENDIX",
    "KIND_CELL",
    "KIND_CONTROL",
    "KIND_FORMFIELD",
    "KIND_PARAGRAPH",
    "UNCHECKED_GLYPH",
    "VARIABLE_COLUMNS",
    "FillReport",
    "Placement",
    "PreparedFill",
    "TemplateError",
    "fill_fk_form",
    "prepare_fill",
]
