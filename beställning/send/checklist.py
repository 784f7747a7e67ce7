"""The attachments checklist (bilagor): what FK needs for this order's route, numbered and named.

FK's numbered list for research with sensitive personal data (domain brief §1): the completed form,
the ethics application (etikansökan) with its attachments, Etikprövningsmyndigheten's decision, any
supplements (kompletteringar) with their decisions, and a data processor agreement
(personuppgiftsbiträdesavtal) when data go to someone other than the research principal. We add the
variable selection (Variabelval.xlsx) when variables are picked, then whatever the user adds. Files get
one consistent numbering so FK can refer to "bilaga 3".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from beställning.attachments import Requirement, requirements
from beställning.form import FormDefinition, load_form
from beställning.order import Attachment, Order
from beställning.text import one_line

# FK's numbered order, then ours.
KIND_ORDER = (
    "blankett",
    "etikansokan",
    "etikbeslut",
    "kompletteringar",
    "pub_avtal",
    "variabelval",
    "ovrigt",
)
GENERATED_SUFFIX = {"blankett": ".docx", "variabelval": ".xlsx"}
# Short names used in file names ("02 Etikansökan.pdf"); the form's titles are for lists.
SHORT_NAMES = {
    "etikansokan": "Etikansökan",
    "etikbeslut": "Etikbeslut",
    "kompletteringar": "Komplettering",
    "pub_avtal": "Personuppgiftsbiträdesavtal",
    "variabelval": "Variabelval",
}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_NAME_PART = 80


@dataclass(frozen=True)
class ChecklistItem:
    """One file in the package: its number, kind, the name it gets, and where it comes from."""

    number: int
    kind: str
    title: str
    name: str
    source: Path | None  # None: made by the app (form, variable selection)

    @property
    def generated(self) -> bool:
        return self.source is None


@dataclass
class Checklist:
    """Requirements for the route, the numbered files, and what is missing or unreadable."""

    requirements: list[Requirement]
    items: list[ChecklistItem]
    missing: list[Requirement] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.problems

    def messages(self) -> list[str]:
        """Swedish sentences saying what is missing and what to do."""
        texts = [f"Bilaga saknas: {req.title}. {req.reason} Lägg till filen i checklistan." for req in self.missing]
        return texts + self.problems

    def items_of(self, kind: str) -> list[ChecklistItem]:
        return [item for item in self.items if item.kind == kind]


def safe_name_part(text: str) -> str:
    """Text fit for a file name on Windows, macOS and Linux: no reserved characters, not too long."""
    cleaned = _UNSAFE.sub(" ", one_line(text))
    cleaned = " ".join(cleaned.split()).strip(" .")
    if len(cleaned) > MAX_NAME_PART:
        cleaned = cleaned[:MAX_NAME_PART].rstrip(" .") + "…"
    return cleaned


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _name(number: int, base: str, suffix: str) -> str:
    return f"{number:02d} {base}{suffix.lower()}"


def _generated_base(kind: str, title: str) -> str:
    return f"Beställning – {title}" if kind == "blankett" else SHORT_NAMES[kind]


def _user_base(attachment: Attachment, several: bool) -> str:
    source = Path(attachment.path)  # only its name is used
    own = safe_name_part(attachment.title) or safe_name_part(source.stem) or "Bilaga"
    short = SHORT_NAMES.get(attachment.kind)
    if short is None:
        return own
    return f"{short} – {own}" if several else short


def _file_problem(source: Path, title: str) -> str | None:
    """Why the attachment's file cannot be sent as it is, in Swedish, or None."""
    if source.is_file():
        try:
            with open(source, "rb"):
                return None
        except OSError as exc:
            return f"Filen {source} ({title}) kan inte läsas ({exc.strerror or exc}). Kontrollera behörigheten."
    if source.is_dir():
        return f"{source} ({title}) är en mapp. Packa den som .zip eller bifoga filerna en och en."
    if source.exists() or source.is_symlink():
        return (
            f"{source} ({title}) är ingen vanlig fil (t.ex. en länk utan mål eller en specialfil). "
            "Bifoga själva filen."
        )
    return f"Filen {source} ({title}) finns inte längre. Lägg till den på nytt eller ta bort raden."


def build_checklist(order: Order, form: FormDefinition | None = None) -> Checklist:
    """Number and name every file: the form first, FK's list in order, the variable selection, extras."""
    form = form or load_form()
    reqs = requirements(order, form)
    known = {kind.id for kind in form.attachment_kinds}
    user = sorted(order.attachments, key=lambda a: _kind_rank(a.kind))  # stable within a kind
    own_kinds = {a.kind for a in user}
    # A generated item is made by the app unless the user supplies that file (e.g. FK's own form, filled).
    generated = {req.kind for req in reqs if req.generated and req.kind not in own_kinds}
    entries: list[tuple[str, Attachment | None]] = [("blankett", None)] if "blankett" in generated else []
    entries += [(a.kind, a) for a in user if _kind_rank(a.kind) < _kind_rank("variabelval")]
    entries += [("variabelval", None)] if "variabelval" in generated else []
    entries += [(a.kind, a) for a in user if _kind_rank(a.kind) >= _kind_rank("variabelval")]

    items: list[ChecklistItem] = []
    problems: list[str] = []
    title = safe_name_part(order.title())
    for number, (kind, attachment) in enumerate(entries, start=1):
        spec_title = form.attachment_kind(kind).title if kind in known else "Övrig bilaga"
        if attachment is None:
            base = _generated_base(kind, title)
            items.append(ChecklistItem(number, kind, spec_title, _name(number, base, GENERATED_SUFFIX[kind]), None))
            continue
        source = order.attachment_path(attachment)
        several = sum(1 for a in user if a.kind == kind) > 1
        base = _generated_base(kind, title) if kind == "blankett" else _user_base(attachment, several)
        name = _name(number, base, source.suffix)
        items.append(ChecklistItem(number, kind, attachment.title or spec_title, name, source))
        problem = _file_problem(source, spec_title)
        if problem:
            problems.append(problem)
    present = {item.kind for item in items}
    missing = [req for req in reqs if req.kind not in present]
    return Checklist(reqs, items, missing, problems)
