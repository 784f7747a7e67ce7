"""Text: decoding bytes, and finding numbers in text that arrives in chunks, with every view of it.

A text is scanned as written and as a reader would see it: HTML/XML entities decoded (&#56; is '8'),
JSON escapes decoded (\\u0038 is '8') and, for markup, with tags taken out so '8112<b>18</b>9876'
joins. Long texts arrive in chunks; a chunk ends at a line break where it can, else it overlaps the
next one, so a number across a chunk boundary is found once.
"""

from __future__ import annotations

import bisect
import codecs
import html
import re
from collections.abc import Callable, Iterable
from typing import BinaryIO

from beställning.send.pnr import PnrMatch, find_pnr, mask_all
from beställning.send.scan.report import Finding

CHUNK_CHARS = 1 << 20
_OVERLAP = 160  # characters carried into the next chunk when a line is longer than a chunk
_END_GUARD = 40  # a hit ending this close to a chunk's end may be cut off: it is taken from the next chunk
_CONTEXT = 30

_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_TAG = re.compile(r"<[^<>]*>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|tr|td|th|li|h[1-6]|table|section|article|ul|ol|dd|dt|hr|blockquote|pre|title)\b[^<>]*>",
    re.IGNORECASE,
)
_INVISIBLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)

Sink = Callable[[Finding], None]


def once_per_place(sink: Sink) -> Sink:
    """`sink` told each number once per place: several views, or overlapping chunks, see it again."""
    seen: set[tuple[str, str]] = set()

    def once(finding: Finding) -> None:
        key = (finding.place, finding.masked)
        if key not in seen:
            seen.add(key)
            sink(finding)

    return once


def decode_text(data: bytes) -> str:
    """Bytes as text: BOMs honoured, UTF-16 without BOM guessed from NUL bytes, else UTF-8 or cp1252."""
    encoding, skip = guess_encoding(data[:65536])
    return data[skip:].decode(encoding, errors="replace")


def guess_encoding(sample: bytes) -> tuple[str, int]:
    """(encoding, BOM length) for text whose start is `sample`."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if sample.startswith(bom):
            return encoding, len(bom)
    head = sample[:4096]
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        odd_zero = head[1::2].count(0) > head[0::2].count(0)
        return ("utf-16-le" if odd_zero else "utf-16-be"), 0
    try:
        sample.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut off by the sample's end
            return "utf-8", 0
    return "cp1252", 0


def looks_binary(sample: bytes) -> bool:
    """Whether bytes are binary rather than text: NUL bytes that no UTF-16 text explains, or many controls."""
    sample = sample[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    zeros = sample.count(0)
    if zeros and zeros > len(sample) // 4:
        # UTF-16 text without BOM: the NULs sit in one byte column only.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return min(even, odd) > len(sample) // 50
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return zeros > 0 or controls > len(sample) // 20


def _entity(match: re.Match[str]) -> str:
    char = html.unescape(match.group())
    return " " if char in ("\n", "\r") else char  # keep line numbers


def decode_entities(text: str) -> str:
    """HTML and XML character references decoded; a decoded line break becomes a space."""
    return _ENTITY.sub(_entity, text) if "&" in text else text


def decode_json_escapes(text: str) -> str:
    """JSON's \\uXXXX escapes decoded (surrogate pairs joined); other escapes are left as written."""
    if "\\u" not in text:
        return text
    decoded = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", errors="replace")


def strip_markup(text: str) -> str:
    """HTML or XML as a reader sees it: block tags end a line, inline tags vanish, line count kept."""
    text = _INVISIBLE.sub(lambda m: "\n" * m.group().count("\n"), text)
    text = _BLOCK_TAG.sub(lambda m: "\n" * max(1, m.group().count("\n")) if m.group().count("\n") else " ", text)
    return _TAG.sub(lambda m: "\n" * m.group().count("\n"), text)


# Characters a reader does not see, which editors put inside words: the soft hyphen (U+00AD), the
# zero-width space and joiners, the word joiner and a stray BOM. A number with one inside is a number.
_UNSEEN = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_WITHOUT_UNSEEN = dict.fromkeys(map(ord, _UNSEEN))


def text_views(text: str, markup: bool) -> list[str]:
    """The text as written, and as decoded views when it has entities, escapes, markup or unseen characters."""
    views = [text]
    if markup:  # in HTML a tab is white space, shown as a space
        views.append(decode_entities(strip_markup(text)).replace("\t", " "))
    elif "&" in text:
        views.append(decode_entities(text))
    if "\\u" in text:
        views.append(decode_json_escapes(text))
    for view in list(views):
        if any(char in view for char in _UNSEEN):
            views.append(view.translate(_WITHOUT_UNSEEN))
    return views


