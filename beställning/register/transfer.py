"""Moving one order between machines: a zip with the order, its documents and its history.

Hand an order over to a colleague or a data manager with one file. The zip holds
`manifest.json` (what this file is), `order.json` (the order file), `history.json` (register note,
events with their documents, the quote, the history log) and `documents/`.

Importing checks everything before changing anything: a broken, foreign or duplicate file, a path
that would leave the order's folder (zip-slip), a link, or a member that inflates beyond the limits
(zip bomb) is refused with a Swedish message and the register stays as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from beställning import __version__
from beställning.atomic import atomic_path
from beställning.order import Order, OrderFileError, order_from_dict
from beställning.process import STEP_BY_ID
from beställning.register.store import Register, RegisterError, check_order_id, orderer_of, safe_file_name
from beställning.zipguard import ZipLimits, ZipTooLarge, read_member, size_problem

EXPORT_KIND = "bestallningsassistenten/order-export"
EXPORT_FORMAT = 1
MAX_MEMBERS = 1000
MAX_JSON_BYTES = 10 * 1024 * 1024
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, checked for members above 1 MB
ZIP_LIMITS = ZipLimits(MAX_TOTAL_BYTES, MAX_MEMBER_BYTES, MAX_RATIO, ratio_floor_bytes=1024 * 1024)


class TransferError(RegisterError):
    """An order file cannot be exported or imported; nothing was changed."""


def export_order(register: Register, order_id: str, target: Path) -> Path:
    """Write one order, its documents and its history to the zip `target` (atomically)."""
    entry = register.get(order_id)
    quote = register.quote(order_id)
    documents: list[tuple[str, Path]] = []
    events = []
    for event in entry.events:
        docs = []
        for document in event.documents:
            source = register.document_path(document, order_id)
            if not source.is_file():
                raise TransferError(f"Dokumentet {document.file_name} saknas i beställningens mapp; exporten avbröts.")
            documents.append((document.file_name, source))
            docs.append(
                {
                    "file": document.file_name,
                    "title": document.title,
                    "sha256": document.sha256,
                    "size": document.size,
                    "added": document.added,
                }
            )
        events.append(
            {
                "step": event.step,
                "date": event.date.isoformat(),
                "note": event.note,
                "recorded": event.recorded,
                "documents": docs,
            }
        )
    history = {
        "register": {"note": entry.note, "archived": entry.archived, "added": entry.added},
        "events": events,
        "quote": None
        if quote is None
        else {
            "quoted_hours": quote.quoted_hours,
            "estimated_hours": quote.estimated_hours,
            "factor": quote.factor,
            "quote_date": quote.quote_date.isoformat(),
            "recorded": quote.recorded,
        },
        "history": [{"at": h.at, "action": h.action, "detail": h.detail} for h in register.history(order_id)],
    }
    manifest = {
        "kind": EXPORT_KIND,
        "format": EXPORT_FORMAT,
        "order_id": order_id,
        "title": entry.order.title(),
        "exported": datetime.now().astimezone().isoformat(timespec="seconds"),
        "app_version": __version__,
    }
    with atomic_path(Path(target)) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", _dump(manifest))
        archive.writestr("order.json", entry.order.to_json())
        archive.writestr("history.json", _dump(history))
        for name, source in documents:
            archive.write(source, f"documents/{name}")
    register.log(order_id, "exported", Path(target).name)
    return Path(target)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- import ---------------------------------------------------------------------------------


@dataclass
class _Incoming:
    """A checked export, held in memory until it is written."""

    order: Order
    register: dict[str, Any]
    events: list[dict[str, Any]]
    quote: dict[str, Any] | None
    history: list[dict[str, str]]
    documents: dict[str, bytes] = field(default_factory=dict)


def _fail(source: Path, why: str) -> TransferError:
    return TransferError(f"{source.name} kan inte importeras: {why} Inget har ändrats.")


def _member_name(info: zipfile.ZipInfo, source: Path) -> str:
    name = info.filename
    path = PurePosixPath(name)
    mode = (info.external_attr >> 16) & 0xFFFF
    if stat.S_ISLNK(mode):
        raise _fail(source, f"filen innehåller en länk ({name}).")
    if "\\" in name or name.startswith("/") or ".." in path.parts or ":" in name or "\x00" in name:
        raise _fail(source, f"filen innehåller en sökväg som pekar utanför beställningens mapp ({name}).")
    return name


def _too_large(source: Path, problem: str) -> TransferError:
    return _fail(source, f"{problem} Be avsändaren exportera beställningen på nytt.")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, source: Path) -> bytes:
    """Read a member, never more than `limit` bytes whatever its header claims."""
    try:
        return read_member(archive, info, limit)
    except ZipTooLarge as exc:
        raise _too_large(source, str(exc)) from exc
    except Exception as exc:  # BadZipFile, OSError, zlib.error and friends from a damaged stream
        raise _fail(source, f"{info.filename} är skadad ({exc}).") from exc


def _read_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: Path) -> Any:
    """One of the export's JSON members, read within MAX_JSON_BYTES and parsed."""
    data = _read(archive, info, MAX_JSON_BYTES, source)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(source, f"{info.filename} är skadad ({exc}).") from exc


