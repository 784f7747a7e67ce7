"""What the ethics check looks for, in the words applications use (syntax: see `words`).

Benefit (förmån) terms: each benefit's name in resources/catalog/benefits.json and the benefits its
description names as parts of it (e.g. "sjukpenning" and "rehabiliteringspenning" for sjuk- och
rehabiliteringspenning), the data type an application names instead ("sjukskrivning", "läkarintyg"),
and former names still used in research (förtidspension, handikappersättning, vårdbidrag,
bidragsförskott). Abbreviations (FP, TFP, SA, vab) are deliberately absent: FK cannot tell from "FP"
which data were approved, so it does not count.
"""

from __future__ import annotations

from beställning.ethics.words import Term

FK_SOURCE = (Term("försäkringskassan*"),)
# Words near which "Försäkringskassan" reads as the source of data, not just a name in passing.
FK_SOURCE_CUES = (
    Term("uppgift*"),
    Term("data*"),
    Term("register*|registr*"),
    Term("midas"),
    Term("från"),
    Term("hämta*|inhämta*|begär*|beställ*|utlämna*|levere*"),
    Term("variabl*|variabel*"),
    Term("samkör*|koppla*|länka*"),
    Term("individdata*|mikrodata*|registerdata*"),
)

_FP = ("tillfällig*",)
BENEFIT_TERMS: dict[str, tuple[Term, ...]] = {
    "sjuk_rehab": (
        Term("sjuk- och rehabiliteringspenning*"),
        Term("sjukpenning*"),
        Term("rehabiliteringspenning*"),
        Term("arbetsskadesjukpenning*"),
        Term("sjukskrivning*|sjukskriven|sjukskrivna|sjukskrivne"),
        Term("sjukfall*|sjukfrånvaro*"),
    ),
    "sa_ersattning": (
        Term("sjuk- och|eller aktivitetsersättning*"),
        Term("sjukersättning*"),
        Term("aktivitetsersättning*"),
        Term("förtidspension*"),
    ),
    "foraldrapenning": (
        Term("föräldrapenning*", not_after=_FP),
        Term("skattad|skattade föräldraledighet*"),
    ),
    "tillfallig_foraldrapenning": (
        Term("tillfällig* föräldrapenning*"),
        Term("vård av sjukt|sjuka barn*"),
    ),
    "assistansersattning": (Term("assistansersättning*"),),
    "bilstod": (Term("bilstöd*"), Term("anskaffningsbidrag*"), Term("anpassningsbidrag* ~ fordon*|bil*")),
    "merkostnadsersattning": (Term("merkostnadsersättning*"), Term("handikappersättning*")),
    "omvardnadsbidrag": (Term("omvårdnadsbidrag*"), Term("vårdbidrag*")),
    "lakarintyg": (Term("läkarintyg*"),),
    "arbetsskadeersattning": (
        Term("arbetsskadeersättning*"),
        Term("arbetsskadelivränt*"),
        Term("yrkesskadelivränt*"),
        Term("arbetsskadeförsäkring*"),
    ),
    "tandvardsstod": (Term("tandvårdsstöd*"), Term("tandvårdsbidrag*")),
    "barnbidrag": (Term("barnbidrag*"), Term("flerbarnstillägg*")),
    "bostadsbidrag": (Term("bostadsbidrag*"),),
    "graviditetspenning": (Term("graviditetspenning*"),),
    "underhallsstod": (Term("underhållsstöd*"), Term("bidragsförskott*")),
    "narstaendepenning": (Term("närståendepenning*"),),
    "smittbararpenning": (Term("smittbärarpenning*"), Term("smittbärarersättning*")),
    "hoga_sjuklonekostnader": (Term("höga sjuklönekostnad*"), Term("sjuklönekostnadsersättning*")),
    "bostadstillagg": (Term("bostadstillägg*"),),
    "aktivitetsstod": (Term("aktivitetsstöd*"),),
    "utvecklingsersattning": (Term("utvecklingsersättning*"),),
    "etableringsersattning": (Term("etableringsersättning*"),),
    "vard_utomlands": (Term("vård* utomlands"), Term("vård* i annat land"), Term("vård* i utlandet")),
}

LINKAGE = (
    Term("samkör*"),
    Term("sammankoppl*|sammanlänk*|sammanför*|sambearbet*"),
    Term("koppla*|kopplas|kopplade|länka*|länkas|länkade ihop|samman"),
    Term("registerlänk*|registerkoppl*|länkning*"),
    Term("record linkage"),
)

REPEATED = (
    Term(
        "upprepad*|flera|två|tre|fyra|fem|återkommande|årlig*|ytterligare|förnyad*|kompletterande|"
        "regelbundn*|uppföljande|periodisk*|nya ~ uttag*|datauttag*|leverans*|dataleverans*|utlämnand*|"
        "uppdatering*|beställning*|tillfällen"
    ),
    Term("mer än en gång"),
    Term("mer än ett tillfälle"),
    Term("årligen"),
    Term("en gång per år"),
)

# In the decision: a supplement (komplettering) or another decision that FK wants attached too.
SUPPLEMENT = (
    Term("kompletter*"),
    Term("ändringsansökan*|ändringsansökningar*|ändringsbeslut*|tilläggsansökan*"),
    Term("senare|tidigare beslut*"),
)

# Words that name no register in the order's "samkörning med" text: agencies, platforms, fillers.
NOT_REGISTERS = {"SCB", "FK", "ISF", "IFAU", "IAF", "CSN", "EPM", "MONA", "ID", "EU", "AB", "ICD", "OCH"}


def name_terms(name: str) -> tuple[Term, ...]:
    """Terms for a benefit the table does not know (an imported list): its name, any ending."""
    words = [word.strip(".,;:()") for word in name.split()]
    words = [word for word in words if word and word.casefold() not in ("m.fl", "mfl")]
    return (Term(" ".join(words) + "*"),) if words else ()


def benefit_terms(benefit_id: str, name: str) -> tuple[Term, ...]:
    """What counts as a mention of an ordered benefit: the table's terms, else its name."""
    return BENEFIT_TERMS.get(benefit_id) or name_terms(name)
