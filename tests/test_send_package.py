"""Checklist, package, message, guard, record and hand-off: the order's way out, without a server."""

from __future__ import annotations

import email
import email.policy
import hashlib
from email.message import EmailMessage
from pathlib import Path

import pytest

from beställning.order import Attachment, BenefitRequest, Order, VariablePick, load_order
from beställning.send.checklist import build_checklist, requirements, safe_name_part
from beställning.send.guard import check_package
from beställning.send.handoff import (
    open_file,
    open_with_xdg_email,
    save_package,
    write_eml,
    xdg_email_command,
)
from beställning.send.message import build_message, message_bytes, size_check
from beställning.send.package import Package, PackageError, build_package
from beställning.send.record import make_record, record_send, resend_question
from tests.test_scan_files import make_docx, make_pdf

RECIPIENT = "statistikenheten@forsakringskassan.se"
PNR = "19811218-9876"


def fake_form(order: Order, path: Path) -> None:
    make_docx(path, body=f"Beställning: {order.title()}", table=order.text("projekt.syfte"))


def fake_variables(order: Order, path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    for row, pick in enumerate(order.variables, start=1):
        ws.cell(row, 1, pick.variable)
    workbook.save(path)


def research_order(folder: Path) -> Order:
    """A complete research order with sensitive data, supplements and another recipient."""
    folder.mkdir(parents=True, exist_ok=True)
    order = Order(route="forskning")
    for key, value in {
        "projekt.titel": "Sjukfrånvaro/återgång: Åre & Öland",
        "projekt.syfte": "Studera återgång i arbete efter sjukskrivning.",
        "bestallare.organisation": "Umeå universitet",
        "bestallare.orgnr": "202100-2874",
        "bestallare.kontaktperson": "Åsa Öberg",
        "bestallare.epost": "asa.oberg@example.org",
        "bestallare.telefon": "090-786 50 00",
        "huvudman.namn": "Umeå universitet",
        "etik.dnr": "2024-01234-01",
        "etik.kompletteringar": "Komplettering 2024-05-02, dnr 2024-03456-02",
        "etik.beslutsdatum": "2024-03-01",
        "bestallare.postadress": "Box 7000\n901 87 Umeå",
        "huvudman.orgnr": "202100-2874",
        "huvudman.ansvarig": "Åsa Öberg",
        "projekt.fragestallningar": "1. Hur lång tid tar återgången i arbete?",
        "population.beskrivning": "Personer med sjukpenning 2015–2024.",
        "population.nyckelfil_avsandare": "Beställaren",
        "leverans.format": "CSV",
        "sakerhet.beskrivning": "Lagras på universitetets skyddade server.",
        "sakerhet.mottagare": "Umeå universitet, institutionen för folkhälsa",
        "faktura.adress": "Umeå universitet, Box 7000, 901 87 Umeå",
        "faktura.referens": "Projekt 1234",
        "faktura.orgnr": "202100-2874",
        "underskrift.namn": "Åsa Öberg",
        "underskrift.ort": "Umeå",
        "underskrift.datum": "2024-06-01",
    }.items():
        order.set(key, value)
    order.set("etik.kansliga", True)
    order.set("sakerhet.annan_mottagare", True)
    order.set("population.nyckelfil", True)
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2015-01", "2024-12"))
    order.variables.append(VariablePick("sjuk_rehab", "Sjukfallets startdatum", justification="Fråga 1"))
    files = {
        "etikansökan.pdf": ("etikansokan", "", ["Ansökan om etikprövning", "Dnr 2024-01234-01"]),
        "forskningsplan.pdf": ("etikansokan", "Forskningsplan", ["Forskningsplan 2024"]),
        "beslut.pdf": ("etikbeslut", "", ["Beslut 2024-03-01"]),
        "komplettering.pdf": ("kompletteringar", "", ["Komplettering med beslut"]),
        "pub.pdf": ("pub_avtal", "", ["Personuppgiftsbiträdesavtal"]),
        "cv.pdf": ("ovrigt", "CV huvudforskare", ["Curriculum vitae"]),
    }
    for name, (kind, title, lines) in files.items():
        path = folder / name
        path.write_bytes(make_pdf(lines))
        order.attachments.append(Attachment(kind, str(path), title))
    return order


def build(order: Order, tmp_path: Path) -> Package:
    return build_package(order, tmp_path / "paket", render_form=fake_form, export_variables=fake_variables)


# --- checklist -----------------------------------------------------------------------------------


def test_statistics_route_needs_only_the_form() -> None:
    order = Order(route="statistik")
    order.set("etik.kansliga", True)  # a research-only field: ignored for statistics
    assert [r.kind for r in requirements(order)] == ["blankett"]


def test_research_requirements_follow_the_order() -> None:
    order = Order(route="forskning")
    assert [r.kind for r in requirements(order)] == ["blankett"]
    order.set("etik.kansliga", True)
    assert [r.kind for r in requirements(order)] == ["blankett", "etikansokan", "etikbeslut"]
    order.set("etik.kompletteringar", "Komplettering maj 2024")
    order.set("sakerhet.annan_mottagare", True)
    order.variables.append(VariablePick("sjuk_rehab", "Diagnos"))
    kinds = [r.kind for r in requirements(order)]
    assert kinds == ["blankett", "etikansokan", "etikbeslut", "kompletteringar", "pub_avtal", "variabelval"]


def test_missing_required_items_are_named() -> None:
    order = Order(route="forskning")
    order.set("etik.kansliga", True)
    checklist = build_checklist(order)
    assert not checklist.complete
    messages = " ".join(checklist.messages())
    assert "Etikansökan med bilagor" in messages
    assert "Beslut från Etikprövningsmyndigheten" in messages


def test_numbering_and_names(tmp_path: Path) -> None:
    checklist = build_checklist(research_order(tmp_path))
    assert checklist.complete
    assert [item.name for item in checklist.items] == [
        "01 Beställning – Sjukfrånvaro återgång Åre & Öland.docx",
        "02 Etikansökan – etikansökan.pdf",
        "03 Etikansökan – Forskningsplan.pdf",
        "04 Etikbeslut.pdf",
        "05 Komplettering.pdf",
        "06 Personuppgiftsbiträdesavtal.pdf",
        "07 Variabelval.xlsx",
        "08 CV huvudforskare.pdf",
    ]


def test_safe_name_part() -> None:
    assert safe_name_part('a/b\\c:d*e?"f<g>h|i') == "a b c d e f g h i"
    assert len(safe_name_part("x" * 300)) <= 81
    assert safe_name_part("  Titel.  ") == "Titel"


def test_vanished_file_is_a_problem(tmp_path: Path) -> None:
    order = research_order(tmp_path)
    Path(order.attachments[2].path).unlink()
    checklist = build_checklist(order)
    assert not checklist.complete
    assert any("beslut.pdf" in p and "finns inte längre" in p for p in checklist.problems)
    assert checklist.missing == []  # reported once, as the vanished file


def test_user_supplied_form_replaces_the_generated_one(tmp_path: Path) -> None:
    order = Order(route="statistik")
    own = make_docx(tmp_path / "FK-blankett.docx", body="Ifylld")
    order.attachments.append(Attachment("blankett", str(own)))
    checklist = build_checklist(order)
    assert [(i.name, i.source) for i in checklist.items] == [("01 Beställning – Namnlös beställning.docx", own)]


# --- package -------------------------------------------------------------------------------------


def test_package_files_hashes_and_types(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    package = build(order, tmp_path)
    assert len(package.files) == 8
    for item in package.files:
        assert item.path.read_bytes()
        assert item.sha256 == hashlib.sha256(item.path.read_bytes()).hexdigest()
        assert item.size == item.path.stat().st_size
    mimes = {item.name[-4:]: item.mime for item in package.files}
    assert mimes["docx"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert mimes["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert mimes[".pdf"] == "application/pdf"
    # user files are copies: what is scanned is what is sent
    assert package.files[3].path.read_bytes() == Path(order.attachments[2].path).read_bytes()


def test_failing_producer_is_a_clear_error(tmp_path: Path) -> None:
    def broken(order: Order, path: Path) -> None:
        raise ValueError("mallen saknas")

    with pytest.raises(PackageError, match=r"01 Beställning.*mallen saknas"):
        build_package(Order(route="statistik"), tmp_path / "p", render_form=broken)
    assert list((tmp_path / "p").iterdir()) == []  # no half-written file


# --- message -------------------------------------------------------------------------------------


def parse(msg: EmailMessage) -> EmailMessage:
    parsed = email.message_from_bytes(message_bytes(msg), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_message_headers_body_and_attachments(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    package = build(order, tmp_path)
    msg = parse(build_message(order, package))
    assert msg["To"] == RECIPIENT
    assert msg["From"] == "asa.oberg@example.org"
    assert msg["Subject"] == "Beställning av individdata för forskning: Sjukfrånvaro/återgång: Åre & Öland"
    assert msg["Message-ID"].endswith("@example.org>")
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None and body.get_content_charset() == "utf-8"
    text = body.get_content()
    assert "Umeå universitet (202100-2874)" in text
    assert "Kontaktperson: Åsa Öberg" in text
    assert "  1. 01 Beställning – " in text and "  8. 08 CV huvudforskare.pdf" in text
    assert "rekommenderad post" in text  # the key file is announced, not attached
    assert "Telefon: 090-786 50 00" in text
    attachments = list(msg.iter_attachments())
    assert [a.get_filename() for a in attachments] == [f.name for f in package.files]
    assert [a.get_content_type() for a in attachments] == [f.mime for f in package.files]
    assert [a.get_content() for a in attachments] == [f.path.read_bytes() for f in package.files]


def test_size_check_and_advice(tmp_path: Path) -> None:
    order = Order(route="statistik")
    big = tmp_path / "stor.bin"
    big.write_bytes(b"\x00\xff" * 600_000)  # 1.2 MB -> about 1.6 MB encoded
    order.attachments.append(Attachment("ovrigt", str(big), "Stor bilaga"))
    msg = build_message(order, build(order, tmp_path))
    ok = size_check(msg, 20)
    assert ok.ok and ok.advice() == ""
    too_big = size_check(msg, 1)
    assert not too_big.ok
    assert too_big.size > 1_500_000
    assert "mer än gränsen 1 MB" in too_big.advice()
    assert ".zip" in too_big.advice()


# --- guard ---------------------------------------------------------------------------------------


def test_clean_research_order_passes(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    package = build(order, tmp_path)
    result = check_package(package, size_check(build_message(order, package), 20))
    assert not result.blocked, result.messages()


def test_key_file_slipped_in_is_stopped(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    key = tmp_path / "in" / "population.csv"
    key.write_text(f"lopnr;pnr\n1;{PNR}\n2;811218-9876\n", encoding="utf-8")
    order.attachments.append(Attachment("ovrigt", str(key), "Population"))
    result = check_package(build(order, tmp_path))
    assert result.blocked
    text = "\n".join(result.messages())
    assert "09 Population.csv: rad 2: 19811218-****" in text
    assert "rekommenderad post" in text and "beslut om utlämnande" in text
    assert "9876" not in text


def test_free_text_hit_reported_once_under_its_field(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    order.set("projekt.syfte", f"Följ {PNR}")  # the fake form also writes the purpose into its table
    result = check_package(build(order, tmp_path))
    assert [(f.source, f.place) for f in result.scan.findings] == [("beställningen", "fältet ”Syfte”")]


def test_missing_attachment_blocks(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    order.attachments = [a for a in order.attachments if a.kind != "pub_avtal"]
    result = check_package(build(order, tmp_path))
    assert result.blocked
    assert any("Personuppgiftsbiträdesavtal" in m for m in result.messages())


# --- record --------------------------------------------------------------------------------------


def test_record_and_resend_question(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    package = build(order, tmp_path)
    msg = build_message(order, package)
    assert resend_question(order) is None
    record_send(order, make_record(msg, package, "smtp"))
    record = order.sent[0]
    assert record.message_id == msg["Message-ID"]
    assert record.recipients == [RECIPIENT]
    assert record.attachments[0] == {
        "name": package.files[0].name,
        "sha256": package.files[0].sha256,
        "size": str(package.files[0].size),
    }
    question = resend_question(order)
    assert question is not None and "skickades med e-post" in question and RECIPIENT in question
    order.save(tmp_path / "order.json")
    assert load_order(tmp_path / "order.json").sent == order.sent


# --- hand-off ------------------------------------------------------------------------------------


def test_eml_draft(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    package = build(order, tmp_path)
    msg = build_message(order, package)
    path = write_eml(msg, tmp_path / "utkast.eml")
    raw = path.read_bytes()
    assert b"\r\nX-Unsent: 1\r\n" in raw
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["To"] == RECIPIENT
    assert len(list(parsed.iter_attachments())) == len(package.files)
    assert "X-Unsent" not in msg  # the original message is not marked


def test_xdg_email_command_and_result(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    package = build(order, tmp_path)
    msg = build_message(order, package)
    command = xdg_email_command(msg, [f.path for f in package.files])
    assert command[:2] == ["xdg-email", "--utf8"]
    assert command[-1] == RECIPIENT
    assert command.count("--attach") == len(package.files)
    assert command[command.index("--subject") + 1] == msg["Subject"]
    calls: list[list[str]] = []

    def runner(cmd: object) -> int:
        calls.append(list(cmd))  # type: ignore[call-overload]
        return 0

    assert open_with_xdg_email(msg, package, runner).ok
    assert calls[0] == command
    failed = open_with_xdg_email(msg, package, lambda _cmd: 3)
    assert not failed.ok and "inget e-postprogram" in failed.message


def test_open_file_reports_failure(tmp_path: Path) -> None:
    path = tmp_path / "u.eml"
    path.write_text("x", encoding="utf-8")
    assert open_file(path, runner=lambda _c: 0).ok
    result = open_file(path, runner=lambda _c: 4)
    assert not result.ok and str(path) in result.message


def test_save_package_folder(tmp_path: Path) -> None:
    from datetime import date

    order = research_order(tmp_path / "in")
    package = build(order, tmp_path)
    msg = build_message(order, package)
    folder = save_package(package, msg, tmp_path / "ut", today=date(2026, 11, 22))
    assert folder.name == "2026-11-22 Beställning – Sjukfrånvaro återgång Åre & Öland"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f.name for f in package.files] + ["E-postmeddelande (utkast).eml", "E-postmeddelande.txt"])
    again = save_package(package, msg, tmp_path / "ut", today=date(2026, 11, 22))
    assert again.name.endswith("(2)")


def test_key_file_sent_by_scb_is_described(tmp_path: Path) -> None:
    order = Order(route="statistik")
    order.set("population.nyckelfil", True)
    order.set("population.nyckelfil_avsandare", "SCB")
    order.set("population.nyckelfil_kontakt", "Karin Ek, SCB, 010-479 40 00")
    text = build_message(order, build(order, tmp_path)).get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "skickas inte med detta e-postmeddelande. SCB skickar den efter" in text
    assert "Kontakt hos SCB: Karin Ek" in text
    assert "rekommenderad post" not in text
