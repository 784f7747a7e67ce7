"""PDF: the text layer of every page, the text outside it (pdfobjects), embedded files and Hybrid PDF.

A LibreOffice "Hybrid PDF" carries the whole source document (.odt …) in /AdditionalStreams (in the
trailer, or the catalog): its hidden text and comments are only there, so it is scanned as a file.
A part that cannot be read blocks the file, after every part that could be read was scanned.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pypdf.generic import IndirectObject

from beställning.send.pnr import mask_all
from beställning.send.scan import pdfobjects
from beställning.send.scan.columns import ColumnNumbers
from beställning.send.scan.report import CannotRead, ScanCancelled, TooBig
from beställning.send.scan.text import TextStream, scan_values

if TYPE_CHECKING:
    from pypdf import PdfReader

    from beställning.send.scan.engine import Part, Scanner

_REMOVE = "Ta bort den ur PDF-filen."
_HYBRID_TOO_BIG = "Exportera PDF-filen på nytt utan Hybrid-PDF (bädda inte in OpenDocument-filen)."
# Letter-spaced text (spärrad stil) comes out of the text layer a character at a time: '4 2 0 1 2 0 - 5 8 2 2'.
_LETTER_SPACED = re.compile(r"(?<![0-9] )(?<![0-9])[0-9](?: [0-9+\-\u2013]){9,13}")
_SUFFIXES = {"text": "odt", "spreadsheet": "ods", "presentation": "odp", "graphics": "odg", "drawing": "odg"}


def scan_pdf(scanner: Scanner, part: Part, depth: int) -> None:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(part.stream)
    if reader.is_encrypted and not reader.decrypt(""):
        raise CannotRead(
            "PDF-filen är lösenordsskyddad och kan inte granskas. Spara den utan lösenord, eller ta bort den."
        )
    _scan_pages(scanner, part, reader)
    problems = _scan_objects(scanner, part, reader, depth)
    for name, contents in reader.attachments.items():
        for content in contents:
            _scan_file(scanner, part, depth, name, content)
    try:
        streams = _additional_streams(reader)
    except (ScanCancelled, TooBig):
        raise
    except Exception as exc:
        streams = []
        problems.append(f"det inbäddade originaldokumentet (Hybrid-PDF) kan inte läsas ({_reason(exc)})")
    for name, stream in streams:
        _scan_stream(scanner, part, depth, name, stream, problems, _HYBRID_TOO_BIG)
    if problems:
        raise CannotRead(
            f"PDF-filen kan inte granskas helt: {'; '.join(problems)}. Spara PDF-filen på nytt "
            "(t.ex. skriv ut den till PDF) och granska den igen, eller ta bort den ur paketet."
        )


def _scan_pages(scanner: Scanner, part: Part, reader: PdfReader) -> None:
    empty: list[int] = []
    places: list[str] = []  # 'sida N, rad M' for each line of text, for the table columns below
    # A table printed to PDF (a key file from Calc or Excel) keeps its numbers without the lost zero:
    # its words in line order are columns, judged as a CSV's are.
    columns = ColumnNumbers(part.source, scanner.sink, scanner.file_sha256, ("zero",), lambda line: places[line - 1])
    for number, page in enumerate(reader.pages, start=1):
        scanner.check_cancelled()
        text = page.extract_text() or ""
        if not text.strip():
            empty.append(number)
            continue
        stream = TextStream(part.source, scanner.sink, scanner.file_sha256, place=f"sida {number}")
        stream.feed(text)
        stream.close()
        spaced = [match.group().replace(" ", "") for match in _LETTER_SPACED.finditer(text)]
        if spaced:
            scan_values(spaced, part.source, f"sida {number} (spärrad text)", scanner.file_sha256, scanner.sink)
        for row, line in enumerate(text.splitlines(), start=1):
            places.append(f"sida {number}, rad {row}")
            columns.row(line.split(), len(places))
    columns.close()
    if empty:
        pages = ", ".join(str(n) for n in empty[:10]) + (" …" if len(empty) > 10 else "")
        scanner.look(
            part.source,
            f"sida {pages}",
            f"({len(empty)} sidor utan text)" if len(empty) > 1 else "(sida utan text)",
            "sidan har ingen text som kan läsas (inskannad bild?): titta på den själv",
        )


def _scan_objects(scanner: Scanner, part: Part, reader: PdfReader, depth: int) -> list[str]:
    """Properties, comments, links, tags and form fields; returns what could not be read."""
    texts: pdfobjects.Texts = {}
    problems: list[str] = []
    seen: set[tuple[int, int]] = set()  # annotations read on their page are not read again as fields
    files: list[tuple[str, Any]] = []
    readers: tuple[tuple[str, Callable[[], object]], ...] = (
        ("dokumentegenskaperna", lambda: pdfobjects.document_info(reader, texts)),
        ("XMP-metadata", lambda: scanner.spend(pdfobjects.xmp_metadata(reader, texts, scanner.member_limit()))),
        ("kommentarerna och länkarna", lambda: pdfobjects.page_annotations(reader, texts, seen, files)),
        ("taggarna (alt-texter)", lambda: pdfobjects.structure_tree(reader, texts)),
        ("formulärfälten", lambda: pdfobjects.form_fields(reader, texts, seen)),
    )
    for what, read in readers:
        scanner.check_cancelled()
        try:
            read()
        except (ScanCancelled, TooBig):
            raise
        except CannotRead as exc:
            problems.append(str(exc))
        except Exception as exc:  # a malformed object: what it holds was not checked
            problems.append(f"{what} kan inte läsas ({_reason(exc)})")
    for place, values in texts.items():
        scan_values(values, part.source, place, scanner.file_sha256, scanner.sink)
    for name, stream in files:
        _scan_stream(scanner, part, depth, name, stream, problems)
    return problems


def _additional_streams(reader: PdfReader) -> list[tuple[str, Any]]:
    """(file name, stream) for each Hybrid-PDF source document: /AdditionalStreams is [mime, stream, …]."""
    out: list[tuple[str, Any]] = []
    seen: set[int] = set()  # one stream listed in both places is scanned once
    for holder in (reader.trailer, reader.root_object):
        pairs = holder.get("/AdditionalStreams")
        pairs = pairs.get_object() if pairs is not None else []
        for index in range(0, len(pairs) - 1, 2):
            stream = pairs[index + 1]
            if isinstance(stream, IndirectObject):
                if stream.idnum in seen:
                    continue
                seen.add(stream.idnum)
            mime = str(pairs[index])
            kind = mime.rsplit(".", 1)[-1]
            name = f"originaldokument.{_SUFFIXES[kind]}" if "opendocument" in mime and kind in _SUFFIXES else ""
            out.append((name or f"originaldokument {len(out) + 1}", stream.get_object()))
    return out


def _scan_stream(
    scanner: Scanner, part: Part, depth: int, name: str, stream: Any, problems: list[str], remedy: str = _REMOVE
) -> None:
    if int(stream.get("/Length", 0)) > scanner.member_limit():
        raise TooBig(f"{name} i PDF-filen är för stor att granska. {remedy}")
    try:
        data = pdfobjects.stream_data(stream, name)
    except CannotRead as exc:
        problems.append(str(exc))
        return
    _scan_file(scanner, part, depth, name, data, remedy)


def _scan_file(scanner: Scanner, part: Part, depth: int, name: str, content: bytes, remedy: str = _REMOVE) -> None:
    if len(content) > scanner.member_limit():
        raise TooBig(f"{name} i PDF-filen är för stor att granska. {remedy}")
    scanner.file_name(name, f"{part.source} → {name}")
    scanner.scan_nested_bytes(name, f"{part.source} → {name}", content, depth)


def _reason(exc: Exception) -> str:
    return mask_all(f"{type(exc).__name__}: {exc}")[:200]
