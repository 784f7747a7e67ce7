"""The order form definition (formulär), read from `resources/form/form.json`.

One definition drives the wizard pages, validation, the rendered .docx and the filling of FK's own
Word form, so a field added there appears everywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

Route = Literal["forskning", "statistik"]
ROUTES: tuple[Route, ...] = ("forskning", "statistik")

FieldKind = Literal["text", "multiline", "email", "orgnr", "phone", "date", "bool", "choice"]


@dataclass(frozen=True)
class Condition:
    """Show a field only when another field has a given value."""

    field: str
    equals: Any


@dataclass(frozen=True)
class FormField:
    """One field of the form: what it holds, its label and help (Swedish, and English for the English
    UI), where it is required."""

    id: str
    kind: FieldKind
    label: str
    label_en: str
    help: str
    section_id: str
    required_for: tuple[Route, ...] = ()
    routes: tuple[Route, ...] = ROUTES
    options: tuple[str, ...] = ()
    visible_if: Condition | None = None
    synonyms: tuple[str, ...] = ()
    help_en: str = ""  # '' in an older form.json: the English UI then shows the Swedish help

    def shown_for(self, route: Route) -> bool:
        return route in self.routes


@dataclass(frozen=True)
class Section:
    """A section of the form; `kind` marks the two that hold lists (benefits, attachments)."""

    id: str
    title: str
    title_en: str
    help: str
    kind: Literal["fields", "benefits", "attachments"]
    routes: tuple[Route, ...]
    fields: tuple[FormField, ...]
    help_en: str = ""

    def shown_for(self, route: Route) -> bool:
        return route in self.routes

    def fields_for(self, route: Route) -> tuple[FormField, ...]:
        return tuple(f for f in self.fields if f.shown_for(route))


@dataclass(frozen=True)
class RouteInfo:
    id: Route
    title: str
    short: str
    title_en: str
    help: str
    help_en: str = ""


@dataclass(frozen=True)
class AttachmentKind:
    id: str
    title: str
    title_en: str
    generated: bool = False
    routes: tuple[Route, ...] = ROUTES  # the ethics documents belong to research orders only


@dataclass(frozen=True)
class FormDefinition:
    """The whole form: routes, sections in order, attachment kinds, and where it comes from."""

    version: int
    source: str
    recipient: str
    routes: tuple[RouteInfo, ...]
    sections: tuple[Section, ...]
    attachment_kinds: tuple[AttachmentKind, ...]
    _by_id: dict[str, FormField] = field(default_factory=dict, compare=False, repr=False)

    def field(self, field_id: str) -> FormField:
        return self._by_id[field_id]

    def has_field(self, field_id: str) -> bool:
        return field_id in self._by_id

    def all_fields(self) -> tuple[FormField, ...]:
        return tuple(self._by_id.values())

    def route(self, route: Route) -> RouteInfo:
        return next(r for r in self.routes if r.id == route)

    def sections_for(self, route: Route) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.shown_for(route))

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def attachment_kind(self, kind_id: str) -> AttachmentKind:
        return next(k for k in self.attachment_kinds if k.id == kind_id)

    def attachment_kinds_for(self, route: Route) -> tuple[AttachmentKind, ...]:
        """The kinds a user may attach on this route (statistics orders have no ethics review)."""
        return tuple(k for k in self.attachment_kinds if route in k.routes)


def _routes(raw: Any, default: tuple[Route, ...] = ROUTES) -> tuple[Route, ...]:
    if raw is None:
        return default
    return tuple(r for r in ROUTES if r in raw)


def parse_form(data: dict[str, Any]) -> FormDefinition:
    """Build a FormDefinition from the JSON structure of form.json."""
    sections = []
    by_id: dict[str, FormField] = {}
    for raw_section in data["sections"]:
        section_routes = _routes(raw_section.get("routes"))
        fields = []
        for raw in raw_section["fields"]:
            cond = raw.get("visible_if")
            form_field = FormField(
                id=raw["id"],
                kind=raw["kind"],
                label=raw["label"],
                label_en=raw["label_en"],
                help=raw.get("help", ""),
                section_id=raw_section["id"],
                required_for=_routes(raw.get("required"), ()),
                routes=tuple(r for r in _routes(raw.get("routes")) if r in section_routes),
                options=tuple(raw.get("options", ())),
                visible_if=Condition(cond["field"], cond["equals"]) if cond else None,
                synonyms=tuple(raw.get("synonyms", ())),
                help_en=raw.get("help_en", ""),
            )
            fields.append(form_field)
            by_id[form_field.id] = form_field
        sections.append(
            Section(
                id=raw_section["id"],
                title=raw_section["title"],
                title_en=raw_section["title_en"],
                help=raw_section.get("help", ""),
                kind=raw_section.get("kind", "fields"),
                routes=section_routes,
                fields=tuple(fields),
                help_en=raw_section.get("help_en", ""),
            )
        )
    return FormDefinition(
        version=data["form_version"],
        source=data["source"],
        recipient=data["recipient"],
        routes=tuple(RouteInfo(**r) for r in data["routes"]),
        sections=tuple(sections),
        attachment_kinds=tuple(
            AttachmentKind(**{**k, "routes": _routes(k.get("routes"))}) for k in data["attachment_kinds"]
        ),
        _by_id=by_id,
    )


@cache
def load_form() -> FormDefinition:
    """The bundled form definition (read once)."""
    from resources import resource

    text = resource("form", "form.json").read_text(encoding="utf-8")
    return parse_form(json.loads(text))