def read_export(source: Path) -> _Incoming:
    """Open and check an export without touching the register; raises TransferError."""
    source = Path(source)
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError as exc:
        raise _fail(source, "filen finns inte.") from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _fail(source, "det är ingen zip-fil, eller så är den skadad.") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _fail(source, f"den innehåller {len(infos)} filer, fler än en beställning kan ha.")
        problem = size_problem(infos, ZIP_LIMITS)
        if problem:
            raise _too_large(source, problem)
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = _member_name(info, source)
            if info.is_dir():
                continue
            if name in members:
                raise _fail(source, f"{name} finns två gånger.")
            members[name] = info
        if "manifest.json" not in members:
            raise _fail(source, "den är ingen export från Beställningsassistenten (manifest.json saknas).")
        manifest = _read_json(archive, members["manifest.json"], source)
        if not isinstance(manifest, dict) or manifest.get("kind") != EXPORT_KIND:
            raise _fail(source, "den är ingen export av en beställning från Beställningsassistenten.")
        version = manifest.get("format")
        if not isinstance(version, int) or version > EXPORT_FORMAT:
            raise _fail(source, f"den har exportformat {version!r}; uppdatera programmet för att läsa den.")
        for required in ("order.json", "history.json"):
            if required not in members:
                raise _fail(source, f"{required} saknas i filen.")
        unexpected = [
            n
            for n in members
            if n not in ("manifest.json", "order.json", "history.json")
            and not (n.startswith("documents/") and n.count("/") == 1 and safe_file_name(n[10:]) == n[10:])
        ]
        if unexpected:
            raise _fail(source, f"den innehåller filer som inte hör till en beställning ({unexpected[0]}).")
        order_data = _read_json(archive, members["order.json"], source)
        try:
            # The id ties the order to its history and register row: refuse, rather than renew, a bad one.
            check_order_id(order_data.get("id") if isinstance(order_data, dict) else None)
            order = order_from_dict(order_data, "order.json")
        except RegisterError as exc:
            raise _fail(source, str(exc)) from exc
        except OrderFileError as exc:
            raise _fail(source, str(exc)) from exc
        history = _read_json(archive, members["history.json"], source)
        incoming = _check_history(history, order, source)
        wanted = {doc["file"]: doc for event in incoming.events for doc in event["documents"]}
        for name, doc in wanted.items():
            member = members.get(f"documents/{name}")
            if member is None:
                raise _fail(source, f"dokumentet {name} saknas i filen.")
            data = _read(archive, member, MAX_MEMBER_BYTES, source)
            if hashlib.sha256(data).hexdigest() != doc["sha256"]:
                raise _fail(source, f"dokumentet {name} stämmer inte med sin kontrollsumma.")
            incoming.documents[name] = data
    return incoming


