"""FK's process (processen) as the register pages show it: the domain's Swedish step titles, statuses,
route labels and step advice, translated for the English UI.

The domain (beställning.process, beställning.register.overview) imports no Qt, so its texts are marked
for lupdate here, each exactly as the domain writes it. A text not marked here (say the domain reworded
a step) finds no translation and stays Swedish; tests/test_i18n.py checks that every domain text is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

MARKED = (
    # Step titles (Step.title) and statuses (Step.status).
    QT_TRANSLATE_NOOP("Process", "Skickad till FK"),
    QT_TRANSLATE_NOOP("Process", "Skickad"),
    QT_TRANSLATE_NOOP("Process", "Mottagningsbekräftelse"),
    QT_TRANSLATE_NOOP("Process", "Mottagen av FK"),
    QT_TRANSLATE_NOOP("Process", "Komplettering"),
    QT_TRANSLATE_NOOP("Process", "Utkast till offert"),
    QT_TRANSLATE_NOOP("Process", "Överenskommelse om innehållet"),
    QT_TRANSLATE_NOOP("Process", "Sekretessprövning"),
    QT_TRANSLATE_NOOP("Process", "Beslut om utlämnande och offert"),
    QT_TRANSLATE_NOOP("Process", "Beslut och offert"),
    QT_TRANSLATE_NOOP("Process", "Nyckelfil skickad"),
    QT_TRANSLATE_NOOP("Process", "Leverans"),
    QT_TRANSLATE_NOOP("Process", "Levererad"),
    QT_TRANSLATE_NOOP("Process", "Faktura"),
    QT_TRANSLATE_NOOP("Process", "Fakturerad"),
    QT_TRANSLATE_NOOP("Process", "FK:s gallring"),
    QT_TRANSLATE_NOOP("Process", "Avslutad"),
    # The register's own statuses and route labels (overview.ARCHIVED, DRAFT, ROUTE_LABELS).
    QT_TRANSLATE_NOOP("Process", "Arkiverad"),
    QT_TRANSLATE_NOOP("Process", "Utkast"),
    QT_TRANSLATE_NOOP("Process", "Forskning"),
    QT_TRANSLATE_NOOP("Process", "Statistik"),
    # The next step as the list names it (process.status_and_next).
    QT_TRANSLATE_NOOP("Process", "Skicka beställningen"),
    QT_TRANSLATE_NOOP("Process", "Mottagningsbekräftelse väntas"),
    QT_TRANSLATE_NOOP("Process", "Skicka nyckelfilen (rekommenderat)"),
    QT_TRANSLATE_NOOP("Process", "Faktura väntas"),
    QT_TRANSLATE_NOOP("Process", "FK gallrar filerna"),
    QT_TRANSLATE_NOOP("Process", "Väntar på utkast till offert"),
    QT_TRANSLATE_NOOP("Process", "Väntar på beslut om utlämnande och offert"),
    QT_TRANSLATE_NOOP("Process", "Väntar på leverans"),
    QT_TRANSLATE_NOOP("Process", "Kom överens om offertutkastet"),
    # The advice shown with the next step (Step.help).
    QT_TRANSLATE_NOOP("Process", "Beställningen skickades till statistikenheten@forsakringskassan.se."),
    QT_TRANSLATE_NOOP("Process", "FK bekräftar mottagandet inom två arbetsdagar."),
    QT_TRANSLATE_NOOP("Process", "FK granskar beställningen och kan begära kompletteringar."),
    QT_TRANSLATE_NOOP(
        "Process",
        "När beställningen är komplett skickar FK ett utkast till offert som specificerar beställningen.",
    ),
    QT_TRANSLATE_NOOP("Process", "När ni är överens om innehållet gör FK en sekretessprövning."),
    QT_TRANSLATE_NOOP("Process", "Om uppgifterna kan lämnas ut skickar FK beslut om utlämnande och offert."),
    QT_TRANSLATE_NOOP(
        "Process",
        "Nyckelfilen får skickas först nu, när beslutet om utlämnande har kommit. Skicka den med "
        "rekommenderad post, eller låt SCB skicka populationsfilen digitalt (ange SCB-handläggarens "
        "kontaktuppgifter). Aldrig med vanlig e-post.",
    ),
    QT_TRANSLATE_NOOP("Process", "FK levererar uppgifterna enligt överenskommelsen."),
    QT_TRANSLATE_NOOP("Process", "Fakturan väntas 1–3 månader efter leveransen."),
    QT_TRANSLATE_NOOP(
        "Process",
        "FK sparar levererade filer och populationsfil sex månader efter leverans, längre bara om "
        "beställningen bad om det.",
    ),
)


def process_text(swedish: str) -> str:
    """The UI language's version of a Swedish process text; an unmarked text comes back unchanged."""
    return QCoreApplication.translate("Process", swedish) if swedish else swedish
