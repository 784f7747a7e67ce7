"""`bestallning package` and `bestallning send` end to end, with the real form renderer and a local server."""

from __future__ import annotations

import email
import email.policy
import io
import sys
from pathlib import Path
from typing import Any

import pytest

from beställning.cli import main as cli_main
from beställning.order import Attachment, load_order
from beställning.send.smtp import SMTP_HOST, SMTP_PORT, SMTP_SECURITY, SMTP_USER
from beställning.settings import SettingsStore
from tests.test_send_package import PNR, RECIPIENT, research_order
from tests.test_smtp_server import PASSWORD, USER, Cert, server_factory  # noqa: F401  (fixture)
from tests.test_smtp_server import cert as cert


@pytest.fixture
def order_file(tmp_path: Path) -> Path:
    path = tmp_path / "order.json"
    research_order(tmp_path / "bilagor").save(path)
    return path


def send_args(server: Any, order_file: Path, cert: Cert, *extra: str) -> list[str]:
    return [
        "send",
        str(order_file),
        "--server",
        "127.0.0.1",
        "--port",
        str(server.port),
        "--security",
        "starttls",
        "--user",
        USER,
        "--cafile",
        str(cert.cert),
        "--password-stdin",
        *extra,
    ]


def with_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_package_writes_a_draft(order_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "utkast.eml"
    assert cli_main(["package", str(order_file), "-o", str(out), "--folder", str(tmp_path / "mapp")]) == 0
    parsed = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert parsed["X-Unsent"] == "1"
    assert parsed["To"] == RECIPIENT
    names = [a.get_filename() for a in parsed.iter_attachments()]
    assert names[0].startswith("01 Beställning – ") and names[0].endswith(".docx")
    assert "07 Variabelval.xlsx" in names and len(names) == 8
    assert len(list((tmp_path / "mapp").iterdir())) == 1
    assert "Utkast sparat" in capsys.readouterr().out


def test_package_stops_a_key_file(order_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    order = load_order(order_file)
    key = tmp_path / "nyckelfil.xlsx"
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "LopNr", "Personnummer", 1, 198112189876
    workbook.save(key)
    order.attachments.append(Attachment("ovrigt", str(key), "Population"))
    order.save(order_file)
    out = tmp_path / "utkast.eml"
    assert cli_main(["package", str(order_file), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "09 Population.xlsx: blad ”Sheet”, cell B2: 19811218-****" in err
    assert "rekommenderad post" in err
    assert not out.exists()


def test_package_unreadable_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["package", str(tmp_path / "saknas.json"), "-o", str(tmp_path / "u.eml")]) == 2
    assert "finns inte" in capsys.readouterr().err


def test_send_records_and_asks_before_resending(
    server_factory: Any,  # noqa: F811
    cert: Cert,
    order_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = server_factory("starttls", auth=True)
    with_stdin(monkeypatch, PASSWORD + "\n")
    assert cli_main(send_args(server, order_file, cert)) == 0
    assert len(server.received) == 1
    arrived = server.received[0].message()
    attachments = {a.get_filename(): a.get_content() for a in arrived.iter_attachments()}
    order = load_order(order_file)
    assert len(order.sent) == 1
    record = order.sent[0]
    assert record.message_id == arrived["Message-ID"]
    assert record.recipients == [RECIPIENT]
    import hashlib

    assert {a["name"]: a["sha256"] for a in record.attachments} == {
        name: hashlib.sha256(data).hexdigest() for name, data in attachments.items()
    }
    assert "Skickat till" in capsys.readouterr().out

    with_stdin(monkeypatch, PASSWORD + "\n")  # not a terminal: a second send needs --yes
    assert cli_main(send_args(server, order_file, cert)) == 1
    assert "Vill du skicka den igen? " in capsys.readouterr().err
    assert len(server.received) == 1

    with_stdin(monkeypatch, PASSWORD + "\n")
    assert cli_main(send_args(server, order_file, cert, "--yes")) == 0
    assert len(server.received) == 2
    assert len(load_order(order_file).sent) == 2


def test_send_wrong_password_records_nothing(
    server_factory: Any,  # noqa: F811
    cert: Cert,
    order_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = server_factory("starttls", auth=True)
    with_stdin(monkeypatch, "fel\n")
    assert cli_main(send_args(server, order_file, cert)) == 4
    assert "fel användarnamn eller lösenord" in capsys.readouterr().err
    assert load_order(order_file).sent == []


def test_send_uses_settings_and_keychain(
    server_factory: Any,  # noqa: F811
    cert: Cert,
    order_file: Path,
) -> None:
    from beställning.secrets import default_store, smtp_account

    server = server_factory("starttls", auth=True)
    store = SettingsStore()
    store.set(SMTP_HOST, "127.0.0.1")
    store.set(SMTP_PORT, server.port)
    store.set(SMTP_SECURITY, "starttls")
    store.set(SMTP_USER, USER)
    assert default_store().set(smtp_account("127.0.0.1", USER), PASSWORD)  # the in-memory test keyring
    assert cli_main(["send", str(order_file), "--cafile", str(cert.cert)]) == 0
    assert server.logins == [(USER.encode(), PASSWORD.encode("utf-8"))]
    assert PASSWORD not in (Path(store.path).read_text(encoding="utf-8"))


def test_send_with_personnummer_in_free_text_sends_nothing(
    server_factory: Any,  # noqa: F811
    cert: Cert,
    order_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = server_factory("starttls", auth=True)
    order = load_order(order_file)
    order.set("population.beskrivning", f"Personer som {PNR}")
    order.save(order_file)
    with_stdin(monkeypatch, PASSWORD + "\n")
    assert cli_main(send_args(server, order_file, cert)) == 1
    assert "fältet ”Population”" in capsys.readouterr().err
    assert server.received == [] and server.logins == []


def test_send_without_server(order_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["send", str(order_file)]) == 1
    assert "SMTP-server" in capsys.readouterr().err


def test_package_too_big_gives_advice(order_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "utkast.eml"
    assert cli_main(["package", str(order_file), "-o", str(out), "--max-mb", "0.01"]) == 1
    err = capsys.readouterr().err
    assert "mer än gränsen" in err and "dela upp" in err
    assert not out.exists()
