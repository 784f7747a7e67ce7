"""Opening FK's Word form (blankett), or saying in Swedish why it cannot be used.

Users pick the file themselves, so it may be missing, a folder, an old .doc, password-protected,
damaged, another zip archive, or a Word template (.dotx/.docm). Each gets its own message with
what to do; templates and macro files are opened as ordinary documents (macros dropped).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from lxml import etree

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class TemplateError(Exception):
    """FK's form cannot be used; the message says why and what to do, in Swedish."""


def open_template(template: Path) -> DocxDocument:
    """Read FK's .docx, or raise TemplateError saying what is wrong with the file."""
    name = template.name
    try:
        data = template.read_bytes()
    except FileNotFoundError as exc:
        raise TemplateError(f"Blanketten {template} finns inte. Välj Försäkringskassans Word-fil igen.") from exc
    except IsADirectoryError as exc:
        raise TemplateError(f"{template} är en mapp, inte en Word-fil. Välj blankettens .docx-fil.") from exc
    except OSError as exc:
        raise TemplateError(f"Blanketten {template} kan inte läsas ({exc.strerror}).") from exc
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise TemplateError(
                f"{name} är lösenordsskyddad och kan inte fyllas i. Öppna den i Word, ta bort "
                "lösenordet (Arkiv > Info > Skydda dokument) och spara den som .docx."
            )
        raise TemplateError(
            f"{name} är i det äldre Word-formatet (.doc). Öppna den i Word eller LibreOffice och "
            "spara den som Word-dokument (.docx)."
        )
    if not data.startswith(b"PK"):
        raise TemplateError(
            f"{name} är inte en Word-fil (.docx). Ladda ned blanketten från Försäkringskassans webbplats och välj den."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise TemplateError(f"{name} är ingen Word-fil (.docx) utan ett annat zip-arkiv.")
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            if _TEMPLATE_TYPE in types or any(t in types for t in _MACRO_TYPES):
                data = _as_document(archive, types)
        return Document(io.BytesIO(data))
    except TemplateError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        EOFError,
        UnicodeDecodeError,
    ) as exc:
        raise TemplateError(
            f"{name} är skadad och kan inte läsas som Word-dokument ({exc.__class__.__name__}). "
            "Ladda ned blanketten på nytt."
        ) from exc


def _as_document(archive: zipfile.ZipFile, types: str) -> bytes:
    """A Word template (.dotx) or macro file as an ordinary document, so python-docx opens it."""
    for other in (_TEMPLATE_TYPE, *_MACRO_TYPES):
        types = types.replace(other, _DOCUMENT_TYPE)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            if info.filename == "word/vbaProject.bin":
                continue
            payload = types.encode("utf-8") if info.filename == "[Content_Types].xml" else archive.read(info)
            out.writestr(info, payload)
    return buffer.getvalue()
