"""The text of an attached ethics document, page by page: PDF, Word (.docx) and OpenDocument (.odt).

The ethics check quotes where it found something (file and page), so text is kept per page: PDF
pages as they are; Word and LibreOffice files by the page breaks the word processor recorded when it
last laid the document out (`w:lastRenderedPageBreak`, `text:soft-page-break`). Without them a file
has no trustworthy page numbers (explicit breaks are a lower bound, and the page count in the file's
properties is stale in files made by other programs), so none are given.

PDFs are read by PDFium (pypdfium2), which reads a 60-page application in a fraction of a second
where pypdf, the guard's reader, takes seconds; pypdf is the fallback when PDFium is not installed or
refuses a damaged file. A PDF page without a text layer is a scanned image: such pages are listed,
and a PDF with no text at all cannot be read, which the check reports as such and never as passing.
Reading is bounded (file size, unpacked XML) so a hostile attachment cannot exhaust memory. Results
are cached by path, modification time and size: the summary and the send pages ask on every visit.
"""

from __future__ import annotations

import io
import logging
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from beställning.zipguard import MB, ZipLimits, ZipTooLarge, read_member, size_problem, size_text

MAX_FILE_BYTES = 100 * MB
_XML_LIMITS = ZipLimits(max_total_bytes=400 * MB, max_member_bytes=200 * MB, max_ratio=200)
SCANNED = "kan inte läsas (skannad?)"
NOT_FOUND = "finns inte"
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".webp"}


@dataclass(frozen=True)
class DocumentText:
    """What could be read from one document.

    `pages` holds the text of each page (one entry when page numbers are unknown, `paged` False);
    `problem` says in Swedish why nothing could be read, as what follows the file name ("… kan inte
    läsas (skannad?)"); `empty_pages` lists PDF pages without text.
    `paragraphs`: each line is a paragraph (Word, OpenDocument), not a laid-out line of a PDF page.
    """

    pages: tuple[str, ...] = ()
    paged: bool = True
    problem: str = ""
    empty_pages: tuple[int, ...] = ()
    paragraphs: bool = False

    @property
    def readable(self) -> bool:
        return not self.problem


def read_document(path: Path) -> DocumentText:
    """Read an attachment; a file that cannot be read is described, never raised."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return DocumentText(problem=NOT_FOUND)
    except OSError as exc:
        return DocumentText(problem=f"kan inte läsas ({exc.strerror})")
    if path.is_dir():
        return DocumentText(problem="är en mapp, inte en fil")
    return _read_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _read_cached(path: str, mtime_ns: int, size: int) -> DocumentText:
    del mtime_ns  # part of the cache key only: a changed file is read again
    if size > MAX_FILE_BYTES:
        limit = size_text(MAX_FILE_BYTES)
        return DocumentText(problem=f"är för stor att läsa ({size_text(size)}, gränsen är {limit})")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return DocumentText(problem=f"kan inte läsas ({exc.strerror})")
    return document_text(Path(path).name, data)


def document_text(name: str, data: bytes) -> DocumentText:
    """The text of a document's bytes; the content decides the type, the name only when it does not."""
    suffix = Path(name).suffix.lower()
    try:
        if data.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in data[:1024]):
            return _pdf(data)
        if data.startswith(b"PK\x03\x04"):
            return _office(data)
    except ZipTooLarge as exc:
        return DocumentText(problem=f"är för stor att läsa: {exc}")
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, EOFError, ValueError) as exc:
        return DocumentText(problem=f"kan inte läsas (skadad?: {exc})")
    if suffix in _IMAGE_SUFFIXES:
        return DocumentText(problem=f"är en bild och {SCANNED}")
    if suffix in (".pdf", ".docx", ".odt"):
        return DocumentText(problem=f"är inte en giltig {suffix}-fil (skadad?)")
    return DocumentText(problem="har en filtyp som inte kan läsas: spara den som PDF, .docx eller .odt")


# --- PDF ------------------------------------------------------------------------------------------


def _pdf(data: bytes) -> DocumentText:
    """PDF pages by PDFium (fast), or by pypdf where PDFium is missing or refuses the file."""
    texts = _pdfium_pages(data)
    if texts is None:
        result = _pypdf_pages(data)
        if isinstance(result, DocumentText):
            return result
        texts = result
    empty = tuple(number for number, text in enumerate(texts, start=1) if not text.strip())
    if len(empty) == len(texts):
        return DocumentText(problem=SCANNED, empty_pages=empty)
    return DocumentText(pages=tuple(texts), empty_pages=empty)


