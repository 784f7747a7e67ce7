"""Data the app ships (see README.md here), read the same way from a checkout, a wheel, a zip and a bundle.

`resource("catalog", "benefits.json").read_text(encoding="utf-8")` joins one path step at a time:
`files(...).joinpath(a, b)` with two arguments raises on Python 3.11 for a namespace package or a
zip, and `Path(str(traversable))` names no real file inside a zip. Code that needs a real file
(Qt's translator) uses `as_file`, which is the file itself when there is one and a temporary copy
otherwise. This package has an `__init__.py` on purpose: without it, a bundle or a zip makes
`resources` a namespace package.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """The shipped file or folder `resources/<parts...>` (need not exist; check `.is_file()`)."""
    from importlib import resources  # imported here: ~10 ms that the app's first window need not pay

    node = resources.files(__name__)
    for part in parts:
        node = node / part
    return node


@contextlib.contextmanager
def as_file(*parts: str) -> Iterator[Path]:
    """A real file system path of a shipped file for as long as the `with` block lasts."""
    from importlib import resources

    with resources.as_file(resource(*parts)) as path:
        yield path
