"""The English translation (resources/i18n): complete, compiled, covering every tr() string, and loaded.

Swedish is the source language; packaging/update_translations.sh collects the strings and compiles the
.qm. These tests fail when a new string is not translated, when the .qm was not rebuilt, or when a
tr() call cannot be found by lupdate at all.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
TS = ROOT / "resources" / "i18n" / "bestallning_en.ts"
QM = ROOT / "resources" / "i18n" / "bestallning_en.qm"
# The same flags as packaging/update_translations.sh, so the output must be byte for byte the same.
LRELEASE_FLAGS = ["-silent", "-nounfinished", "-fail-on-invalid"]
# Qt's %1 and %n, Python's %s/%d applied after tr(), and str.format fields such as {0}, {rate}, {1:.1f}.
PLACEHOLDER = re.compile(r"%(?:n|L?\d{1,2}|s|d)|\{[^{}]*\}")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _edges(text: str) -> tuple[str, str]:
    """Leading and trailing whitespace: code glues these strings to others, so both must keep them."""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    plural: bool
    finished: bool
    texts: tuple[str, ...]


def _messages() -> list[Message]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            plural = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif plural:
                texts = tuple(form.text or "" for form in translation.findall("numerusform"))
            else:
                texts = (translation.text or "",)
            finished = translation is not None and translation.get("type") is None
            found.append(Message(name, message.findtext("source") or "", plural, finished, texts))
    return found


@dataclass(frozen=True)
class TrCall:
    path: str
    line: int
    context: str  # self.tr: the enclosing class (Qt looks under the object's class names); else the one named
    source: str | None  # None when the text is not a string literal
    call: str  # the call as written, e.g. "self.tr(label)"
    receiver: str  # "self", another object ("window"), or one of EXPLICIT
    plural: bool
    in_fstring: bool


# Calls that name their context themselves; lupdate reads these too.
EXPLICIT = {"QCoreApplication.translate", "QApplication.translate", "QGuiApplication.translate", "QT_TRANSLATE_NOOP"}


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _as_tr_call(node: ast.Call, context: str, path: str, in_fstring: bool) -> TrCall | None:
    args, func = node.args, node.func
    plural_keyword = any(k.arg == "n" for k in node.keywords)
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        receiver = ast.unparse(func.value)
        first = args[0] if args else None
        call = f"{receiver}.tr({ast.unparse(first) if first else ''})"
        plural = len(args) >= 3 or plural_keyword
        return TrCall(path, node.lineno, context, _literal(first), call, receiver, plural, in_fstring)
    name = ast.unparse(func)
    if name in EXPLICIT and len(args) >= 2:
        call = f"{name}({ast.unparse(args[0])}, {ast.unparse(args[1])})"
        plural = len(args) >= 4 or plural_keyword
        return TrCall(path, node.lineno, _literal(args[0]) or "", _literal(args[1]), call, name, plural, in_fstring)
    return None


def _calls_in(node: ast.AST, context: str, path: str, in_fstring: bool = False) -> Iterator[TrCall]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            yield from _calls_in(child, child.name, path, in_fstring)
            continue
        if isinstance(child, ast.Call) and (found := _as_tr_call(child, context, path, in_fstring)):
            yield found
        yield from _calls_in(child, context, path, in_fstring or isinstance(child, ast.JoinedStr))


def _tr_calls() -> list[TrCall]:
    calls = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        calls.extend(_calls_in(tree, "", path.relative_to(ROOT).as_posix()))
    return calls


def _lrelease() -> Path:
    import PySide6

    for candidate in (
        Path(sys.executable).with_name("pyside6-lrelease"),
        Path(PySide6.__file__).parent / "lrelease",
        Path(PySide6.__file__).parent / "lrelease.exe",
    ):
        if candidate.exists():
            return candidate
    raise AssertionError("lrelease not found: it ships with PySide6-Essentials")


# --- (a) complete ----------------------------------------------------------------------------------


def test_every_message_has_a_finished_translation_with_the_sources_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 200, "the .ts looks empty: run packaging/update_translations.sh"
    problems = []
    for m in messages:
        label = f"{m.context}: {m.source!r}"
        if not m.finished:
            problems.append(f"{label}: unfinished")
        if m.plural and len(m.texts) != 2:
            problems.append(f"{label}: English needs 2 plural forms, has {len(m.texts)}")
        for text in m.texts:
            if not text.strip():
                problems.append(f"{label}: empty translation")
            elif _placeholders(text) != _placeholders(m.source):
                problems.append(f"{label}: placeholders {_placeholders(text)} != {_placeholders(m.source)}")
            elif _edges(text) != _edges(m.source):
                problems.append(f"{label}: leading/trailing spaces differ from the source in {text!r}")
    assert not problems, "translate with packaging/fill_translations.py, then run update_translations.sh:\n" + (
        "\n".join(problems)
    )


def test_plural_messages_use_n_in_both_forms() -> None:
    plurals = [m for m in _messages() if m.plural]
    assert plurals, "the UI has %n messages; the .ts should mark them numerus"
    for m in plurals:
        assert "%n" in m.source
        assert all("%n" in text for text in m.texts), m


def test_the_english_does_not_keep_obviously_swedish_words() -> None:
    """A cheap guard against a source string pasted as its own translation."""
    swedish = re.compile(r"\b(och|inte|beställning\w*|blankett\w*|förmån\w*|saknas|välj|spara|skicka)\b", re.I)
    PRODUCT = "Beställningsassistenten"  # the app's name is not translated
    quoted = re.compile(r"“[^”]*”")  # a Swedish title quoted on purpose, e.g. of an appendix in the .docx
    leftovers = [
        (m.source, t) for m in _messages() for t in m.texts if swedish.search(quoted.sub("", t.replace(PRODUCT, "")))
    ]
    assert not leftovers, leftovers


# --- (b) compiled ----------------------------------------------------------------------------------


def test_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    assert QM.exists(), "run packaging/update_translations.sh"
    fresh = tmp_path / "fresh.qm"
    result = subprocess.run(
        [str(_lrelease()), *LRELEASE_FLAGS, str(TS), "-qm", str(fresh)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is out of date: run packaging/update_translations.sh"


# --- (c) every string in the code is in the .ts ------------------------------------------------------


# tr() calls whose text Qt cannot find at run time, each staying Swedish in English mode until its owner fixes
# it; new ones fail the test below. Empty now: keep it so. The causes and the fixes:
# - `window.tr("…")` outside a class: lupdate files it under the context "window", Qt looks under
#   "MainWindow". Fix: QCoreApplication.translate("MainWindow", "…").
# - `self.tr(variable)`: lupdate sees no text. Fix: mark the texts where they are defined with
#   QT_TRANSLATE_NOOP("TheClass", "…") (a ui module; the domain imports no Qt). A call with a variable is
#   accepted only in a context that has such marks (which texts it gets is checked in section (e)).
# - `self.tr("…")` inside an f-string: lupdate does not look inside f-strings. Fix: move the call out.
KNOWN_UNREACHABLE: set[tuple[str, str]] = set()


def _marked_contexts(calls: list[TrCall], in_ts: dict[tuple[str, str], Message]) -> set[str]:
    """Contexts whose texts are marked with QT_TRANSLATE_NOOP (and are in the .ts)."""
    return {
        c.context
        for c in calls
        if c.receiver == "QT_TRANSLATE_NOOP" and c.source is not None and (c.context, c.source) in in_ts
    }


def _reachable(call: TrCall, in_ts: dict[tuple[str, str], Message], marked: Collection[str] = ()) -> bool:
    """Qt finds the text: a literal, in the .ts under the class the call is written in (self.tr) or the
    context it names (QCoreApplication.translate, QT_TRANSLATE_NOOP); or a variable translated in a
    context whose texts are marked with QT_TRANSLATE_NOOP."""
    named = call.receiver == "self" or call.receiver in EXPLICIT
    if not named or not call.context or call.in_fstring:
        return False
    if call.source is None:
        return call.receiver != "QT_TRANSLATE_NOOP" and call.context in marked
    return (call.context, call.source) in in_ts


def test_every_tr_text_in_ui_is_in_the_ts_under_its_class() -> None:
    calls = _tr_calls()
    assert len(calls) > 200, "the scan of ui/ found too few tr() calls to be working"
    in_ts = {(m.context, m.source): m for m in _messages()}
    marked = _marked_contexts(calls, in_ts)
    missing = []
    for c in calls:
        if _reachable(c, in_ts, marked) or (c.path, c.call) in KNOWN_UNREACHABLE:
            continue
        if (c.receiver != "self" and c.receiver not in EXPLICIT) or not c.context:
            why = "lupdate cannot file this call under the class Qt looks in (see KNOWN_UNREACHABLE)"
        elif c.source is None:
            why = f"a variable, but no QT_TRANSLATE_NOOP({c.context!r}, …) marks its texts (see KNOWN_UNREACHABLE)"
        elif c.in_fstring:
            why = "lupdate does not look inside f-strings: move the tr() call out of the f-string"
        else:
            why = "not in the .ts: run packaging/update_translations.sh and translate it"
        missing.append(f"{c.path}:{c.line} [{c.context}] {c.call}: {why}")
    assert not missing, "\n".join(missing)
    # A fixed entry is not a failure (its owner may not own this file), but say so.
    unreachable = {(c.path, c.call) for c in calls if not _reachable(c, in_ts, marked)}
    for fixed in sorted(KNOWN_UNREACHABLE - unreachable):
        warnings.warn(f"fixed: remove it from KNOWN_UNREACHABLE in tests/test_i18n.py: {fixed}", stacklevel=1)
    wrong_kind = [
        f"{c.path}:{c.line}"
        for c in calls
        if c.source is not None and _reachable(c, in_ts) and c.plural != in_ts[(c.context, c.source)].plural
    ]
    assert not wrong_kind, f"plural (%n) calls not marked numerus in the .ts, or the reverse: {wrong_kind}"


def test_plural_tr_calls_are_not_inherited() -> None:
    """PySide6 (6.11) finds a plural translation only under the object's own class, not a base class."""
    plural_classes = {c.context for c in _tr_calls() if c.plural}
    subclasses = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(base).split(".")[-1] for base in node.bases}
                subclasses += [f"{path.name}: {node.name}({base})" for base in bases & plural_classes]
    assert not subclasses, subclasses


