"""The package (utskick): every file of the checklist made or copied into one folder, hashed.

The form and the variable selection are made by other parts of the app; they are passed in as
functions so tests (and a future FK form filler) can supply their own. User files are copied, so what
is scanned is exactly what is sent even if the original changes meanwhile.
"""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from beställning.atomic import atomic_path
from beställning.order import Order
from beställning.send.checklist import Checklist, build_checklist

Producer = Callable[[Order, Path], None]

MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".zip": "application/zip",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


class PackageError(Exception):
    """The package could not be built; the message says why and what to do, in Swedish."""


@dataclass(frozen=True)
class PackageFile:
    """One file ready to attach: number, kind, the name FK sees, its copy, size, SHA-256, MIME type."""

    number: int
    kind: str
    title: str
    name: str
    path: Path
    size: int
    sha256: str
    mime: str
    generated: bool = False


@dataclass
class Package:
    """The files of one order, built in `folder`, with the checklist they came from."""

    order: Order
    folder: Path
    checklist: Checklist
    files: list[PackageFile]

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)


def mime_type(name: str) -> str:
    """The MIME type FK's mail system should see for a file name; unknown types are octet-stream."""
    suffix = Path(name).suffix.lower()
    if suffix in MIME_TYPES:
        return MIME_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(name, strict=True)
    return guessed or "application/octet-stream"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def render_form_default(order: Order, path: Path) -> None:
    """The app's own form (blankett) as .docx, by the document renderer."""
    try:
        from beställning.document.render import render_order
    except ImportError as exc:
        raise PackageError(
            "Blanketten kan inte skapas: dokumentdelen saknas i denna version. "
            "Bifoga en ifylld blankett själv (typ ”Ifylld beställningsblankett”)."
        ) from exc
    render_order(order, path)


def export_variables_default(order: Order, path: Path) -> None:
    """Variabelval.xlsx from the catalog."""
    try:
        from beställning.catalog import export_variable_selection
    except ImportError as exc:
        raise PackageError(
            "Variabelvalet kan inte skapas: katalogdelen saknas i denna version. "
            "Bifoga variabelvalet själv som Excelfil."
        ) from exc
    export_variable_selection(order, path)


def _readable(path: Path) -> bool:
    """A regular file that can be opened (never opens a pipe or device: they are not files to send)."""
    if not path.is_file():
        return False
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


def build_package(
    order: Order,
    folder: Path,
    render_form: Producer | None = None,
    export_variables: Producer | None = None,
) -> Package:
    """Make or copy every checklist file into `folder`; missing user files are left out (and listed)."""
    render = render_form or render_form_default
    export = export_variables or export_variables_default
    checklist = build_checklist(order)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[PackageFile] = []
    for item in checklist.items:
        target = folder / item.name
        if item.source is not None and not _readable(item.source):
            continue  # listed in checklist.problems
        try:
            with atomic_path(target) as tmp:
                if item.source is None:
                    (render if item.kind == "blankett" else export)(order, tmp)
                else:
                    shutil.copyfile(item.source, tmp)
        except PackageError:
            raise
        except OSError as exc:
            raise PackageError(f"{item.name} kunde inte skapas eller kopieras ({exc.strerror or exc}).") from exc
        except Exception as exc:  # a producer failed: say which file, keep the message short
            raise PackageError(f"{item.name} kunde inte skapas ({type(exc).__name__}: {exc}).") from exc
        files.append(
            PackageFile(
                item.number,
                item.kind,
                item.title,
                item.name,
                target,
                target.stat().st_size,
                sha256_file(target),
                mime_type(item.name),
                item.generated,
            )
        )
    return Package(order, folder, checklist, files)
