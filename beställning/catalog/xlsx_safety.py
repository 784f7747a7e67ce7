"""Checks made before an .xlsx file is handed to openpyxl: right kind of file, not encrypted, no zip bomb.

An encrypted Excel workbook is not a zip file but an OLE compound file (CFB) holding an
EncryptionInfo stream; an old .xls is a CFB file too. A zip's declared uncompressed sizes bound what
zipfile will ever inflate, so checking them is enough to refuse a bomb before parsing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from beställning.catalog.errors import ListImportError
from beställning.zipguard import ZipLimits, size_problem, size_text

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_RATIO = 200  # a member inflating more than this (and above 10 MB) is a bomb
ZIP_LIMITS = ZipLimits(
    max_total_bytes=MAX_UNCOMPRESSED_BYTES,
    max_member_bytes=MAX_UNCOMPRESSED_BYTES,
    max_ratio=MAX_RATIO,
    ratio_floor_bytes=10 * 1024 * 1024,
)

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def check_workbook_file(path: Path) -> None:
    """Raise ListImportError (Swedish) if `path` is not a safe, readable .xlsx workbook."""
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as exc:
        raise ListImportError(f"{name}: filen finns inte.") from exc
    except OSError as exc:
        raise ListImportError(f"{name}: filen kan inte läsas ({exc.strerror}).") from exc
    if size == 0:
        raise ListImportError(f"{name}: filen är tom (0 byte). Hämta listan från FK igen.")
    if size > MAX_FILE_BYTES:
        raise ListImportError(
            f"{name}: filen är {size_text(size)}, mycket större än en variabellista (under 1 MB). "
            "Kontrollera att det är rätt fil."
        )
    if head.startswith(OLE_SIGNATURE):
        with open(path, "rb") as handle:
            content = handle.read(min(size, 4 * 1024 * 1024))
        if "EncryptionInfo".encode("utf-16-le") in content or "EncryptedPackage".encode("utf-16-le") in content:
            raise ListImportError(
                f"{name}: arbetsboken är lösenordsskyddad (krypterad). Öppna den i Excel, ta bort lösenordet "
                "(Arkiv > Info > Skydda arbetsbok) och spara som .xlsx, importera sedan igen."
            )
        raise ListImportError(
            f"{name}: filen är i det gamla Excel-formatet (.xls). Öppna den i Excel och spara som .xlsx."
        )
    if not head.startswith(ZIP_SIGNATURES):
        raise ListImportError(
            f"{name}: filen är inte en Excel-arbetsbok (.xlsx). Välj FK:s variabellista i .xlsx-format."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ListImportError(f"{name}: filen är skadad och kan inte öppnas som .xlsx ({exc}).") from exc
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise ListImportError(
            f"{name}: filen är en zip-fil men ingen Excel-arbetsbok (kanske ett Word-dokument). Välj en .xlsx-fil."
        )
    if len(infos) > MAX_MEMBERS:
        raise ListImportError(f"{name}: filen innehåller {len(infos)} delar, orimligt många för en arbetsbok.")
    if any(info.flag_bits & 0x1 for info in infos):
        raise ListImportError(f"{name}: delar av filen är krypterade. Spara om den i Excel utan lösenord.")
    problem = size_problem(infos, ZIP_LIMITS)
    if problem:
        raise ListImportError(
            f"{name}: {problem} En variabellista från FK är mycket mindre; filen importeras inte. "
            "Kontrollera att du valt rätt fil."
        )


def hidden_columns(path: Path) -> dict[str, set[int]]:
    """Per sheet title, the 0-based indexes of hidden columns (read-only openpyxl cannot tell).

    Reads only the start of each sheet's XML (up to <sheetData>), so it stays fast on large sheets.
    """
    result: dict[str, set[int]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = ET.fromstring(archive.read("xl/workbook.xml"))
            rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG_REL}Relationship")}
            for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
                target = targets.get(sheet.get(f"{_NS_REL}id"), "")
                member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                member = re.sub(r"[^/]+/\.\./", "", member)
                if member not in archive.namelist():
                    continue
                hidden: set[int] = set()
                with archive.open(member) as stream:
                    for event, element in ET.iterparse(stream, events=("start",)):
                        if element.tag == f"{_NS_MAIN}sheetData":
                            break
                        if element.tag == f"{_NS_MAIN}col" and element.get("hidden") in ("1", "true"):
                            low, high = int(element.get("min", "1")), int(element.get("max", "1"))
                            hidden.update(range(low - 1, min(high, 16384)))
                        del event
                result[sheet.get("name", "")] = hidden
    except (KeyError, ET.ParseError, zipfile.BadZipFile, OSError, ValueError):
        return result
    return result