def _check_history(history: Any, order: Order, source: Path) -> _Incoming:
    def bad(why: str) -> TransferError:
        return _fail(source, f"history.json: {why}")

    if not isinstance(history, dict):
        raise bad("ska vara ett objekt.")
    reg = history.get("register", {})
    events = history.get("events", [])
    quote = history.get("quote")
    log = history.get("history", [])
    if not isinstance(reg, dict) or not isinstance(events, list) or not isinstance(log, list):
        raise bad("fel form.")
    for event in events:
        if not isinstance(event, dict) or event.get("step") not in STEP_BY_ID:
            raise bad(f"okänd händelse {event!r}.")
        try:
            date.fromisoformat(str(event.get("date")))
        except ValueError as exc:
            raise bad(f"ogiltigt datum {event.get('date')!r}.") from exc
        docs = event.setdefault("documents", [])
        if not isinstance(docs, list):
            raise bad("dokumentlistan ska vara en lista.")
        for doc in docs:
            if (
                not isinstance(doc, dict)
                or not isinstance(doc.get("file"), str)
                or not isinstance(doc.get("sha256"), str)
            ):
                raise bad("ett dokument saknar namn eller kontrollsumma.")
            if safe_file_name(doc["file"]) != doc["file"]:
                raise bad(f"ogiltigt dokumentnamn {doc['file']!r}.")
    if quote is not None:
        if not isinstance(quote, dict) or not isinstance(quote.get("quoted_hours"), int | float):
            raise bad("offerten saknar timmar.")
        try:
            date.fromisoformat(str(quote.get("quote_date")))
        except ValueError as exc:
            raise bad("offerten har ogiltigt datum.") from exc
    clean_log = [
        {"at": str(h.get("at", "")), "action": str(h.get("action", "")), "detail": str(h.get("detail", ""))}
        for h in log
        if isinstance(h, dict)
    ]
    return _Incoming(order, reg, events, quote, clean_log)


def import_order(register: Register, source: Path) -> Order:
    """Add an exported order to the register with its documents and history; returns the order.

    Raises TransferError (and changes nothing) for a broken, foreign or duplicate file.
    """
    source = Path(source)
    incoming = read_export(source)
    order = incoming.order
    if register.contains(order.id):
        where = (
            "ligger i papperskorgen; återställ den i stället"
            if not register.contains(order.id, include_deleted=False)
            else "finns redan i registret"
        )
        raise _fail(source, f"beställningen ”{order.title()}” {where}.")
    root = register.orders_root
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".import-{uuid.uuid4().hex}"
    target = register.order_dir(order.id)
    try:
        (staging / "documents").mkdir(parents=True)
        order.save(staging / "order.json")
        for name, data in incoming.documents.items():
            (staging / "documents" / name).write_bytes(data)
        if target.exists():  # left behind by an interrupted save: the register does not know it
            target.rename(root / f".orphan-{order.id}-{uuid.uuid4().hex[:8]}")
        os.replace(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _fail(source, f"filerna kunde inte skrivas ({exc.strerror}).") from exc
    try:
        _insert(register, incoming, source)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return order


def _insert(register: Register, incoming: _Incoming, source: Path) -> None:
    order = incoming.order
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    reg = incoming.register
    with register.transaction() as conn:
        conn.execute(
            "INSERT INTO orders (id, route, title, orderer, created, modified, added, note, archived) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                order.id,
                order.route,
                order.title(),
                orderer_of(order),
                order.created,
                order.modified,
                str(reg.get("added") or now),
                str(reg.get("note") or ""),
                int(bool(reg.get("archived"))),
            ),
        )
        for event in incoming.events:
            cursor = conn.execute(
                "INSERT INTO events (order_id, step, date, note, recorded) VALUES (?, ?, ?, ?, ?)",
                (
                    order.id,
                    event["step"],
                    event["date"],
                    str(event.get("note", "")),
                    str(event.get("recorded") or now),
                ),
            )
            for doc in event["documents"]:
                conn.execute(
                    "INSERT INTO documents (event_id, order_id, file_name, title, sha256, size, added) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        cursor.lastrowid,
                        order.id,
                        doc["file"],
                        str(doc.get("title", "")),
                        doc["sha256"],
                        len(incoming.documents[doc["file"]]),
                        str(doc.get("added") or now),
                    ),
                )
        quote = incoming.quote
        if quote is not None:
            estimated = quote.get("estimated_hours")
            factor = quote.get("factor")
            conn.execute(
                "INSERT INTO quotes (order_id, quoted_hours, estimated_hours, factor, quote_date, recorded) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    order.id,
                    float(quote["quoted_hours"]),
                    float(estimated) if isinstance(estimated, int | float) else None,
                    float(factor) if isinstance(factor, int | float) and factor > 0 else 1.0,
                    str(quote["quote_date"]),
                    str(quote.get("recorded") or now),
                ),
            )
        for item in incoming.history:
            conn.execute(
                "INSERT INTO history (order_id, at, action, detail) VALUES (?, ?, ?, ?)",
                (order.id, item["at"], item["action"], item["detail"]),
            )
        conn.execute(
            "INSERT INTO history (order_id, at, action, detail) VALUES (?, ?, ?, ?)",
            (order.id, now, "imported", source.name),
        )