def masked_context(text: str, hit: PnrMatch) -> str:
    """About 30 characters either side of a hit on its own line, whole words, every number in it masked."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, hit.start - _CONTEXT)
    while start > line_start and not text[start - 1].isspace() and hit.start - start < 2 * _CONTEXT:
        start -= 1  # a whole word (or a whole number, so it is masked too), not a cut one
    end = min(line_end, hit.end + _CONTEXT)
    while end < line_end and not text[end].isspace() and end - hit.end < 2 * _CONTEXT:
        end += 1
    snippet = f"{mask_all(text[start : hit.start])}{hit.masked}{mask_all(text[hit.end : end])}"
    return " ".join(snippet.split())


def scan_text(text: str, source: str, place: str = "", file_sha256: str = "") -> list[Finding]:
    """Findings in a text (every view of it), placed by line number when the text has several lines."""
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for view in text_views(text, markup=False):
        hits = find_pnr(view)
        newlines = [i for i, char in enumerate(view) if char == "\n"] if hits and "\n" in view else []
        for hit in hits:
            where = place
            if newlines:
                line = f"rad {bisect.bisect_left(newlines, hit.start) + 1}"
                where = f"{place}, {line}" if place else line
            if (where, hit.masked) not in seen:
                seen.add((where, hit.masked))
                findings.append(
                    Finding(source, where or "text", hit.masked, hit.kind, file_sha256, masked_context(view, hit))
                )
    return findings


def scan_values(values: Iterable[str], source: str, place: str, file_sha256: str, sink: Sink) -> None:
    """Findings in many separate values (each one string, never joined to the next), all at `place`."""
    seen: set[str] = set()
    for value in values:
        for view in text_views(value, markup=False):
            for hit in find_pnr(view):
                if hit.masked not in seen:
                    seen.add(hit.masked)
                    sink(Finding(source, place, hit.masked, hit.kind, file_sha256, masked_context(view, hit)))


class TextStream:
    """Finds numbers in text fed in chunks; places them by line ('rad N', or `place` + line).

    Every view of the text (entities, JSON escapes, markup) is scanned; a number seen in several
    views, or in two overlapping chunks, is reported once.
    """

    def __init__(
        self,
        source: str,
        sink: Sink,
        file_sha256: str = "",
        place: str = "",
        markup: bool = False,
        line_word: str = "rad",
        on_chunk: Callable[[str], None] | None = None,
    ) -> None:
        self.source = source
        self.sink = sink
        self.file_sha256 = file_sha256
        self.place = place
        self.markup = markup
        self.line_word = line_word
        self.on_chunk = on_chunk
        self._pending = ""
        self._line = 1  # line number of the first character of `_pending`
        self._seen: set[tuple[int, str]] = set()
        self._first = True

    def feed(self, text: str) -> None:
        buffer = self._pending + text
        if len(buffer) < CHUNK_CHARS:
            self._pending = buffer
            return
        cut = buffer.rfind("\n", len(buffer) // 2) + 1
        if cut > 0:
            self._scan(buffer[:cut], whole=True)
            self._line += buffer.count("\n", 0, cut)
            self._pending = buffer[cut:]
        else:  # a line longer than half a chunk: overlap
            self._scan(buffer, whole=False)
            keep = len(buffer) - _OVERLAP
            self._line += buffer.count("\n", 0, keep)
            self._pending = buffer[keep:]

    def close(self) -> None:
        self._scan(self._pending, whole=True)
        self._pending = ""

    def _scan(self, chunk: str, whole: bool) -> None:
        if self.on_chunk is not None:
            self.on_chunk(chunk)
        first_line = self._line
        self._seen = {key for key in self._seen if key[0] >= first_line}
        multi_line = not self._first or "\n" in chunk or not whole
        self._first = False
        for view in text_views(chunk, self.markup):
            limit = len(view) if whole else len(view) - _END_GUARD
            hits = [hit for hit in find_pnr(view) if hit.end <= limit]
            if not hits:
                continue
            line, counted = first_line, 0
            for hit in hits:  # in order: count the line breaks between one hit and the next
                line += view.count("\n", counted, hit.start)
                counted = hit.start
                key = (line, hit.masked)
                if key in self._seen:
                    continue
                self._seen.add(key)
                where = self.place
                if multi_line:
                    where = f"{self.place}, {self.line_word} {line}" if self.place else f"{self.line_word} {line}"
                finding = Finding(
                    self.source, where or "text", hit.masked, hit.kind, self.file_sha256, masked_context(view, hit)
                )
                self.sink(finding)


def stream_text_file(
    stream: BinaryIO,
    source: str,
    sink: Sink,
    file_sha256: str,
    markup: bool = False,
    on_chunk: Callable[[str], None] | None = None,
    read_bytes: int = CHUNK_CHARS,
    on_text: Callable[[str], None] | None = None,
) -> None:
    """Scan a text file chunk by chunk: its encoding guessed from its start, memory bounded by the chunk.

    `on_chunk` is given each chunk as it is scanned, `on_text` the text as it is decoded.
    """
    head = stream.read(65536)
    encoding, skip = guess_encoding(head)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = TextStream(source, sink, file_sha256, markup=markup, on_chunk=on_chunk)

    def feed(piece: str) -> None:
        text.feed(piece)
        if on_text is not None:
            on_text(piece)

    feed(decoder.decode(head[skip:]))
    while block := stream.read(read_bytes):
        feed(decoder.decode(block))
    feed(decoder.decode(b"", final=True))
    text.close()
