"""What went where: the report of one fill, kept apart so the UI can show it without the XML code.

Every value of the order (beställning) gets one Placement, in the order's order; the kind says how
the form held it, and the appendix kind says it found no place in FK's form and why. Places left
empty because two fields matched them equally (never guessed) are listed as notes, and a form for
the other route (ändamål) carries a warning to show before the document is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from beställning.form import Route

KIND_CELL = "tabellcell"
KIND_CONTROL = "innehållskontroll"
KIND_FORMFIELD = "formulärfält"
KIND_PARAGRAPH = "stycke"
KIND_APPENDIX = "bilaga"
APPENDIX_TITLE = "Uppgifter som inte fick plats i blanketten"

Leftover = tuple[str, str, str]  # field id, label, value: one line of the appendix


@dataclass(frozen=True)
class Placement:
    """Where one value of the order went in the filled form."""

    field_id: str
    label: str
    value: str
    kind: str  # KIND_CELL, KIND_CONTROL, KIND_FORMFIELD, KIND_PARAGRAPH or KIND_APPENDIX
    location: str
    reason: str = ""  # for the appendix: why the value found no place in the form


@dataclass
class FillReport:
    """What went where when FK's form was filled: one row per value, in the order's order."""

    template: Path
    output: Path  # Path() until the filled form is saved
    placements: list[Placement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # places left empty, and why
    form_route: Route | None = None  # the route the form's title names
    route_warning: str = ""  # '' when the form fits the order's route

    def in_appendix(self) -> list[Placement]:
        return [p for p in self.placements if p.kind == KIND_APPENDIX]

    def in_form(self) -> list[Placement]:
        return [p for p in self.placements if p.kind != KIND_APPENDIX]

    def summary(self) -> str:
        """One Swedish sentence for a status bar or the command line."""
        total, extra = len(self.placements), len(self.in_appendix())
        if not extra:
            return f"Alla {total} uppgifter fick plats i blanketten."
        return (
            f"{total - extra} av {total} uppgifter fick plats i blanketten; {extra} står i bilagan "
            f"'{APPENDIX_TITLE}' sist i dokumentet."
        )
