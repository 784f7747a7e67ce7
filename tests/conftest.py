"""Shared fixtures: offscreen Qt, a fresh user folder per test, an in-memory keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fixtures shared by several test modules (a module's own fixture of the same name wins).
pytest_plugins = ["tests.register_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, config and drafts folders (BESTALLNING_HOME)."""
    home = tmp_path / "home"
    monkeypatch.setenv("BESTALLNING_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[object]:
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    store: dict[tuple[str, str], str] = {}

    class _Backend(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if (service, username) not in store:
                raise PasswordDeleteError(username)
            del store[(service, username)]

    previous = keyring.get_keyring()
    backend = _Backend()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def no_modal_question_on_close(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-qt closes a test's windows before fixtures end: if a debounced check (the summary's gate,
    the ethics panel) has just started, the window would ask "Vänta?" in a modal box nobody answers.
    Tests answer "wait" (the work finishes with the event loop running); tests of the box set their own.
    """
    if "qtbot" in request.fixturenames:
        from ui import main_window

        monkeypatch.setattr(main_window, "ask_wait_for_work", lambda _parent: True)


@pytest.fixture(autouse=True)
def no_leftover_background_work(request: pytest.FixtureRequest) -> Iterator[None]:
    """A Qt test must not leave a worker thread running (it would touch a later test's widgets)."""
    yield
    if "qtbot" in request.fixturenames:
        from ui.workers import wait_for_all

        assert wait_for_all(10_000), "background work still running after the test"


@pytest.fixture
def app_style(qapp: object) -> Iterator[None]:
    """The app's own style sheet (padding makes widgets wider than Qt's default style)."""
    from PySide6.QtWidgets import QApplication

    from ui.style import STYLE_SHEET

    assert isinstance(qapp, QApplication)
    previous = qapp.styleSheet()
    qapp.setStyleSheet(STYLE_SHEET)
    yield
    qapp.setStyleSheet(previous)
