"""The order (beställning): a domain object and its versioned JSON file.

The file is meant to be read by people too: field ids are Swedish words from the form definition,
values are plain strings and booleans, dates are ISO (YYYY-MM-DD), periods are months (YYYY-MM).
See docs/order-format.md for the format and examples/ for complete orders.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from beställning.atomic import write_text_atomic
from beställning.form import ROUTES, FormDefinition, FormField, Route, load_form
from beställning.text import clean_text

SCHEMA_VERSION = 1
FILE_KIND = "bestallningsassistenten/order"

FieldValue = str | bool
# An order id names files and folders (drafts, the register), so it may hold nothing that leaves a folder.
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def is_safe_order_id(order_id: object) -> bool:
    """Letters, digits, '-' and '_' only (at most 64): safe as a file or folder name."""
    return isinstance(order_id, str) and _SAFE_ID.fullmatch(order_id) is not None


class OrderFileError(Exception):
    """An order file cannot be read; the message says why and what to do, in Swedish."""


@dataclass
class BenefitRequest:
    """Data wanted for one benefit (förmån): which benefit, which months, and free-text wishes."""

    benefit: str
    name: str
    period_from: str = ""
    period_to: str = ""
    wishes: str = ""


@dataclass
class VariablePick:
    """A variable, a whole table or a free-text wish picked into the order, with its justification."""

    benefit: str
    variable: str
    table: str = ""
    description: str = ""
    justification: str = ""
    source: str = ""
    kind: str = "variable"  # "variable", "table" or "wish"
    variable_id: str = ""


@dataclass
class Attachment:
    """A document sent with the order; `kind` is one of the form's attachment kinds."""

    kind: str
    path: str
    title: str = ""


@dataclass
class SentRecord:
    """What was sent to FK and when: kept with the order so a second send can be questioned."""

    message_id: str
    date: str
    recipients: list[str] = field(default_factory=list)
    attachments: list[dict[str, str]] = field(default_factory=list)  # name, sha256, size
    method: str = "smtp"  # "smtp", "eml" or "folder"
    # The user's "inte ett personnummer" decisions that let this message through, each with the
    # SHA-256 of the file it concerns (see send/scan/clearance.py).
    clearances: list[dict[str, str]] = field(default_factory=list)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Order:
    """An order of individual data (individdata) from FK, for one route (forskning or statistik)."""

    route: Route = "forskning"
    fields: dict[str, FieldValue] = field(default_factory=dict)
    benefits: list[BenefitRequest] = field(default_factory=list)
    variables: list[VariablePick] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    sent: list[SentRecord] = field(default_factory=list)
    # Findings of the personnummer guard the user cleared as "inte ett personnummer", with a reason;
    # each holds only while its file is unchanged (plain dicts, see send/scan/clearance.py).
    pnr_clearances: list[dict[str, str]] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=_now)
    modified: str = field(default_factory=_now)
    # The folder relative attachment paths are read against: the order file's folder once loaded or
    # saved (not stored in the file, so a shared order keeps working when its folder is moved).
    base_dir: Path | None = field(default=None, compare=False, repr=False)

    def get(self, field_id: str) -> FieldValue:
        """The value of a form field; '' (or False for a checkbox) when not filled in."""
        value = self.fields.get(field_id)
        if value is None:
            form = load_form()
            return False if form.has_field(field_id) and form.field(field_id).kind == "bool" else ""
        return value

    def text(self, field_id: str) -> str:
        value = self.get(field_id)
        return value if isinstance(value, str) else ""

    def flag(self, field_id: str) -> bool:
        return self.get(field_id) is True

    def set(self, field_id: str, value: FieldValue) -> None:
        """Set a field, cleaning pasted control characters from text."""
        self.fields[field_id] = clean_text(value) if isinstance(value, str) else bool(value)
        self.touch()

    def touch(self) -> None:
        self.modified = _now()

    def is_visible(self, form_field: FormField) -> bool:
        """Whether the field applies to this order: its route, and its condition on another field."""
        if not form_field.shown_for(self.route):
            return False
        cond = form_field.visible_if
        return cond is None or self.get(cond.field) == cond.equals

    def title(self) -> str:
        return self.text("projekt.titel").strip() or "Namnlös beställning"

    def attachment_path(self, attachment: Attachment) -> Path:
        """Where an attachment's file is: an absolute path as written, a relative one in the order's folder.

        A path written on Windows (`bilagor\\etik.pdf`) is read with its backslashes as separators here.
        """
        text = attachment.path
        if "\\" in text and os.sep == "/":
            text = text.replace("\\", "/")
        path = Path(text).expanduser()
        if path.is_absolute() or self.base_dir is None:
            return path
        return self.base_dir / path

    def _stored_path(self, attachment: Attachment, folder: Path) -> str:
        """The path to write in a file saved in `folder`: relative where the attachment lies beneath it.

        A relative path written by the user stays as written when the file is saved in the same folder
        (`../delade/beslut.pdf` keeps working for everyone who has the same folders).
        """
        if not attachment.path:
            return ""
        written = Path(attachment.path)
        same_folder = self.base_dir is not None and os.path.abspath(self.base_dir) == os.path.abspath(folder)
        if same_folder and not written.is_absolute() and not attachment.path.startswith("~"):
            return attachment.path
        path = self.attachment_path(attachment)
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(Path(os.path.abspath(folder))).as_posix()
        except ValueError:
            return str(absolute)

    def to_json(self, folder: Path | None = None) -> str:
        """The order file's text; with `folder`, attachment paths are written for a file saved there."""
        attachments = [asdict(a) for a in self.attachments]
        if folder is not None:
            for stored, attachment in zip(attachments, self.attachments, strict=True):
                stored["path"] = self._stored_path(attachment, folder)
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "kind": FILE_KIND,
            "id": self.id,
            "route": self.route,
            "created": self.created,
            "modified": self.modified,
            "fields": dict(sorted(self.fields.items())),
            "benefits": [asdict(b) for b in self.benefits],
            "variables": [asdict(v) for v in self.variables],
            "attachments": attachments,
            "sent": [asdict(s) for s in self.sent],
        }
        if self.pnr_clearances:  # written only when there are any: older files stay as they were
            data["pnr_clearances"] = [dict(c) for c in self.pnr_clearances]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: Path) -> None:
        """Write the order file atomically (a crash leaves the old file intact).

        Attachment paths are written relative to the file's folder where they lie beneath it, and
        absolute otherwise, so the file works wherever it is read from.
        """
        write_text_atomic(path, self.to_json(Path(path).parent))