# --- (d) the app speaks English ------------------------------------------------------------------------


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[None]:
    """English chosen by BESTALLNING_LANG, the translator installed the way the app does it."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import _install_translation

    monkeypatch.setenv("BESTALLNING_LANG", "en")
    i18n.ui_language.cache_clear()
    assert isinstance(qapp, QApplication)
    before = set(qapp.findChildren(QTranslator))
    _install_translation(qapp)
    installed = [t for t in qapp.findChildren(QTranslator) if t not in before]
    assert installed, "the app installed no translator for English"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    i18n.ui_language.cache_clear()  # monkeypatch restores the variable; the next call reads it again


def test_main_window_is_english(english: None, qtbot: object) -> None:
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav == ["Orders", "Order", "Variable catalogue", "Send", "Settings"]
    assert window.windowTitle() == "Beställningsassistenten – individual-level data from Försäkringskassan (FK)"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Help"]
    assert window.actions_by_name["new"].text() == "&New order"

    from PySide6.QtWidgets import QLabel

    wizard = window.page("wizard")
    assert "What kind of order is it?" in {label.text() for label in wizard.findChildren(QLabel)}
    assert wizard.steps.item(0).text() == "Choice of form"  # type: ignore[attr-defined]


def test_plural_and_placeholder_messages_translate(english: None, qtbot: object) -> None:
    from PySide6.QtCore import QCoreApplication

    one = QCoreApplication.translate("SummaryPage", "%n problem måste rättas innan beställningen kan skickas.", "", 1)
    many = QCoreApplication.translate("SummaryPage", "%n problem måste rättas innan beställningen kan skickas.", "", 3)
    assert one == "1 problem must be fixed before the order can be sent."
    assert many == "3 problems must be fixed before the order can be sent."
    shown = QCoreApplication.translate("RegisterPage", "Visar %1 av %2 beställningar.").replace("%1", "2")
    assert shown.replace("%2", "5") == "Showing 2 of 5 orders."


def test_swedish_stays_the_default(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import _install_translation

    monkeypatch.setenv("BESTALLNING_LANG", "sv")
    i18n.ui_language.cache_clear()
    assert isinstance(qapp, QApplication)
    before = set(qapp.findChildren(QTranslator))
    try:
        _install_translation(qapp)
        added = set(qapp.findChildren(QTranslator)) - before
        # Only Qt's own Swedish (qtbase_sv, for dialog buttons); our texts stay in their Swedish source.
        assert [t.language().split("_")[0] for t in added] == ["sv"]
        assert QCoreApplication.translate("MainWindow", "&Ny beställning") == "&Ny beställning"
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            QCoreApplication.removeTranslator(translator)
            translator.setParent(None)
        i18n.ui_language.cache_clear()


# --- (e) texts held in variables, and the form definition, are English too ----------------------------


def test_domain_texts_shown_by_the_ui_are_all_marked() -> None:
    """The domain's Swedish process texts and SMTP labels, marked again in ui/: a reworded domain text
    would silently stay Swedish in English mode, so it must be marked (and translated) anew."""
    from beställning.process import STEPS
    from beställning.register.overview import ARCHIVED, DRAFT, ROUTE_LABELS
    from beställning.send.smtp import SECURITY_LABELS

    in_ts = {(m.context, m.source) for m in _messages()}
    process = {text for step in STEPS for text in (step.title, step.status, step.help)}
    process |= {ARCHIVED, DRAFT, *ROUTE_LABELS.values()}
    missing = sorted(text for text in process if ("Process", text) not in in_ts)
    missing += sorted(t for t in SECURITY_LABELS.values() if ("SmtpSettingsWidget", t) not in in_ts)
    assert not missing, "mark these in ui/register/labels.py or ui/smtp_settings.py: " + repr(missing)


def test_form_definition_has_english_help_wherever_it_has_swedish() -> None:
    from beställning.form import load_form

    form = load_form()
    missing = [r.id for r in form.routes if bool(r.help) != bool(r.help_en)]
    missing += [s.id for s in form.sections if bool(s.help) != bool(s.help_en)]
    missing += [f.id for f in form.all_fields() if bool(f.help) != bool(f.help_en)]
    assert not missing, missing


def test_register_wizard_and_settings_speak_english(english: None, qtbot: object) -> None:
    from datetime import date

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from beställning.form import load_form
    from beställning.process import STEPS
    from ui.register.display import fmt_date
    from ui.register.event_panel import EventPanel
    from ui.register.filters import FILTERS
    from ui.register.labels import process_text
    from ui.register.page import RegisterPage
    from ui.register.table_model import OrderTableModel
    from ui.smtp_settings import SmtpSettingsWidget
    from ui.wizard.field_editor import FieldEditor
    from ui.wizard.route_page import RoutePage

    model = OrderTableModel()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["Project", "Route", "Orderer", "Status", "Next step", "Date", "Modified"]
    panel = EventPanel(None, date.today)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    steps = [panel.step_combo.itemText(i) for i in range(panel.step_combo.count())]
    assert steps[0] == "Sent to FK" and len(steps) == len(STEPS)
    assert all(text != step.title for text, step in zip(steps, STEPS, strict=True)), steps
    assert process_text("Levererad") == "Delivered"
    assert process_text("Ett omformulerat steg") == "Ett omformulerat steg"  # unmarked: stays Swedish
    page = RegisterPage()
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    assert page.filter.itemText(0) == "All current" and page.filter.count() == len(FILTERS)
    smtp = SmtpSettingsWidget()
    qtbot.addWidget(smtp)  # type: ignore[attr-defined]
    assert smtp.security.itemText(0) == "STARTTLS (usually port 587)"
    assert fmt_date(date(2026, 12, 29)) == "Tue 2026-12-29"

    form = load_form()
    date_field = next(f for f in form.all_fields() if f.kind == "date")
    editor = FieldEditor(date_field)
    qtbot.addWidget(editor)  # type: ignore[attr-defined]
    assert editor.input.placeholderText() == "YYYY-MM-DD"  # type: ignore[attr-defined]
    orgnr = FieldEditor(form.field("bestallare.orgnr"))
    qtbot.addWidget(orgnr)  # type: ignore[attr-defined]
    texts = {label.text() for label in orgnr.findChildren(QLabel)}
    assert "Ten digits, e.g. 202100-5521. The check digit is verified." in texts
    route = RoutePage()
    qtbot.addWidget(route)  # type: ignore[attr-defined]
    assert route.buttons["forskning"].text() == "Order of individual data for research"


def test_swedish_mode_keeps_the_swedish_texts(monkeypatch: pytest.MonkeyPatch, qtbot: object) -> None:
    from datetime import date

    from ui import i18n
    from ui.register.display import fmt_date
    from ui.wizard.field_editor import FieldEditor
    from ui.wizard.route_page import RoutePage

    monkeypatch.setenv("BESTALLNING_LANG", "sv")
    i18n.ui_language.cache_clear()
    try:
        from beställning.form import load_form

        form = load_form()
        editor = FieldEditor(next(f for f in form.all_fields() if f.kind == "date"))
        qtbot.addWidget(editor)  # type: ignore[attr-defined]
        assert editor.input.placeholderText() == "ÅÅÅÅ-MM-DD"  # type: ignore[attr-defined]
        route = RoutePage()
        qtbot.addWidget(route)  # type: ignore[attr-defined]
        assert route.buttons["forskning"].text() == "Beställning av individdata för forskning"
        assert fmt_date(date(2026, 12, 29)) == "tis 2026-12-29"
    finally:
        i18n.ui_language.cache_clear()
