"""Finding Swedish words in extracted document text, honestly.

Three things make a plain substring search lie about an ethics application (etikansökan):
- word forms: "föräldrapenning" must find "föräldrapenningen", "föräldrapenningens" and the compound
  "föräldrapenningdagar", but "sjukpenning" must not be found inside "arbetsskadesjukpenning";
- hyphenation at line ends in PDFs: "föräldra-⏎penning" is one word, while "sjuk-⏎och" keeps its
  hyphen (a Swedish suspended compound, "sjuk- och rehabiliteringspenning");
- å/ä/ö and accents: text from some PDFs loses them ("foraldrapenning") or decomposes them.

A `Term` is written as words: a trailing `*` allows any ending (inflection, compounds), `a|b` offers
alternatives for one word, `~` allows one other word in between, and a word ending in `-` is a
suspended compound ("sjuk- och …"). Matching runs on a folded copy of the text (same length, so an
offset is an offset into the text the quote comes from) and on a second copy in which line-end
hyphens are joined; a hit in either counts.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from beställning.catalog.folding import fold

_LIGATURES = re.compile("[\ufb00-\ufb06]")
_SOFT_HYPHEN_AT_LINE_END = re.compile("\u00ad[ \t]*\n")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A hyphen at the end of a line between two letters (in folded text: lowercase, no diacritics).
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\n\s*(?=[^\W\d_])")  # after a letter: checked in _join_hyphens
# In a quote, a line-end hyphen before these words is a suspended compound and stays ("sjuk- och").
_KEEPS_HYPHEN = re.compile(r"(?:och|eller|samt|resp|respektive|som|till|utan)\b", re.IGNORECASE)
_QUOTE_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010\u2011][ \t]*\n\s*(?=[^\W\d_])")
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n|\f")
_PARAGRAPH_END = re.compile(r"[.!?;](?=\s)|\n|\f")
# In a PDF a line break ends a sentence only after a short line (a heading) before a capital letter.
_SHORT_LINE_END = re.compile(r"(?:^|(?<=\n))[^\n\f]{1,50}(?<![,\-])(\n)(?=[^\W\d_])", re.MULTILINE)
PAGE_BREAK = "\f"


def prepare(text: str) -> str:
    """Text as it is quoted: composed characters, ligatures spelled out, soft hyphens resolved."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _SOFT_HYPHEN_AT_LINE_END.sub("-\n", text)
    return _INVISIBLE.sub("", text)


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One character folded to exactly one character: lowercase, no diacritics; line ends kept."""
    if char in "\n\f":
        return char
    if char in "\u2010\u2011\u2012\u2212":
        return "-"
    if char.isspace():
        return " "
    folded = fold(char)
    return folded[0] if folded else char


def fold_same_length(text: str) -> str:
    """`text` folded character by character, so that offsets stay offsets into `text`."""
    table = {ord(char): _fold_char(char) for char in set(text)}
    return text.translate(table)


@dataclass(frozen=True)
class Hit:
    """Where a term was found in a `SearchText`: offsets into its `text`."""

    start: int
    end: int


class SearchText:
    """One document's text, prepared once and searched for many terms.

    Pages are joined with a form feed, so that a hit knows its page and a quote stops at a page end.
    """

    def __init__(self, pages: list[str] | tuple[str, ...], paragraphs: bool = False) -> None:
        """`paragraphs`: each line is a paragraph (Word, OpenDocument), not a line of a laid-out page (PDF)."""
        self._ends = _PARAGRAPH_END if paragraphs else _SENTENCE_END
        self._headings = not paragraphs
        prepared = [prepare(page).replace(PAGE_BREAK, "\n") for page in pages]
        self.text = PAGE_BREAK.join(prepared)
        self.page_starts: list[int] = []
        offset = 0
        for page in prepared:
            self.page_starts.append(offset)
            offset += len(page) + 1
        self.folded = fold_same_length(self.text)
        self.joined, self._joined_starts, self._shifts = _join_hyphens(self.folded)

    def page_of(self, offset: int) -> int:
        """The 1-based page an offset falls on."""
        return bisect.bisect_right(self.page_starts, offset)

    def _to_text(self, offset: int) -> int:
        index = bisect.bisect_right(self._joined_starts, offset) - 1
        return offset + (self._shifts[index] if index >= 0 else 0)

    def find(self, pattern: re.Pattern[str], word_start: bool = False) -> Iterator[Hit]:
        """Hits of a folded-text pattern, in text order, each once, from both copies of the text.

        Lazy, so asking for the first hit costs one short search. `word_start`: a hit must begin a
        word (checked here rather than by a look-behind, which would make every search crawl).
        """
        streams = [self._hits_in(self.folded, pattern, word_start, None)]
        if self._joined_starts:
            streams.append(self._hits_in(self.joined, pattern, word_start, self._to_text))
        last = -1
        for hit in heapq.merge(*streams, key=lambda found: found.start):
            if hit.start != last:
                last = hit.start
                yield hit

    @staticmethod
    def _hits_in(
        text: str, pattern: re.Pattern[str], word_start: bool, to_text: Callable[[int], int] | None
    ) -> Iterator[Hit]:
        for match in pattern.finditer(text):
            start, end = match.span()
            if word_start and start and text[start - 1] in _WORD_SET:
                continue
            if to_text is None:
                yield Hit(start, end)
            else:
                yield Hit(to_text(start), to_text(end - 1) + 1)

    def quote(self, hit: Hit, width: int = 80) -> str:
        """The sentence around a hit (at most about `width` characters on each side), on one line."""
        text = self.text
        low = max(0, hit.start - width)
        high = min(len(text), hit.end + width)
        page_end = text.find(PAGE_BREAK, hit.end)
        if page_end != -1:
            high = min(high, page_end)
        page_start = text.rfind(PAGE_BREAK, 0, hit.start)
        low = max(low, page_start + 1)
        before = [m.end() for m in self._ends.finditer(text, low, hit.start)] + self._heading_ends(low, hit.start)
        cut_left = not before and low > 0 and text[low - 1] != PAGE_BREAK
        if before:
            low = max(before)
        elif cut_left:
            space = text.find(" ", low, hit.start)
            low = space + 1 if space != -1 else low
        ends = [m.start() + (text[m.start()] in ".!?;") for m in self._ends.finditer(text, hit.end, high)]
        ends += self._heading_ends(hit.end, high)
        cut_right = not ends and high < len(text) and text[high] != PAGE_BREAK
        if ends:
            high = min(ends)
        elif cut_right:
            space = text.rfind(" ", hit.end, high)
            high = space if space != -1 else high
        snippet = _join_for_reading(text[low:high])
        return ("…" if cut_left else "") + snippet + ("…" if cut_right else "")

    def _heading_ends(self, low: int, high: int) -> list[int]:
        """Offsets of line breaks after short lines (headings) between `low` and `high`."""
        if not self._headings:
            return []
        start = self.text.rfind("\n", 0, low) + 1
        return [m.start(1) for m in _SHORT_LINE_END.finditer(self.text, start, high) if low <= m.start(1) < high]


def _join_hyphens(folded: str) -> tuple[str, list[int], list[int]]:
    """`folded` with line-end hyphens joined, and how to map its offsets back.

    `starts[i]` is an offset in the joined text from which `shifts[i]` characters were removed before it.
    """
    parts: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    last = 0
    removed = 0
    for match in _LINE_END_HYPHEN.finditer(folded):
        if not match.start() or not folded[match.start() - 1].isalpha():
            continue
        parts.append(folded[last : match.start()])
        starts.append(match.start() - removed)  # where the next letter lands in the joined text
        removed += match.end() - match.start()
        shifts.append(removed)
        last = match.end()
    if not starts:
        return folded, [], []
    parts.append(folded[last:])
    return "".join(parts), starts, shifts


def _join_for_reading(snippet: str) -> str:
    """A snippet on one line: line-end hyphens joined unless a suspended compound, spaces collapsed."""

    def join(match: re.Match[str]) -> str:
        return match.group() if _KEEPS_HYPHEN.match(snippet, match.end()) else ""

    joined = _QUOTE_HYPHEN.sub(join, snippet)
    return " ".join(joined.split())


# --- terms --------------------------------------------------------------------------------------------

_WORD_CHARS = "a-z0-9"
_WORD_SET = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_GAP = r"(?:\s+[^\s]+)?"


def _word(word: str) -> str:
    open_end = word.endswith("*")
    stem = fold(word.rstrip("*"))
    if not stem:
        raise ValueError(f"tomt ord i sökterm: {word!r}")
    body = re.escape(stem)
    if open_end:
        return body + f"[{_WORD_CHARS}]*"
    if stem[-1].isalnum():
        return body + f"(?![{_WORD_CHARS}])"
    return body


@lru_cache(maxsize=1024)
def compile_term(term: str) -> re.Pattern[str]:
    """A term (see the module docstring) as a pattern for folded text."""
    pieces: list[str] = []
    previous = ""
    for token in term.split():
        if token == "~":
            pieces.append(_GAP)
            continue
        if previous:
            pieces.append(r"\s*" if previous.endswith("-") else r"\s+")
        alternatives = [_word(word) for word in token.split("|")]
        pieces.append(alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")")
        previous = token
    if not previous:
        raise ValueError(f"tom sökterm: {term!r}")
    return re.compile("".join(pieces))  # the word start is checked by SearchText.find


@lru_cache(maxsize=256)
def _blocker(word: str) -> re.Pattern[str]:
    """A word that, standing right before a hit, disqualifies it."""
    return re.compile(rf"(?<![{_WORD_CHARS}])" + compile_term(word).pattern + r"\s+$")


@dataclass(frozen=True)
class Term:
    """A phrase to look for, and words that must not stand right before it.

    `not_after` keeps "föräldrapenning" from being found in "tillfällig föräldrapenning".
    """

    phrase: str
    not_after: tuple[str, ...] = ()
    uppercase: bool = False  # an acronym (LISA): the text must be in capitals too

    def find(self, text: SearchText) -> Iterator[Hit]:
        blockers = [_blocker(word) for word in self.not_after]
        for hit in text.find(compile_term(self.phrase), word_start=True):
            if self.uppercase and not text.text[hit.start : hit.end].isupper():
                continue
            window = text.folded[max(0, hit.start - 40) : hit.start]
            if any(blocker.search(window) for blocker in blockers):
                continue
            yield hit

    def occurs_in(self, text: SearchText, start: int, end: int) -> bool:
        """Whether the phrase occurs in the folded text between two offsets (a cue near a hit)."""
        folded = text.folded
        for match in compile_term(self.phrase).finditer(folded, max(0, start), max(0, end)):
            if not match.start() or folded[match.start() - 1] not in _WORD_SET:
                return True
        return False
