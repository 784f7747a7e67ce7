"""The send gate: one verdict for check, package, send and the send page; refusals leave nothing behind."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from beställning.cli import main as cli_main
from beställning.order import Attachment, Order, load_order
from beställning.register import Register
from beställning.send.gate import GateOptions, dry_run, fingerprint
from beställning.send.session import GateRefused, SendSession
from tests.test_send_package import PNR, fake_form, fake_variables, research_order
from tests.test_smtp_server import PASSWORD, USER, Cert, server_factory  # noqa: F401  (fixture)
from tests.test_smtp_server import cert as cert

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = GateOptions(render_form=fake_form, export_variables=fake_variables)


def blocking(order: Order) -> Order:
    order.set("bestallare.epost", "")
    return order


def missing_file(order: Order) -> Order:
    order.attachments.append(Attachment("ovrigt", str(Path(order.attachments[0].path).parent / "borta.pdf")))
    return order


def with_pnr(order: Order) -> Order:
    folder = Path(order.attachments[0].path).parent
    (folder / "nyckel.csv").write_text(f"lopnr;pnr\n1;{PNR}\n", encoding="utf-8")
    order.attachments.append(Attachment("ovrigt", str(folder / "nyckel.csv")))
    return order


def two_senders(order: Order) -> Order:
    order.set("bestallare.epost", "a@x.se, b@y.se")
    return order


SPOILERS = {"blocking": blocking, "missing": missing_file, "pnr": with_pnr, "two_senders": two_senders}


def test_a_complete_order_passes(tmp_path: Path) -> None:
    verdict = dry_run(research_order(tmp_path / "in"), OPTIONS)
    assert verdict.sendable, verdict.reasons()
    assert verdict.reasons() == []


@pytest.mark.parametrize("spoil", sorted(SPOILERS))
def test_every_kind_of_problem_is_refused_with_its_reason(spoil: str, tmp_path: Path) -> None:
    order = SPOILERS[spoil](research_order(tmp_path / "in"))
    verdict = dry_run(order, OPTIONS)
    assert not verdict.sendable
    text = "\n".join(verdict.reasons())
    expected = {
        "blocking": "Fyll i e-post",
        "missing": "borta.pdf",
        "pnr": "19811218-****",
        "two_senders": "inte flera",
    }[spoil]
    assert expected in text
    assert PNR not in text  # masked


def test_ways_out_refuse_without_a_check_or_after_a_change(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    session = SendSession(order, OPTIONS)
    with pytest.raises(GateRefused, match="inte granskad"):
        session.write_eml(tmp_path / "a.eml")
    assert session.check().sendable
    order.set("projekt.syfte", "Ändrat efter granskningen.")
    with pytest.raises(GateRefused, match="ändrats sedan granskningen"):
        session.write_eml(tmp_path / "a.eml")
    with pytest.raises(GateRefused):
        session.save_folder(tmp_path / "mapp")
    with pytest.raises(GateRefused):
        session.open_mailer(runner=lambda command: 0)
    assert not (tmp_path / "a.eml").exists() and not (tmp_path / "mapp").exists()
    session.close()


def test_the_verdict_is_taken_on_a_snapshot(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    snapshot = load_order_copy(order)
    session = SendSession(order, OPTIONS)
    assert session.check(snapshot=snapshot).fingerprint == fingerprint(order)
    session.close()


def load_order_copy(order: Order) -> Order:
    import copy

    return copy.deepcopy(order)


def order_file(tmp_path: Path, spoil: str | None) -> Path:
    order = research_order(tmp_path / "bilagor")
    if spoil:
        order = SPOILERS[spoil](order)
    path = tmp_path / "order.json"
    order.save(path)
    return path


def send_args(server: Any, path: Path, cert: Cert) -> list[str]:
    return [
        "send",
        str(path),
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
    ]


@pytest.mark.parametrize("spoil", sorted(SPOILERS))
def test_send_and_package_refuse_what_check_refuses(
    spoil: str,
    tmp_path: Path,
    cert: Cert,
    server_factory: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    path = order_file(tmp_path, spoil)
    before = path.read_bytes()
    assert cli_main(["check", str(path)]) == 1
    server = server_factory("starttls", auth=True)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert cli_main(send_args(server, path, cert)) == 1
    assert server.received == []
    out = tmp_path / "utkast.eml"
    assert cli_main(["package", str(path), "-o", str(out), "--folder", str(tmp_path / "mapp")]) == 1
    assert not out.exists() and not any((tmp_path / "mapp").glob("*"))
    assert path.read_bytes() == before  # nothing recorded
    with Register() as register:
        assert register.ids() == []
    assert "Traceback" not in capsys.readouterr().err


def test_check_json_keeps_its_shape_and_adds_the_scan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = order_file(tmp_path, "pnr")
    capsys.readouterr()
    assert cli_main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"order", "route", "sendable", "problems", "scan"} <= set(data)
    assert data["sendable"] is False
    assert [f["masked"] for f in data["scan"]["findings"]] == ["19811218-****"]


def test_a_real_send_enters_the_register_from_the_command_line(
    tmp_path: Path,
    cert: Cert,
    server_factory: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    path = order_file(tmp_path, None)
    server = server_factory("starttls", auth=True)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert cli_main(send_args(server, path, cert)) == 0
    assert len(server.received) == 1
    order = load_order(path)
    with Register() as register:
        assert register.ids() == [order.id]
        assert register.load_order(order.id).sent[0].method == "smtp"


def test_examples_package_from_any_folder(tmp_path: Path) -> None:
    """The relative attachment paths of the examples resolve against the order file, not the current folder."""
    examples = shutil.copytree(ROOT / "examples", tmp_path / "delad mapp" / "examples")
    elsewhere = tmp_path / "annan"
    elsewhere.mkdir()
    for name in ("forskning.json", "statistik.json"):
        out = tmp_path / f"{name}.eml"
        result = subprocess.run(
            [sys.executable, "-m", "beställning", "package", str(examples / name), "-o", str(out)],
            cwd=elsewhere,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert out.is_file()


def test_saving_writes_paths_relative_to_the_order_file(tmp_path: Path) -> None:
    folder = tmp_path / "projekt"
    order = research_order(folder / "bilagor")
    order.attachments.append(Attachment("ovrigt", str(tmp_path / "utanför.pdf")))
    order.save(folder / "order.json")
    stored = json.loads((folder / "order.json").read_text(encoding="utf-8"))["attachments"]
    assert stored[0]["path"].startswith("bilagor/")
    assert stored[-1]["path"] == str(tmp_path / "utanför.pdf")
    moved = shutil.move(str(folder), str(tmp_path / "flyttad"))
    reloaded = load_order(Path(moved) / "order.json")
    assert reloaded.attachment_path(reloaded.attachments[0]).is_file()
