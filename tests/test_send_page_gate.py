"""The send page passes the same gate: a refused order cannot leave by any button, and nothing arrives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_send_gate import SPOILERS
from tests.test_send_package import research_order
from tests.test_send_page import check, configure_smtp, page, shot  # noqa: F401  (fixture)
from tests.test_smtp_server import cert, server_factory  # noqa: F401  (fixture)


@pytest.mark.parametrize("spoil", sorted(SPOILERS))
def test_the_page_refuses_what_the_gate_refuses(
    spoil: str,
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    server_factory: Any,  # noqa: F811
) -> None:
    server = server_factory("starttls", auth=True)
    order = SPOILERS[spoil](research_order(tmp_path / "in"))
    page.set_order(order)
    check(qtbot, page)
    assert page.verdict.text().startswith("Stoppad")
    assert not any(b.isEnabled() for b in (page.send_button, page.eml_button, page.folder_button))
    configure_smtp(page, server.port)
    page.ask_save_path = lambda suggestion: tmp_path / "utkast.eml"
    page.ask_folder = lambda: tmp_path / "mapp"
    for way_out in (page.start_send, page.save_eml, page.save_folder, page.open_mailer):
        way_out()  # a keyboard shortcut or a stale button must not get past the gate either
        qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert server.received == []
    assert not (tmp_path / "utkast.eml").exists() and not (tmp_path / "mapp").exists()
    assert order.sent == []
    assert page.status.text()  # says why


def test_a_picture_stops_the_send_until_the_user_has_looked_at_it(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Text in a picture cannot be read: the page stops, says so, and sends once the user has looked."""
    from beställning.order import Attachment
    from tests.test_clearances_in_the_gate import answering_dialog

    monkeypatch.setattr("ui.send_page.ScanFindingsDialog", answering_dialog("Organisationsschema, bara namn"))
    order = research_order(tmp_path / "in")
    picture = tmp_path / "in" / "organisation.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    order.attachments.append(Attachment("ovrigt", str(picture), "Organisationsschema"))
    page.set_order(order)
    check(qtbot, page)
    assert page.verdict.text().startswith("Stoppad") and page.findings_button.isVisible()
    assert "titta på själv" in page.guard_text.toPlainText()
    assert "Personnummer hittades" not in page.guard_text.toPlainText()
    shot(page, "picture_to_look_at")
    page.review_findings()
    qtbot.waitUntil(lambda: not page.busy and page.checked is not None, timeout=30_000)
    assert page.checked.sendable
    assert page.verdict.text().startswith("Klart att skicka")