# Migrations from older schema versions: version -> function returning the data one version up.
# Version 1 is the first published format, so there is nothing to migrate yet.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _migrate(data: dict[str, Any], source: str) -> dict[str, Any]:
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise OrderFileError(f"{source}: filen saknar schema_version och är inte en beställningsfil.")
    if version > SCHEMA_VERSION:
        raise OrderFileError(
            f"{source}: filen har format {version} men programmet läser högst format {SCHEMA_VERSION}. "
            "Uppdatera Beställningsassistenten för att öppna den."
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise OrderFileError(
                f"{source}: format {version} kan inte längre läsas (programmet läser format "
                f"{SCHEMA_VERSION}). Öppna filen i en äldre version och spara om den."
            )
        data = step(data)
        version = data["schema_version"]
    return data


_LIST_ITEMS = {"recipients", "attachments", "clearances"}  # the only list-valued parts of list items (SentRecord)


def _items(data: dict[str, Any], key: str, cls: type[Any], source: str) -> list[Any]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise OrderFileError(f"{source}: '{key}' ska vara en lista.")
    names = set(cls.__dataclass_fields__)
    items = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise OrderFileError(f"{source}: post {index} i '{key}' ska vara ett objekt.")
        unknown = set(item) - names
        if unknown:
            raise OrderFileError(f"{source}: okänd uppgift {sorted(unknown)} i post {index} i '{key}'.")
        for name, value in item.items():
            expected = list if name in _LIST_ITEMS else str
            if not isinstance(value, expected):
                what = "en lista" if expected is list else "text"
                raise OrderFileError(f"{source}: '{name}' i post {index} i '{key}' ska vara {what}.")
        try:
            cleaned = {k: clean_text(v) if isinstance(v, str) else v for k, v in item.items()}
            items.append(cls(**cleaned))
        except TypeError as exc:
            raise OrderFileError(f"{source}: post {index} i '{key}' saknar uppgifter ({exc}).") from exc
    return items


def _string_dicts(data: dict[str, Any], key: str, source: str) -> list[dict[str, str]]:
    """A list of objects whose values are all text (e.g. the cleared findings)."""
    raw = data.get(key, [])
    if not isinstance(raw, list) or not all(
        isinstance(item, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in item.items())
        for item in raw
    ):
        raise OrderFileError(f"{source}: '{key}' ska vara en lista med objekt som innehåller text.")
    return [dict(item) for item in raw]


def order_from_dict(data: Any, source: str = "beställningen") -> Order:
    """Build an Order from parsed JSON, migrating older versions; raises OrderFileError."""
    if not isinstance(data, dict):
        raise OrderFileError(f"{source}: filen innehåller inte en beställning (ett JSON-objekt).")
    data = _migrate(data, source)
    route = data.get("route")
    if route not in ROUTES:
        raise OrderFileError(f"{source}: 'route' ska vara 'forskning' eller 'statistik', inte {route!r}.")
    raw_fields = data.get("fields", {})
    if not isinstance(raw_fields, dict):
        raise OrderFileError(f"{source}: 'fields' ska vara ett objekt med fältens värden.")
    form = load_form()
    fields: dict[str, FieldValue] = {}
    for key, value in raw_fields.items():
        if not isinstance(value, str | bool):
            raise OrderFileError(f"{source}: fältet '{key}' ska vara text eller true/false.")
        if form.has_field(key) and (form.field(key).kind == "bool") != isinstance(value, bool):
            expected = "true/false" if form.field(key).kind == "bool" else "text"
            raise OrderFileError(f"{source}: fältet '{key}' ska vara {expected}.")
        fields[key] = clean_text(value) if isinstance(value, str) else value
    order = Order(
        route=route,
        fields=fields,
        benefits=_items(data, "benefits", BenefitRequest, source),
        variables=_items(data, "variables", VariablePick, source),
        attachments=_items(data, "attachments", Attachment, source),
        sent=_items(data, "sent", SentRecord, source),
        pnr_clearances=_string_dicts(data, "pnr_clearances", source),
    )
    if is_safe_order_id(data.get("id")):
        order.id = data["id"]  # otherwise a fresh id: a foreign id must never name a file
    for key in ("created", "modified"):
        if isinstance(data.get(key), str) and data[key]:
            setattr(order, key, data[key])
    return order


def load_order(path: Path) -> Order:
    """Read an order file; any problem raises OrderFileError with a message for the user."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise OrderFileError(f"{path}: filen finns inte.") from exc
    except OSError as exc:
        raise OrderFileError(f"{path}: filen kan inte läsas ({exc.strerror}).") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise OrderFileError(
            f"{path}: filen är inte en textfil i UTF-8 och kan inte vara en beställning."
        ) from exc
    except json.JSONDecodeError as exc:
        raise OrderFileError(
            f"{path}: filen är skadad (ogiltig JSON på rad {exc.lineno}, kolumn {exc.colno}). "
            "Den lämnas orörd; öppna ett autosparat utkast eller en säkerhetskopia."
        ) from exc
    except RecursionError as exc:
        raise OrderFileError(
            f"{path}: filen är inte en beställning (JSON-strukturen är nästlad för djupt). Den lämnas orörd."
        ) from exc
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise OrderFileError(f"{path}: filen är inte en beställning ({exc}). Den lämnas orörd.") from exc
    order = order_from_dict(data, str(path))
    order.base_dir = Path(os.path.abspath(path)).parent
    return order


def field_display(order: Order, form_field: FormField) -> str:
    """A field's value as a person reads it on the form: 'Ja'/'Nej' for checkboxes, text otherwise."""
    value = order.get(form_field.id)
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    return value


def filled_fields(order: Order, form: FormDefinition | None = None) -> list[tuple[FormField, str]]:
    """Every visible field with a value, in form order: what a filled form must show."""
    form = form or load_form()
    result = []
    for section in form.sections_for(order.route):
        for form_field in section.fields_for(order.route):
            if not order.is_visible(form_field):
                continue
            value = order.get(form_field.id)
            if value == "" or (form_field.kind == "bool" and form_field.id not in order.fields):
                continue
            result.append((form_field, field_display(order, form_field)))
    return result
