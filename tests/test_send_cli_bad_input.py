"""Bad input on the way out: a multi-line title, a nonsense size limit, a folder that cannot be made."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from beställning.order import load_order
from beställning.send.handoff import save_package, write_eml
from beställning.send.message import build_message, message_bytes, subject_for
from tests.test_send_package import build, research_order


@pytest.fixture
def order_file(tmp_path: Path) -> Path:
    path = tmp_path / "order.json"
    research_order(tmp_path / "bilagor").save(path)
    return path


def test_line_break_in_title_makes_a_one_line_subject(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    order.set("projekt.titel", "Sjukfrånvaro\noch återgång\r\n i arbete")
    package = build(order, tmp_path)
    msg = build_message(order, package, sender="asa.oberg@example.org\n")
    assert "\n" not in subject_for(order)
    parsed = email.message_from_bytes(message_bytes(msg), policy=email.policy.default)
    assert parsed["Subject"].endswith("Sjukfrånvaro och återgång i arbete")
    assert parsed["From"] == "asa.oberg@example.org"
    write_eml(msg, tmp_path / "utkast.eml")
    folder = save_package(package, msg, tmp_path / "mapp")
    assert (folder / "E-postmeddelande.txt").is_file()


def test_cli_package_with_line_break_in_title(order_file: Path, tmp_path: Path) -> None:
    order = load_order(order_file)
    order.set("projekt.titel", "Rad ett\nRad två")
    order.save(order_file)
    out = tmp_path / "utkast.eml"
    assert cli_main(["package", str(order_file), "-o", str(out)]) == 0
    parsed = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert parsed["Subject"].endswith("Rad ett Rad två")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-5"])
def test_cli_package_refuses_a_nonsense_size_limit(
    order_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    out = tmp_path / "utkast.eml"
    assert cli_main(["package", str(order_file), "-o", str(out), f"--max-mb={value}"]) == 2
    err = capsys.readouterr().err
    assert "större än 0" in err and "oväntat" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_send_refuses_a_nonsense_size_limit(order_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["send", str(order_file), "--server", "127.0.0.1", "--port", "1", "--security", "none", "--max-mb", "nan"]
    assert cli_main(args) == 2
    assert "större än 0" in capsys.readouterr().err


@pytest.mark.parametrize("folder", ["/proc/bestallning-test/mapp", "FILE"])
def test_cli_package_checks_the_folder_before_writing(
    order_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    if folder == "FILE":
        blocker = tmp_path / "en fil"
        blocker.write_text("x", encoding="utf-8")
        folder = str(blocker / "mapp")
    out = tmp_path / "utkast.eml"
    assert cli_main(["package", str(order_file), "-o", str(out), "--folder", folder]) == 2
    err = capsys.readouterr().err
    assert "mappen kan inte skapas" in err and "Traceback" not in err
    assert not out.exists()
