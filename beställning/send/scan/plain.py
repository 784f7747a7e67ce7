"""Plain formats: text (CSV, JSON, XML, HTML …) streamed in chunks, base64 blocks in it, RTF, binary strings."""

from __future__ import annotations

import base64
import binascii
import re
from typing import TYPE_CHECKING

from beställning.send.pnr import numeric_text_candidates
from beställning.send.scan.columns import ColumnNumbers, HtmlTableRows
from beställning.send.scan.report import CannotRead, Finding
from beställning.send.scan.text import (
    TextStream,
    decode_text,
    looks_binary,
    once_per_place,
    scan_values,
    stream_text_file,
)

if TYPE_CHECKING:
    from beställning.send.scan.engine import Part, Scanner

# Base64 of at least 40 characters (30 bytes), possibly wrapped in lines as mail and PEM do.
_BASE64 = re.compile(r"[A-Za-z0-9+/]{20,}={0,2}(?:[ \t]*\r?\n[ \t]*[A-Za-z0-9+/]{4,}={0,2})*")
_BINARY_WINDOW = 4 << 20
# A sieve that runs at C speed: base64 letters become 'a', everything else a space; no run of 20 'a'
# means no base64 block in the chunk, and the slower regex is skipped. The chunk is encoded as
# Latin-1 with '?' for other characters (one byte a character, a plain copy for most text): every
# non-ASCII character is a space to the sieve either way.
_B64_SIEVE = bytes(
    ord("a") if chr(b).isascii() and (chr(b).isalnum() or chr(b) in "+/") else ord(" ") for b in range(256)
)
_B64_RUN = b"a" * 20


def scan_plain(scanner: Scanner, part: Part, markup: bool, depth: int) -> None:
    """A text file: every view of its text, and every base64 block in it decoded and scanned as a file."""
    blobs = 0

    def base64_blocks(chunk: str) -> None:
        nonlocal blobs
        if len(chunk) < 40 or _B64_RUN not in chunk.encode("latin-1", "replace").translate(_B64_SIEVE):
            return
        for match in _BASE64.finditer(chunk):
            if match.end() - match.start() < 40:
                continue
            data = _decode_base64(match.group())
            if data is None:
                continue
            blobs += 1
            scanner.scan_nested_bytes(f"base64-{blobs}", f"{part.source} → base64-block {blobs}", data, depth)

    unique = once_per_place(scanner.sink)  # chunks overlap where lines are long

    def on_chunk(chunk: str) -> None:
        base64_blocks(chunk)
        if markup:  # every number, padded too: a cell's column is not known here (see RestoredZeros)
            numbers = [c for value in _numeric_cells(chunk) for c in numeric_text_candidates(value)]
            scan_values(numbers, part.source, "tabellcell (tal)", scanner.file_sha256, unique)

    columns: ColumnNumbers | HtmlTableRows = (
        HtmlTableRows(part.source, scanner.sink, scanner.file_sha256)
        if markup
        else ColumnNumbers(part.source, scanner.sink, scanner.file_sha256)
    )
    feed = columns.feed_text if isinstance(columns, HtmlTableRows) else columns.feed
    stream_text_file(part.stream, part.source, scanner.sink, scanner.file_sha256, markup, on_chunk, on_text=feed)
    columns.close()


# Spreadsheet cells saved as HTML keep their numeric value: LibreOffice in sdval="…", Excel with an
# x:num mark (its value in x:num="…" when the cell shows something else). A personnummer stored as a
# number has lost its leading zero there, as in the spreadsheet itself.
_NUMERIC_CELL = re.compile(r'(?:sdval|x:num)="([0-9.Ee+]{7,20})"|x:num(?:\s[^>]*)?>\s*([0-9]{7,9})\s*<')


def _numeric_cells(chunk: str) -> list[str]:
    if "sdval" not in chunk and "x:num" not in chunk:
        return []
    return [value or shown for value, shown in _NUMERIC_CELL.findall(chunk)]


def _decode_base64(text: str) -> bytes | None:
    """The bytes of a base64 block that is really base64 (mixed case and digits, decodes), else None."""
    compact = "".join(text.split())
    if not (any(c.islower() for c in compact) and any(c.isupper() for c in compact)):
        return None
    compact = compact[: len(compact) - len(compact) % 4] if "=" not in compact else compact
    try:
        data = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    if looks_binary(data[:4096]) and not data.startswith((b"PK", b"%PDF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")):
        return None  # random-looking base64 (a hash, a key) that is no file we read: nothing to see
    return data


def scan_binary_strings(scanner: Scanner, part: Part) -> None:
    """Numbers in binary data read as 8-bit text and as UTF-16LE at both byte alignments (report once each)."""
    seen: set[str] = set()
    stream = part.stream
    stream.seek(0)
    carry = b""
    while True:
        block = stream.read(_BINARY_WINDOW)
        data = carry + block
        if not data:
            break
        for text in (
            data.decode("latin-1"),
            data.decode("utf-16-le", errors="replace"),
            data[1:].decode("utf-16-le", errors="replace"),
        ):
            for finding in _findings(text, part.source, scanner.file_sha256):
                if finding.masked not in seen:
                    seen.add(finding.masked)
                    scanner.sink(finding)
        if not block:
            break
        carry = data[-96:]


def _findings(text: str, source: str, sha: str) -> list[Finding]:
    from beställning.send.scan.text import scan_values

    found: list[Finding] = []
    scan_values([text], source, "binärt innehåll", sha, found.append)
    return found


# --- RTF ------------------------------------------------------------------------------------------

