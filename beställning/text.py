"""Cleaning text pasted from other programs so that it can go into JSON, XML and Word.

Word's XML cannot hold most C0 control characters: a vertical tab (\\x0b, Word's own manual line
break when copied out) or a form feed (\\x0c, page break) becomes a line break; NUL and the other
controls are dropped. Emoji, right-to-left scripts and long texts are kept as they are.
"""

from __future__ import annotations

import re

_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\r": None, "\u2028": "\n", "\u2029": "\n"})
# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Return `value` fit for XML: line breaks normalised to \\n, forbidden control characters removed."""
    value = value.replace("\r\n", "\n").translate(_LINE_BREAKS)
    return _NOT_XML.sub("", value)


def one_line(value: str) -> str:
    """Clean text for a single-line place (a header, a file name part): whitespace runs become one space."""
    return " ".join(clean_text(value).split())
