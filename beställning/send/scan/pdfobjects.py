"""Text a PDF holds outside its pages' text layer: properties, comments, links, tags, form fields.

Each reader adds the strings it finds to `Texts` (place → values) as it goes, so what it read
before a broken object is still scanned; pdf.py scans them and blocks the file if a reader broke.
Objects are visited once (by reference) and the structure tree within fixed bounds, so a cyclic
or huge tree cannot hang the scan.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from beställning.send.pnr import mask_all
from beställning.send.scan.report import CannotRead
from beställning.send.scan.text import decode_entities, decode_text, strip_markup

Texts = dict[str, list[str]]

MAX_NODES = 500_000  # structure elements and form fields visited per file
MAX_DEPTH = 256

_ANNOTATION_KEYS = ("/Contents", "/T", "/Subj", "/RC", "/TU", "/V", "/DV", "/NM")
_ACTION_KEYS = ("/URI", "/F", "/UF", "/D", "/JS")
_FIELD_KEYS = ("/V", "/DV", "/TU", "/T", "/TM", "/Opt", "/RV")
_STRUCTURE_PLACES = {
    "/Alt": "alt-text",
    "/ActualText": "ersättningstext (ActualText)",
    "/E": "utskriven förkortning (E)",
    "/T": "strukturelementets titel",
}


class _DecodeProblems(logging.Handler):
    """pypdf's warnings while this thread decodes a stream."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


def stream_data(stream: StreamObject, what: str) -> bytes:
    """A stream's decoded bytes. pypdf keeps what it can of a broken stream and only logs it: here that raises."""
    logger = logging.getLogger("pypdf.filters")
    handler, level = _DecodeProblems(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        data = stream.get_data()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    if handler.messages:
        raise CannotRead(f"{what} är skadad och kan inte packas upp helt")
    return data


def views(text: str) -> list[str]:
    """A value as written and, when it has markup (rich text, XML), as a reader sees it."""
    return [text, decode_entities(strip_markup(text))] if "<" in text else [text]


def strings(obj: Any, depth: int = 0) -> list[str]:
    """The text in a value: strings, names, numbers, text streams and arrays of them; not dictionaries."""
    obj = obj.get_object() if isinstance(obj, IndirectObject) else obj
    if isinstance(obj, str):
        return views(obj)
    if isinstance(obj, bytes):
        return views(decode_text(obj))
    if isinstance(obj, (int, float)) and not isinstance(obj, bool):
        return [str(obj)]
    if isinstance(obj, StreamObject):
        return views(decode_text(stream_data(obj, "en textström")))
    if isinstance(obj, ArrayObject) and depth < 3:
        return [text for item in obj for text in strings(item, depth + 1)]
    return []


def _dictionary(obj: Any) -> DictionaryObject | None:
    """The dictionary behind a value (resolved), or None when it is not one."""
    obj = obj.get_object() if isinstance(obj, IndirectObject) else obj
    return obj if isinstance(obj, DictionaryObject) else None


def _add(texts: Texts, place: str, values: list[str]) -> None:
    if values:
        texts.setdefault(place, []).extend(values)


def _reference(obj: Any) -> tuple[int, int] | None:
    ref = obj if isinstance(obj, IndirectObject) else getattr(obj, "indirect_reference", None)
    return (ref.idnum, ref.generation) if ref is not None else None


def document_info(reader: PdfReader, texts: Texts) -> None:
    """Every entry of the document information dictionary (Title, Author, custom ones …)."""
    info: Any = reader.metadata or {}
    for key in info:
        _add(texts, f"dokumentegenskaper ({mask_all(key.lstrip('/'))})", [key, *strings(info[key])])


def xmp_metadata(reader: PdfReader, texts: Texts, limit: int) -> int:
    """The XMP metadata stream as written and without its markup; returns its size."""
    stream = reader.root_object.get("/Metadata")
    if stream is None:
        return 0
    stream = stream.get_object()
    if not isinstance(stream, StreamObject):
        return 0
    if int(stream.get("/Length", 0)) > limit or len(data := stream_data(stream, "XMP-metadata")) > limit:
        raise CannotRead("XMP-metadata är för stora att granska")
    _add(texts, "XMP-metadata", views(decode_text(data)))
    return len(data)


def _action_strings(action: Any, seen: set[tuple[int, int]]) -> list[str]:
    """A link's target (URI, file, destination, script), following the chain of /Next actions."""
    out: list[str] = []
    pending = [action]
    while pending and len(seen) < MAX_NODES:
        item = pending.pop()
        ref = _reference(item)
        if ref is not None and ref in seen:
            continue
        if ref is not None:
            seen.add(ref)
        item = item.get_object()
        if isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, DictionaryObject):
            for key in _ACTION_KEYS:
                spec = _dictionary(item.get(key)) if key == "/F" else None
                if spec is not None:  # a file specification
                    out.extend(s for k in ("/F", "/UF") for s in strings(spec.get(k)))
                else:
                    out.extend(strings(item.get(key)))
            if "/Next" in item:
                pending.append(item["/Next"])
    return out