_RTF_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
# Groups whose content is not text: font and colour tables, styles, pictures, binary and field results kept.
_SKIP = {
    b"fonttbl",
    b"colortbl",
    b"stylesheet",
    b"listtable",
    b"listoverridetable",
    b"pict",
    b"themedata",
    b"colorschememapping",
    b"datastore",
    b"latentstyles",
    b"rsidtbl",
    b"generator",
    b"xmlnstbl",
    b"mmathPr",
    b"filetbl",
    b"revtbl",
    b"pgdsctbl",
    b"wgrffmtfilter",
    b"passwordhash",
}
_EMBEDDED = {b"objdata", b"datafield"}
_NEWLINE_WORDS = {b"par", b"line", b"row", b"sect", b"page", b"cell", b"pard"}
# Groups whose text is not part of the sentence they sit in: notes, comments, field codes (link
# targets), shapes and text boxes, bookmarks, document properties, tracked deletions. Their text is
# read apart, after the body, so the text around them joins as a reader sees it.
_ASIDES = {
    b"footnote",
    b"annotation",
    b"atnauthor",
    b"atndate",
    b"atnid",
    b"atnref",
    b"fldinst",
    b"shpinst",
    b"shptxt",
    b"sp",
    b"sn",
    b"sv",
    b"bkmkstart",
    b"bkmkend",
    b"userprops",
    b"propname",
    b"staticval",
    b"title",
    b"subject",
    b"author",
    b"keywords",
    b"doccomm",
    b"comment",
    b"operator",
    b"company",
    b"manager",
    b"category",
    b"hlinkbase",
    b"xe",
    b"tc",
    b"txe",
    b"deleted",
}


def rtf_to_text(data: bytes) -> str:
    """The text of an RTF document: control words out, \\'xx (in the document's code page) and \\uN in.

    Text split over groups ('{\\b 81121}8-9876') joins; a paragraph, line or cell ends a line. The
    text of notes, comments, fields, shapes, properties and deletions follows the body, a line each.
    Raises CannotRead for embedded objects (their data is a binary the guard cannot read).
    """
    codepage = "cp1252"
    body: list[str] = []
    asides: list[str] = []
    out = body
    stack: list[tuple[bool, int, list[str]]] = []
    skipping = False
    uc = 1
    pending_skip = 0
    star = False
    pending_bytes = bytearray()

    def flush() -> None:
        if pending_bytes:
            out.append(pending_bytes.decode(codepage, errors="replace"))
            pending_bytes.clear()

    for match in _RTF_TOKEN.finditer(data):
        word, arg, hexbyte, symbol, brace, text = match.groups()
        if brace == b"{":
            stack.append((skipping, uc, out))
            star = False
            continue
        if brace == b"}":
            flush()
            closed = out
            skipping, uc, out = stack.pop() if stack else (False, 1, body)
            if closed is not out:  # an aside ends: its text is one line of its own
                asides.append("".join(closed) + "\n")
            continue
        if pending_skip and (hexbyte is not None or text is not None):
            if hexbyte is not None:
                pending_skip -= 1
                continue
            assert text is not None
            drop = min(pending_skip, len(text))
            pending_skip -= drop
            text = text[drop:]
            if not text:
                continue
        if word is not None:
            if word in _EMBEDDED and not skipping:
                raise CannotRead(
                    "RTF-filen innehåller inbäddade objekt som inte kan granskas. Spara den som PDF med text "
                    "eller ta bort objekten."
                )
            if word in _ASIDES and not skipping:
                flush()
                if stack and out is stack[-1][2]:
                    out = []  # the rest of this group is read apart
                star = False
                continue
            if word in _SKIP or star:
                skipping = True
                star = False
                continue
            if skipping:
                continue
            if word == b"ansicpg" and arg:
                codepage = f"cp{int(arg)}"
            elif word == b"uc" and arg:
                uc = int(arg)
            elif word == b"u" and arg:
                flush()
                value = int(arg)
                out.append(chr(value + 65536 if value < 0 else value))
                pending_skip = uc
            elif word in _NEWLINE_WORDS:
                flush()
                out.append("\n")
            elif word == b"tab":
                out.append(" ")  # white space in a document (see xmltext's dialects)
            elif word in (b"emdash", b"endash"):
                out.append("\u2014" if word == b"emdash" else "\u2013")
            continue
        if symbol is not None:
            if symbol == b"*":
                star = True
            elif not skipping:
                if symbol == b"~":
                    out.append("\u00a0")
                elif symbol in (b"-", b"_"):
                    out.append("-" if symbol == b"_" else "")
                elif symbol in (b"\\", b"{", b"}"):
                    out.append(symbol.decode())
            continue
        if skipping:
            continue
        if hexbyte is not None:
            pending_bytes.append(int(hexbyte, 16))
            continue
        if text is not None:
            flush()
            out.append(text.decode(codepage, errors="replace"))
    flush()
    while stack:  # an unclosed aside (a cut file): keep its text too
        closed = out
        _, _, out = stack.pop()
        if closed is not out:
            asides.append("".join(closed) + "\n")
    return "".join(body) + "\n" + "".join(asides)


def scan_rtf(scanner: Scanner, part: Part) -> None:
    data = part.stream.read()
    text = rtf_to_text(data)
    stream = TextStream(part.source, scanner.sink, scanner.file_sha256)
    stream.feed(text)
    stream.close()


def scan_decoded_text(scanner: Scanner, source: str, data: bytes, markup: bool, charset: str | None = None) -> None:
    """Text already in memory (a mail part): decoded by its charset, or guessed."""
    try:
        text = data.decode(charset) if charset else decode_text(data)
    except (LookupError, UnicodeDecodeError):
        text = decode_text(data)
    stream = TextStream(source, scanner.sink, scanner.file_sha256, markup=markup)
    stream.feed(text)
    stream.close()
