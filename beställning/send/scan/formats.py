"""The fixed list of formats the guard reads, and recognising a file's format by its content.

Fail closed: what is not on this list, or cannot be read completely, is Unreadable and blocks the
send with the reason and what to do. `bestallning scan --formats` prints this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from beställning.send.scan.report import ScanLimits
from beställning.send.scan.text import looks_binary


@dataclass(frozen=True)
class Format:
    """One family the guard reads: its name for users, typical file names, and what is read."""

    key: str
    label: str
    suffixes: str
    what: str


READ: tuple[Format, ...] = (
    Format(
        "text",
        "Text",
        ".txt .csv .tsv .tab .dat .log .md .sql .sps .do .sas .r .py m.fl.",
        "all text i UTF-8, UTF-16/32 (med eller utan BOM), cp1252/latin-1; känns igen på innehållet; "
        "i en CSV-kolumn med personnummer sparade som tal läggs den inledande nollan tillbaka, och ett "
        "personnummer delat på två kolumner (födelsedatum | sista fyra) läses ihop",
    ),
    Format("json", "JSON, XML", ".json .xml", "texten, \\u-koder och teckenreferenser avkodade"),
    Format(
        "html",
        "HTML",
        ".html .htm",
        "texten med taggar borttagna (siffror delade av taggar sammanfogas), &-koder avkodade",
    ),
    Format("base64", "Base64 i text", "", "längre base64-block avkodas och granskas som egna filer"),
    Format(
        "rtf",
        "RTF",
        ".rtf",
        "texten med styrord borttagna, \\'xx och \\uN avkodade; fotnoter, kommentarer, fältkoder (länkar), "
        "former och alternativtexter, bokmärken, egenskaper och spårade borttagningar var för sig",
    ),
    Format(
        "eml",
        "E-post",
        ".eml .mht",
        "alla rubriker utom transportrubriker, alla MIME-delar (base64, quoted-printable, format=flowed), "
        "vidarebefordrade meddelanden; bilagor granskas som filer",
    ),
    Format(
        "pdf",
        "PDF",
        ".pdf",
        (
            "textlagret på varje sida, dokumentegenskaper och XMP-metadata, kommentarer och länkmål, alt-texter "
            "(taggar), formulärfält, inbäddade filer och originaldokumentet i en Hybrid-PDF; sidor utan text ska "
            "du titta på själv"
        ),
    ),
    Format(
        "word",
        "Word",
        ".docx .docm .dotx .dotm",
        "brödtext, tabeller, sidhuvud/sidfot, fotnoter, kommentarer, textrutor, diagram, SmartArt, "
        "altChunk-delar, innehållskontroller, spårade ändringar (borttagen text för sig), egenskaper, inbäddade filer",
    ),
    Format(
        "excel",
        "Excel",
        ".xlsx .xlsm .xltx .xltm",
        "alla celler (text, tal med förlorad inledande nolla, datumformaterade tal, formler), bladnamn, "
        "definierade namn, kommentarer, sidhuvud/sidfot, ritningar och textrutor, diagram, "
        "datavalideringslistor, hyperlänkar, pivotdata, inbäddade filer; ett personnummer delat på två celler",
    ),
    Format(
        "powerpoint", "PowerPoint", ".pptx .ppsx .potx .pptm", "bilder, anteckningar, diagram, SmartArt, egenskaper"
    ),
    Format(
        "odf",
        "OpenDocument",
        ".odt .ods .odp .odg .ott .ots .otp",
        "all text, tal i celler (office:value, inledande nolla återställd), anteckningar, inbäddade filer",
    ),
    Format("zip", "Zip", ".zip", "alla filer i arkivet, nästlade"),
    Format("tar", "Tar", ".tar .tar.gz .tgz .tar.bz2 .tbz2 .tar.xz .txz", "alla filer i arkivet, nästlade"),
    Format("compressed", "Komprimerad fil", ".gz .bz2 .xz", "innehållet packas upp och granskas"),
)
NOTED = (
    "Bilder (.png .jpg .gif .tif .bmp .webp .heic), bilder i dokument och PDF-sidor utan text: text i bilder kan "
    "inte läsas, så de stoppar sändningen tills du har tittat på dem och markerat dem som granskade."
)
BLOCKED = (
    "Allt annat stoppar sändningen som ”kan inte granskas”: äldre Office-filer (.doc .xls .ppt), Outlook .msg, "
    "lösenordsskyddade filer, Office-filer med makron (VBA) eller ActiveX, inbäddade OLE-objekt, "
    "SPSS/Stata/SAS/Parquet/R-filer, 7z/rar, okända binära filer, filer över "
    "storleks- eller djupgränsen och delar som inte kan tolkas."
)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".heic", ".webp", ".emf", ".wmf", ".svg"}
_OFFICE_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm", ".xlsx", ".xlsm", ".xltx", ".xltm", ".pptx", ".ppsx", ".potx"}
_ODF_SUFFIXES = {".odt", ".ods", ".odp", ".odg", ".ott", ".ots", ".otp"}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAS7BDAT_MAGIC = bytes.fromhex("000000000000000000000000c2ea8160b31411cfbd92080009c7318c181f1011")
_STATS_SUFFIXES = {
    ".sav": "SPSS-fil",
    ".zsav": "SPSS-fil",
    ".por": "SPSS-fil",
    ".dta": "Stata-fil",
    ".sas7bdat": "SAS-fil",
    ".xpt": "SAS-fil",
    ".parquet": "Parquet-fil",
    ".rds": "R-datafil",
    ".rdata": "R-datafil",
    ".feather": "Feather-fil",
}
_CANNOT_CHECK = "kan inte granskas: spara som .xlsx/.csv/.docx/.pdf eller ta bort filen."
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM")
_MAIL_HEADERS = (
    b"received:",
    b"from:",
    b"return-path:",
    b"mime-version:",
    b"message-id:",
    b"date:",
    b"subject:",
    b"to:",
    b"delivered-to:",
    b"x-",
)


def format_lines() -> list[str]:
    """The list for `bestallning scan --formats` and the help text, in Swedish."""
    lines = ["Granskas helt:"]
    for fmt in READ:
        names = f" ({fmt.suffixes})" if fmt.suffixes else ""
        lines.append(f"  {fmt.label}{names}: {fmt.what}.")
    depth = ScanLimits().max_depth
    lines.append(f"Arkiv och filer känns igen på innehållet även om de bytt namn, nästlade i högst {depth} nivåer.")
    lines.append(NOTED)
    lines.append(BLOCKED)
    return lines


def sniff(head: bytes, name: str) -> str:
    """The format family of a file from its first bytes (and its name when the bytes do not say).

    One of: zip, pdf, gzip, bzip2, xz, tar, rtf, image, eml, html, text, or 'blocked:<reason>'.
    """
    suffix = PurePosixPath(name).suffix.lower()
    lower = head[:1024].lstrip().lower()
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"%PDF") or (b"%PDF-" in head[:1024] and suffix == ".pdf"):
        return "pdf"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"BZh") and len(head) > 4 and head[4:10] == b"1AY&SY":
        return "bzip2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    blocked = _blocked_kind(head, suffix)
    if blocked is not None:
        return f"blocked:{blocked}"
    if (
        head.startswith(_IMAGE_MAGIC)
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or head[4:12]
        in (
            b"ftypheic",
            b"ftypmif1",
        )
    ):
        return "image"
    if looks_binary(head):
        return "binary"
    if suffix in IMAGE_SUFFIXES and suffix != ".svg":
        return "image"
    if suffix in _OFFICE_SUFFIXES | _ODF_SUFFIXES or suffix in (".zip", ".pdf"):
        return f"blocked:filen är inte en giltig {suffix}-fil (skadad?). Spara om den eller ta bort den ur paketet."
    if suffix in (".eml", ".mht", ".mhtml") or _looks_like_mail(head):
        return "eml"
    if suffix in (".html", ".htm", ".xhtml", ".svg") or lower.startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix == ".xml" or lower.startswith(b"<?xml"):
        return "markup"
    return "text"


def _looks_like_mail(head: bytes) -> bool:
    lines = head[:2048].replace(b"\r\n", b"\n").split(b"\n")[:8]
    headers = sum(1 for line in lines if line.lower().startswith(_MAIL_HEADERS))
    return headers >= 3


def _blocked_kind(head: bytes, suffix: str) -> str | None:
    """Why a binary office, statistics or archive file cannot be checked (Swedish), or None."""
    if head.startswith(OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in head or suffix in (".xlsx", ".docx", ".pptx"):
            return (
                "Office-filen är lösenordsskyddad och kan inte granskas: ta bort lösenordet, "
                "eller ta bort filen ur paketet."
            )
        if suffix == ".msg":
            return "En Outlook-fil (.msg) kan inte granskas: spara meddelandet som .eml eller PDF, eller ta bort det."
        kind = "en äldre Office-fil (.doc/.xls/.ppt)"
    elif head.startswith((b"$FL2", b"$FL3")):
        kind = "en SPSS-fil"
    elif head.startswith(b"PAR1"):
        kind = "en Parquet-fil"
    elif head.startswith(_SAS7BDAT_MAGIC):
        kind = "en SAS-fil"
    elif head.startswith(b"<stata_dta>"):
        kind = "en Stata-fil"
    elif head.startswith((b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07")):
        return (
            "Arkivformatet (7z/rar) kan inte öppnas av granskningen: packa om filerna som .zip, eller ta bort arkivet."
        )
    elif suffix in _STATS_SUFFIXES:
        kind = f"en {_STATS_SUFFIXES[suffix]}"
    else:
        return None
    return f"{kind[0].upper()}{kind[1:]} {_CANNOT_CHECK}"
