"""Fill the English translations (översättningar) of the UI from a JSON file, without hand-editing the .ts.

The .ts file (resources/i18n/bestallning_en.ts) stays the one place translations live; this script only
writes into it. Two steps:

    .venv/bin/python packaging/fill_translations.py --template todo.json   # unfinished sources -> JSON
    # translate the values in todo.json
    .venv/bin/python packaging/fill_translations.py todo.json              # JSON -> .ts, marked finished
                                                      # (an older .ts works too, e.g. from git show)
    packaging/update_translations.sh                                       # tidy the .ts, compile the .qm

The JSON maps a Swedish source text to its English text; for a plural message (%n) to a list
[singular, plural]. A translation whose placeholders (%1, %n, %s, {0}, {rate}) differ from the source's is refused,
so a typo cannot drop a value from the screen.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TS = ROOT / "resources" / "i18n" / "bestallning_en.ts"
# Qt's %1 and %n, Python's %s/%d applied after tr(), and str.format fields such as {0}, {rate}, {1:.1f}.
PLACEHOLDER = re.compile(r"%(?:n|L?\d{1,2}|s|d)|\{[^{}]*\}")
ENGLISH_FORMS = 2  # English has two plural forms: one, other


def placeholders(text: str) -> list[str]:
    """The Qt placeholders in a text, sorted, so the source and the translation can be compared."""
    return sorted(PLACEHOLDER.findall(text))


def messages(root: ET.Element) -> Iterator[ET.Element]:
    yield from root.iter("message")


def is_plural(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def source_of(message: ET.Element) -> str:
    return message.findtext("source") or ""


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if is_plural(message):
        forms = [form.text or "" for form in translation.findall("numerusform")]
        return bool(forms) and all(forms)
    return bool(translation.text)


def template(root: ET.Element) -> dict[str, str | list[str]]:
    """Every unfinished source text with an empty (or the current, unfinished) translation."""
    todo: dict[str, str | list[str]] = {}
    for message in messages(root):
        if is_finished(message):
            continue
        translation = message.find("translation")
        if is_plural(message):
            forms = [] if translation is None else [form.text or "" for form in translation.findall("numerusform")]
            todo[source_of(message)] = (forms + [""] * ENGLISH_FORMS)[:ENGLISH_FORMS]
        else:
            todo[source_of(message)] = "" if translation is None else (translation.text or "")
    return todo


def check(source: str, english: str | list[str], plural: bool) -> str | None:
    """Why `english` cannot be the translation of `source`, or None when it can."""
    if plural:
        if not isinstance(english, list) or len(english) != ENGLISH_FORMS or not all(english):
            return f"needs a list of {ENGLISH_FORMS} non-empty forms [singular, plural]"
        texts = english
    else:
        if not isinstance(english, str) or not english:
            return "needs a non-empty string"
        texts = [english]
    for text in texts:
        if placeholders(text) != placeholders(source):
            return f"placeholders {placeholders(text)} differ from the source's {placeholders(source)}"
    return None


def fill(root: ET.Element, translations: dict[str, str | list[str]], overwrite: bool) -> tuple[int, list[str]]:
    """Write translations into the messages; return how many were filled and the problems found."""
    filled = 0
    problems: list[str] = []
    for message in messages(root):
        source = source_of(message)
        if source not in translations or (is_finished(message) and not overwrite):
            continue
        english = translations[source]
        problem = check(source, english, is_plural(message))
        if problem:
            problems.append(f"{source!r}: {problem}")
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if is_plural(message):
            translation.text = None
            for text in english:
                ET.SubElement(translation, "numerusform").text = text
        else:
            assert isinstance(english, str)
            translation.text = english
        filled += 1
    return filled, problems


def write_ts(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    """Write the .ts with Qt's header; lupdate (update_translations.sh) re-indents it afterwards."""
    from beställning.atomic import write_text_atomic

    body = ET.tostring(tree.getroot(), encoding="unicode")
    write_text_atomic(path, '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


def finished_translations(root: ET.Element) -> dict[str, str | list[str]]:
    """Source -> translation of every finished message: the same Swedish text in another class (or in an
    older .ts, e.g. from before a string moved class) needs no new translation."""
    found: dict[str, str | list[str]] = {}
    for message in messages(root):
        if not is_finished(message):
            continue
        translation = message.find("translation")
        assert translation is not None
        if is_plural(message):
            found[source_of(message)] = [form.text or "" for form in translation.findall("numerusform")]
        else:
            found[source_of(message)] = translation.text or ""
    return found


def load_translations(path: Path) -> dict[str, str | list[str]]:
    if path.suffix == ".ts":
        return finished_translations(ET.parse(path).getroot())
    loaded = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise SystemExit(f"{path}: expected a JSON object mapping Swedish source texts to English")
    return loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "translations",
        nargs="*",
        type=Path,
        help="JSON (Swedish source -> English) or an older .ts; without one, only texts already "
        "translated elsewhere in the .ts are reused",
    )
    parser.add_argument("--ts", type=Path, default=DEFAULT_TS, help="the .ts file (default: %(default)s)")
    parser.add_argument("--template", type=Path, help="write the unfinished source texts to this JSON file")
    parser.add_argument("--overwrite", action="store_true", help="replace finished translations too")
    args = parser.parse_args(argv)

    tree = ET.parse(args.ts)
    root = tree.getroot()
    if args.template:
        todo = template(root)
        args.template.write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(todo)} unfinished source texts written to {args.template}")
        return 0
    translations = finished_translations(root)
    for path in args.translations:
        translations.update(load_translations(path))
    filled, problems = fill(root, translations, args.overwrite)
    for problem in problems:
        print("refused:", problem, file=sys.stderr)
    write_ts(tree, args.ts)
    left = sum(1 for message in messages(root) if not is_finished(message))
    print(f"{filled} messages filled, {left} still unfinished in {args.ts}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