# PDFium is not thread-safe; the summary and the send pages may read in two workers at once.
_PDFIUM_LOCK = threading.Lock()
# PDFium marks a hyphen it found at a line end with U+FFFE (older builds U+0002) and drops the break.
_PDFIUM_LINE_END_HYPHEN = str.maketrans({"\ufffe": "-\n", "\x02": "-\n"})


def _pdfium_pages(data: bytes) -> list[str] | None:
    """Each page's text by PDFium, or None when it is not installed or cannot open the file."""
    try:
        import pypdfium2
    except ImportError:  # a platform without its wheel: pypdf reads, only slower
        return None
    with _PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:
            return None  # damaged or encrypted: pypdf says which, or repairs what it can
        try:
            texts = []
            for index in range(len(document)):
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    texts.append(textpage.get_text_range().translate(_PDFIUM_LINE_END_HYPHEN))
                    textpage.close()
                except pypdfium2.PdfiumError:
                    texts.append("")  # one broken page must not hide the others
                finally:
                    page.close()
            return texts
        finally:
            document.close()


def _pypdf_pages(data: bytes) -> list[str] | DocumentText:
    """Each page's text by pypdf, or why the file cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return DocumentText(problem="är lösenordsskyddad och kan inte läsas")
        pages = list(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        return DocumentText(problem=f"kan inte läsas (skadad PDF?: {exc})")
    texts = []
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # one broken page must not hide the others
            texts.append("")
    return texts


# --- Word and OpenDocument ----------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_PAGE = "\f"  # a page break inside the collected text


def _office(data: bytes) -> DocumentText:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = {info.filename: info for info in zf.infolist()}
        problem = size_problem(infos.values(), _XML_LIMITS)
        if problem:
            raise ZipTooLarge(problem)

        def part(name: str) -> ElementTree.Element | None:
            info = infos.get(name)
            if info is None:
                return None
            return ElementTree.fromstring(read_member(zf, info, _XML_LIMITS.max_member_bytes))

        if "word/document.xml" in infos:
            root = part("word/document.xml")
            assert root is not None
            rendered = root.find(f".//{_W}lastRenderedPageBreak") is not None
            text = "".join(_word_text(root))
            return _paged(text, rendered)
        if "content.xml" in infos:
            root = part("content.xml")
            assert root is not None
            body = root.find(f"{_OFFICE}body")
            rendered = root.find(f".//{_TEXT}soft-page-break") is not None
            text = "".join(_odf_text(body if body is not None else root))
            return _paged(text, rendered)
    return DocumentText(problem="är ett zip-arkiv men inte en .docx eller .odt")


def _paged(text: str, rendered: bool) -> DocumentText:
    """Pages from the recorded page breaks, or one unnumbered page when there are none."""
    if not text.replace(_PAGE, "").strip():
        return DocumentText(problem="innehåller ingen text")
    if rendered:
        return DocumentText(pages=tuple(text.split(_PAGE)), paragraphs=True)
    return DocumentText(pages=(text,), paged=False, paragraphs=True)


def _word_text(element: ElementTree.Element) -> Iterator[str]:
    """Word body text in reading order; deleted text, field codes and duplicate fallbacks left out."""
    for child in element:
        tag = child.tag
        if tag == _W + "t":
            yield child.text or ""
        elif tag == _W + "tab":
            yield "\t"
        elif tag in (_W + "br", _W + "cr"):
            yield "\n"  # an explicit page break too: Word records the laid-out pages itself
        elif tag == _W + "noBreakHyphen":
            yield "-"
        elif tag == _W + "lastRenderedPageBreak":
            yield _PAGE
        elif tag in (_W + "delText", _W + "instrText", _MC_FALLBACK, _W + "rPr", _W + "pPr"):
            continue
        else:
            yield from _word_text(child)
        if tag == _W + "p":
            yield "\n"


def _odf_text(element: ElementTree.Element) -> Iterator[str]:
    """OpenDocument text in reading order: spaces (text:s), tabs, line and recorded page breaks."""
    if element.text:
        yield element.text
    for child in element:
        tag = child.tag
        if tag == _TEXT + "s":
            yield " " * int(child.get(_TEXT + "c", "1") or 1)
        elif tag == _TEXT + "tab":
            yield "\t"
        elif tag == _TEXT + "line-break":
            yield "\n"
        elif tag == _TEXT + "soft-page-break":
            yield _PAGE
        elif tag == _OFFICE + "annotation":
            pass
        else:
            yield from _odf_text(child)
            if tag in (_TEXT + "p", _TEXT + "h"):
                yield "\n"
        if child.tail:
            yield child.tail
