"""Filling FK's own Word form: kept so existing imports work; the code lives in `fk_form`.

New code should import from `beställning.document.fk_form`.
"""

from __future__ import annotations

from beställning.document.fk_form import (
    APPENDIX_TITLE,
    BENEFIT_COLUMNS,
    CHECKED_GLYPH,
    KIND_APPENDIX,
    KIND_CELL,
    KIND_CONTROL,
    KIND_FORMFIELD,
    KIND_PARAGRAPH,
    UNCHECKED_GLYPH,
    VARIABLE_COLUMNS,
    FillReport,
    Placement,
    TemplateError,
    fill_fk_form,
)
from beställning.document.fk_form.fill import Filler as _Filler  # the old private name, patched by tests

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
    "TemplateError",
    "_Filler",
    "fill_fk_form",
]
