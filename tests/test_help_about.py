"""Hjälp: the help page answers what FK's page answers, with sources; About shows versions and data dates."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from beställning.data_dates import DataDate, bundled_data_dates, newest_date
from resources import resource
from ui.about_dialog import AboutBox, versions
from ui.help_page import HelpDialog, help_html
from ui.main_window import MainWindow

# What FK's order page says (shared/domain.md §2, §3, §5), as the help must say it.
FACTS_SV = ["två arbetsdagar", "utkast till offert", "sekretessprövar", "850 kronor per arbetstimme exklusive moms",
            "alltid en offert", "1–3 månader efter leverans", "sex månader efter leverans", "rekommenderad post",
            "först när beslut om utlämnande", "95 %", "tre månader", "nio månader",
            "statistikenheten@forsakringskassan.se"]
FACTS_EN = ["two working days", "draft quote", "secrecy review", "850 kronor per working hour excluding VAT",
            "always sends a quote", "1–3 months after delivery", "six months after delivery", "registered post",
            "only after the decision on release", "95 %", "three months", "nine months",
            "statistikenheten@forsakringskassan.se"]


@pytest.mark.parametrize(("name", "facts"), [("help_sv.html", FACTS_SV), ("help_en.html", FACTS_EN)])
def test_help_states_fks_rules(name: str, facts: list[str]) -> None:
    text = re.sub(r"<[^>]+>", "", resource("help", name).read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", text)
    for fact in facts:
        assert fact in text, fact


@pytest.mark.parametrize("name", ["help_sv.html", "help_en.html"])
def test_every_rule_of_fk_has_its_source(name: str) -> None:
    """Each list item that states a rule of FK's ends with a bracketed source, or says it is the app's reading."""
    html = resource("help", name).read_text(encoding="utf-8")
    body = html.split("<h2>", 2)[2]  # after "how to begin", which describes the app itself
    body = body.rsplit("<h2>", 1)[0]  # before the list of sources
    for item in re.findall(r"<li>(.*?)</li>", body, flags=re.S):
        plain = re.sub(r"<[^>]+>", "", item)
        cited = re.search(r"\[(FK-stat|FK-forsk|Lag 1930:173|Projektets domänbeskrivning|Project domain brief)", plain)
        own = re.search(r"Appens tolkning|The app's interpretation|Appen |The app|Appens katalog", plain)
        assert cited or own, plain


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_help_dialog_shows_the_page_in_the_ui_language(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                        lang: str) -> None:
    from ui import i18n

    monkeypatch.setenv("BESTALLNING_LANG", lang)
    i18n.ui_language.cache_clear()
    try:
        dialog = HelpDialog()
        qtbot.addWidget(dialog)
        shown = dialog.browser.toPlainText()
        assert ("Gallring" if lang == "sv" else "Retention") in shown
        assert help_html() == resource("help", f"help_{lang}.html").read_text(encoding="utf-8")
    finally:
        i18n.ui_language.cache_clear()


def test_data_dates_are_those_the_files_state() -> None:
    dates = {item.key: item for item in bundled_data_dates()}
    assert set(dates) == {"form", "catalog", "cost"}
    assert dates["form"].as_of == newest_date(dates["form"].source)
    assert dates["cost"].as_of is not None and "850" in dates["cost"].source
    assert all(item.as_of is not None for item in dates.values())


def test_newest_date_ignores_impossible_dates() -> None:
    assert newest_date("uppdaterad 2025-04-09, beslutad 2025-02-14") == date(2025, 4, 9)
    assert newest_date("2025-13-01 och 2025-02-30") is None
    assert newest_date("") is None


def test_staleness_is_a_year() -> None:
    item = DataDate("cost", "Timpris", date(2025, 4, 9), "FK")
    assert not item.is_stale(date(2026, 4, 9))
    assert item.is_stale(date(2026, 4, 10))
    assert DataDate("form", "Blankett", None, "").is_stale(date(2025, 1, 1))


def test_about_shows_versions_dates_and_warns_when_old(qtbot: QtBot) -> None:
    as_of = {item.key: item.as_of for item in bundled_data_dates()}
    fresh = AboutBox(today=max(d for d in as_of.values() if d))
    old = AboutBox(today=date(2099, 1, 1))
    qtbot.addWidget(fresh)
    qtbot.addWidget(old)
    assert not fresh.stale and "äldre än ett år" not in fresh.text()
    assert old.stale and "äldre än ett år" in old.text() and "365 dagar" in old.text()
    for name, version in versions():
        assert f"{name} {version}" in old.text()
    for when in as_of.values():
        assert when is not None and when.isoformat() in old.text()
    assert {"Python", "Qt", "PySide6", "python-docx", "holidays"} <= {name for name, _v in versions()}
    assert all(version not in ("?", "-") for _n, version in versions())


def test_help_menu_opens_the_log_folder(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fresh_home: object) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = MainWindow()
    qtbot.addWidget(window)
    assert {"help", "log_folder", "about"} <= set(window.actions_by_name)
    window.actions_by_name["log_folder"].trigger()
    from beställning import logs

    assert opened == [str(logs.log_dir())]
    assert str(logs.log_dir()) in window.statusBar().currentMessage()