def _annotation_kind(subtype: str) -> str:
    return {"/Link": "länk", "/Widget": "formulärfält", "/FileAttachment": "bifogad fil"}.get(subtype, "kommentar")


def page_annotations(
    reader: PdfReader, texts: Texts, seen: set[tuple[int, int]], files: list[tuple[str, StreamObject]]
) -> None:
    """Comments (text, author, subject, rich text, popup), link targets, widgets and attached files."""
    for number, page in enumerate(reader.pages, start=1):
        for entry in page.get("/Annots") or []:
            annotation = entry.get_object()
            ref = _reference(entry)
            if not isinstance(annotation, DictionaryObject) or (ref is not None and ref in seen):
                continue
            if ref is not None:
                seen.add(ref)
            place = f"sida {number}, {_annotation_kind(str(annotation.get('/Subtype', '')))}"
            values = [s for key in _ANNOTATION_KEYS for s in strings(annotation.get(key))]
            popup = _dictionary(annotation.get("/Popup"))
            if popup is not None:
                values += [s for key in ("/Contents", "/T") for s in strings(popup.get(key))]
            for key in ("/A", "/PA"):
                if key in annotation:
                    values += _action_strings(annotation[key], set())
            additional = _dictionary(annotation.get("/AA"))
            if additional is not None:
                for action in additional.values():
                    values += _action_strings(action, set())
            _add(texts, place, values)
            if annotation.get("/Subtype") == "/FileAttachment":
                _attached_file(_dictionary(annotation.get("/FS")), files)


def _attached_file(spec: DictionaryObject | None, files: list[tuple[str, StreamObject]]) -> None:
    """The file a file-attachment annotation carries (not listed among the document's attachments)."""
    embedded = _dictionary(spec.get("/EF")) if spec is not None else None
    if spec is None or embedded is None:
        return
    name = next((s for k in ("/UF", "/F") for s in strings(spec.get(k))), "bifogad fil")
    stream = _dictionary(embedded.get("/UF") or embedded.get("/F"))
    if isinstance(stream, StreamObject):
        files.append((name, stream))


def _walk(pending: list[tuple[Any, int]], seen: set[tuple[int, int]], what: str) -> Iterator[tuple[Any, int]]:
    """(object, depth) for each object of a tree once, depth first; the caller appends children to `pending`.

    A tree beyond MAX_NODES objects or MAX_DEPTH levels cannot be read (a hostile or cyclic file).
    """
    visited = 0
    while pending:
        item, depth = pending.pop()
        ref = _reference(item)
        if ref is not None:
            if ref in seen:
                continue
            seen.add(ref)
        visited += 1
        if visited > MAX_NODES or depth > MAX_DEPTH:
            raise CannotRead(f"{what} är för många eller för djupt nästlade")
        yield item, depth


def structure_tree(reader: PdfReader, texts: Texts) -> None:
    """Alt texts, ActualText, expansions and titles of every element in the tagged-PDF structure tree."""
    root = reader.root_object.get("/StructTreeRoot")
    if root is None:
        return
    pending: list[tuple[Any, int]] = [(root, 0)]
    for item, depth in _walk(pending, set(), "taggarna (strukturträdet)"):
        item = item.get_object()
        if isinstance(item, ArrayObject):
            pending.extend((child, depth + 1) for child in reversed(item))  # popped in document order
        elif isinstance(item, DictionaryObject):
            for key, place in _STRUCTURE_PLACES.items():
                _add(texts, place, strings(item.get(key)) if key != "/T" or "/S" in item else [])
            if "/K" in item:
                pending.append((item["/K"], depth + 1))


def form_fields(reader: PdfReader, texts: Texts, seen: set[tuple[int, int]]) -> None:
    """Form field values, defaults, tooltips, names and options; XFA form data. Widgets on pages are done."""
    form = _dictionary(reader.root_object.get("/AcroForm"))
    if form is None:
        return
    _add(texts, "formulärdata (XFA)", strings(form.get("/XFA")))
    pending: list[tuple[Any, int]] = [(field, 0) for field in form.get("/Fields") or []]
    for item, depth in _walk(pending, seen, "formulärfälten"):
        field = _dictionary(item)
        if field is not None:
            _add(texts, "formulärfält", [s for key in _FIELD_KEYS for s in strings(field.get(key))])
            pending.extend((kid, depth + 1) for kid in field.get("/Kids") or [])
