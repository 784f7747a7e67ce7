"""Reading the ethics application (etikansökan) and decision (etikbeslut) against the order.

FK checks, before it decides on a research order, that the ethics application names the data types
and says they come from Försäkringskassan, mentions any linkage (samkörning) and any repeated
deliveries, and that the decision and any supplements (kompletteringar) with their decisions are
attached (domain.md §1). When they do not match, FK asks for a supplement and the order waits. This
check does the same reading offline, before sending, and says for each requirement where it found it
or what to do. It warns; it never blocks.

The application is read together with any supplements (a supplement may add a register); the
diarienummer, the date and mentions of further supplements are read in the decision.
"""

from __future__ import annotations

import copy
import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from beställning.catalog.folding import fold
from beställning.ethics import report as r
from beställning.ethics import terms
from beställning.ethics.extract import NOT_FOUND, DocumentText, read_document
from beställning.ethics.periods import Month, Period, date_pattern, decision_dates, periods, swedish_date
from beställning.ethics.report import EthicsEntry, EthicsReport
from beställning.ethics.words import Hit, SearchText, Term
from beställning.formats import parse_date, parse_month
from beställning.order import BenefitRequest, Order
from beställning.send.pnr import mask_all

ASK = "FK kan begära komplettering; kontrollera att etikansökan nämner"
APPLICATION_KINDS = ("etikansokan", "kompletteringar")
NO_APPLICATION = "Ingen etikansökan är bifogad; bifoga den så kan den kontrolleras."
NO_DECISION = "Inget beslut från Etikprövningsmyndigheten är bifogat; bifoga det så kan det kontrolleras."


@dataclass(frozen=True)
class _Source:
    """One attached ethics document as the check reads it."""

    name: str  # the path as the order writes it
    kind: str
    document: DocumentText
    text: SearchText | None

    def page(self, hit: Hit) -> int | None:
        return self.text.page_of(hit.start) if self.text is not None and self.document.paged else None

    def gaps(self) -> str:
        """Why part or all of the document could not be read, or ''."""
        display = Path(self.name).name
        if not self.document.readable:
            return f"{display} {self.document.problem}"
        empty = self.document.empty_pages
        if empty:
            pages = ", ".join(str(n) for n in empty[:5]) + (" …" if len(empty) > 5 else "")
            return f"Sida {pages} i {display} saknar text och kan inte läsas (skannad?)"
        return ""


@dataclass(frozen=True)
class _Found:
    source: _Source
    hit: Hit

    def entry(self, entry_id: str, label: str, status: r.Status = "found", advice: str | None = None) -> EthicsEntry:
        text = self.source.text
        assert text is not None
        return EthicsEntry(
            entry_id,
            label,
            status,
            file=self.source.name,
            page=self.source.page(self.hit),
            quote=mask_all(text.quote(self.hit)),  # a quote is shown and printed: never a personnummer
            advice=advice,
        )


def check_ethics(order: Order, base_dir: Path | None = None) -> EthicsReport:
    """Read the order's ethics attachments and report each requirement FK checks in them.

    `base_dir` is the folder of the order file, against which relative attachment paths resolve;
    None uses the order's own folder (`Order.base_dir`, set when it was loaded or saved), and the
    paths as given when it has none. Never raises for a file that cannot be read: that is an entry.
    """
    resolver = order
    if base_dir is not None:
        resolver = copy.copy(order)  # the same path rule as everywhere, against the folder given
        resolver.base_dir = Path(base_dir)
    sources = [
        _source(a.path, a.kind, resolver.attachment_path(a))
        for a in order.attachments
        if a.kind in ("etikansokan", "etikbeslut", "kompletteringar") and a.path.strip()
    ]
    if not _applies(order, sources):
        return _not_applicable(order)
    applications = [s for s in sources if s.kind in APPLICATION_KINDS]
    decisions = [s for s in sources if s.kind == "etikbeslut"]
    supplements = [s for s in sources if s.kind == "kompletteringar"]
    entries = [
        _fk_source(applications),
        *(_benefit(benefit, applications) for benefit in _distinct(order.benefits)),
        _linkage(order, applications),
        _repeated(order, applications),
        _dnr(order, decisions),
        _decision_date(order, decisions),
        _period(order, applications),
        _supplements(decisions, supplements),
    ]
    return EthicsReport(tuple(entries))


def _source(name: str, kind: str, path: Path) -> _Source:
    document = read_document(path)
    return _Source(name, kind, document, SearchText(document.pages, document.paragraphs) if document.readable else None)


def _applies(order: Order, sources: list[_Source]) -> bool:
    return order.route == "forskning" and (order.flag("etik.kansliga") or bool(sources))


def _distinct(benefits: list[BenefitRequest]) -> list[BenefitRequest]:
    """One request per benefit (an order may ask for one benefit twice, for two periods)."""
    seen: dict[str, BenefitRequest] = {}
    for benefit in benefits:
        seen.setdefault(benefit.benefit, benefit)
    return list(seen.values())


def _benefit_id(benefit: BenefitRequest) -> str:
    return f"{r.BENEFIT_PREFIX}{benefit.benefit}"


def _benefit_label(benefit: BenefitRequest) -> str:
    return benefit.name or benefit.benefit


def _not_applicable(order: Order) -> EthicsReport:
    if order.route != "forskning":
        why = "Gäller inte: en beställning för statistikändamål kräver ingen etikprövning."
    else:
        why = "Gäller inte: beställningen behandlar inga känsliga personuppgifter och har ingen etikansökan bifogad."
    ids = [
        (r.FK_SOURCE, r.LABELS[r.FK_SOURCE]),
        *((_benefit_id(b), _benefit_label(b)) for b in _distinct(order.benefits)),
        *((key, r.LABELS[key]) for key in (r.LINKAGE, r.REPEATED, r.DNR, r.DECISION_DATE, r.PERIOD, r.SUPPLEMENTS)),
    ]
    entries = tuple(EthicsEntry(key, label, "not_applicable", advice=why) for key, label in ids)
    return EthicsReport(entries, applies=False)


# --- searching ------------------------------------------------------------------------------------


def _hits(source: _Source, search: Iterable[Term] | re.Pattern[str]) -> Iterator[Hit]:
    """Hits in one readable source, in text order across all terms."""
    text = source.text
    if text is None:
        return iter(())
    if isinstance(search, re.Pattern):
        return text.find(search)
    return heapq.merge(*(term.find(text) for term in search), key=lambda hit: hit.start)


def _first(sources: Sequence[_Source], search: Iterable[Term] | re.Pattern[str]) -> _Found | None:
    """The first hit in the first source that has one, whichever term it is of."""
    search = search if isinstance(search, re.Pattern) else tuple(search)
    for source in sources:
        for hit in _hits(source, search):
            return _Found(source, hit)
    return None


def _preferred(sources: Sequence[_Source], search: Sequence[Term]) -> _Found | None:
    """The first hit of the first term found anywhere: a benefit's name before its data type."""
    for term in search:
        found = _first(sources, (term,))
        if found is not None:
            return found
    return None


def _not_found(
    entry_id: str,
    label: str,
    sources: Sequence[_Source],
    advice: str,
    absent: str = NO_APPLICATION,
    found: _Found | None = None,
) -> EthicsEntry:
    """Missing, or unreadable when part of what was searched could not be read, or absent."""
    if not sources:
        return EthicsEntry(entry_id, label, "absent", advice=absent)
    gaps = [gap for gap in (s.gaps() for s in sources) if gap]
    if gaps:
        unread = "; ".join(gaps)
        if found is not None:
            return found.entry(entry_id, label, "unreadable", f"{unread}. {advice}")
        return EthicsEntry(entry_id, label, "unreadable", file=_unread_file(sources), advice=f"{unread}. {advice}")
    if found is not None:
        return found.entry(entry_id, label, "missing", advice)
    return EthicsEntry(entry_id, label, "missing", advice=advice)


def _unread_file(sources: Sequence[_Source]) -> str | None:
    for source in sources:
        if not source.document.readable:
            return source.name
    return None


# --- the requirements -----------------------------------------------------------------------------


def _fk_source(applications: list[_Source]) -> EthicsEntry:
    label = r.LABELS[r.FK_SOURCE]
    mention: _Found | None = None
    for source in applications:
        text = source.text
        if text is None:
            continue
        for hit in _hits(source, terms.FK_SOURCE):
            if any(cue.occurs_in(text, hit.start - 150, hit.end + 150) for cue in terms.FK_SOURCE_CUES):
                return _Found(source, hit).entry(r.FK_SOURCE, label)
            mention = mention or _Found(source, hit)
    if mention is not None:
        advice = (
            f"Etikansökan nämner Försäkringskassan men inte som källa till uppgifterna. {ASK} att "
            "uppgifterna hämtas från Försäkringskassan."
        )
        return _not_found(r.FK_SOURCE, label, applications, advice, found=mention)
    return _not_found(r.FK_SOURCE, label, applications, f"{ASK} att uppgifterna hämtas från Försäkringskassan.")


def _benefit(benefit: BenefitRequest, applications: list[_Source]) -> EthicsEntry:
    entry_id, label = _benefit_id(benefit), _benefit_label(benefit)
    found = _preferred(applications, terms.benefit_terms(benefit.benefit, benefit.name))
    if found is not None:
        return found.entry(entry_id, label)
    return _not_found(entry_id, label, applications, f"{ASK} {label.lower()} (eller dess uppgifter).")


def registers_named(text: str) -> list[Term]:
    """The registers in the order's "samkörs med" text: acronyms (LISA) and words with "register".

    Agencies and platforms (SCB, MONA) are not registers; a bare "registret" names none.
    """
    found: dict[str, Term] = {}
    for word in re.findall(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9]+(?![a-zåäö])", text):
        if word not in terms.NOT_REGISTERS and len(word) >= 2:
            found.setdefault(word, Term(word, uppercase=True))
    for word in re.findall(r"[^\W\d_]*regist(?:er|ret|ren|ers|rens|rets)\b", text, re.IGNORECASE):
        folded = fold(word)
        if folded.startswith(("register", "registr")):
            continue
        stem = re.sub(r"(?:er|ret|ren|ers|rens|rets)$", "", word, flags=re.IGNORECASE)
        found.setdefault(folded, Term(stem + "*"))
    return list(found.values())


def _linkage(order: Order, applications: list[_Source]) -> EthicsEntry:
    label = r.LABELS[r.LINKAGE]
    if not order.flag("samkorning.ja"):
        advice = "Gäller inte: beställningen anger ingen samkörning."
        return EthicsEntry(r.LINKAGE, label, "not_applicable", advice=advice)
    register_text = order.text("samkorning.register")
    registers = [(term, _first(applications, (term,))) for term in registers_named(register_text)]
    missing = [_register_display(register_text, term) for term, found in registers if found is None]
    mention = _first(applications, terms.LINKAGE)
    if mention is not None and not missing:
        return mention.entry(r.LINKAGE, label)
    if mention is not None:
        return _not_found(r.LINKAGE, label, applications, f"{ASK} samkörningen med {_join(missing)}.", found=mention)
    names = [_register_display(register_text, term) for term, _ in registers]
    named = f" ({_join(names)})" if names else ""
    register_hit = next((found for _, found in registers if found is not None), None)
    advice = f"{ASK} samkörningen med andra register{named}."
    return _not_found(r.LINKAGE, label, applications, advice, found=register_hit)


def _register_display(text: str, term: Term) -> str:
    """The register as the order writes it ("patientregistret"), for its term."""
    stem = term.phrase.rstrip("*")
    match = re.search(rf"\b{re.escape(stem)}\w*", text, re.IGNORECASE)
    return match.group() if match else stem


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def _repeated(order: Order, applications: list[_Source]) -> EthicsEntry:
    label = r.LABELS[r.REPEATED]
    if not order.flag("upprepning.ja"):
        return EthicsEntry(r.REPEATED, label, "not_applicable", advice="Gäller inte: beställningen gäller en leverans.")
    found = _first(applications, terms.REPEATED)
    if found is not None:
        return found.entry(r.REPEATED, label)
    advice = f"{ASK} att uppgifterna ska lämnas ut vid mer än ett tillfälle."
    return _not_found(r.REPEATED, label, applications, advice)


_DNR_PREFIX = re.compile(r"^(?:dnr|d\.nr|diarienummer|diarienr)\.?:?\s*", re.IGNORECASE)
_DNR_IN_TEXT = re.compile(
    r"(?:dnr|d\.\s?nr|diarienummer|diarienr|arendenummer)\.?:?\s*(?:nr\.?\s*)?"
    r"(?P<dnr>(?:19|20)\d\d\s*[-/]\s*\d{1,6}(?:\s*-\s*\d{1,3})?)"
)


def dnr_pattern(dnr: str) -> re.Pattern[str] | None:
    """The order's diarienummer as a pattern for folded text: separators and spaces may vary, nothing else."""
    parts = re.findall(r"[0-9a-z]+", fold(_DNR_PREFIX.sub("", dnr.strip())))
    if not parts:
        return None
    body = r"(?:\s*[-/.]\s*|\s+)".join(re.escape(part) for part in parts)
    return re.compile(rf"(?<![0-9a-z]){body}(?![0-9a-z]|\s*[-/]\s*\d)")


def _dnr(order: Order, decisions: list[_Source]) -> EthicsEntry:
    label = r.LABELS[r.DNR]
    dnr = order.text("etik.dnr").strip()
    pattern = dnr_pattern(dnr)
    if pattern is None:
        advice = "Beställningen saknar Etikprövningsmyndighetens diarienummer; fyll i det från beslutet."
        return EthicsEntry(r.DNR, label, "missing", advice=advice)
    found = _first(decisions, pattern)
    if found is not None:
        return found.entry(r.DNR, label)
    other = _first(decisions, _DNR_IN_TEXT)
    if other is not None:
        assert other.source.text is not None
        match = _DNR_IN_TEXT.match(other.source.text.folded, other.hit.start)
        given = " ".join(match.group("dnr").split()) if match else ""
        advice = (
            f"Beslutet anger diarienummer {given}, beställningen {dnr}. Kontrollera att rätt beslut är "
            "bifogat och att diarienumret i beställningen stämmer."
        )
        return _not_found(r.DNR, label, decisions, advice, absent=NO_DECISION, found=other)
    advice = f"Diarienumret {dnr} står inte i beslutet. Kontrollera att rätt beslut är bifogat."
    return _not_found(r.DNR, label, decisions, advice, absent=NO_DECISION)


def _decision_date(order: Order, decisions: list[_Source]) -> EthicsEntry:
    label = r.LABELS[r.DECISION_DATE]
    day = parse_date(order.text("etik.beslutsdatum"))
    if day is None:
        advice = "Beställningen saknar datum för etikbeslutet (ÅÅÅÅ-MM-DD); fyll i det från beslutet."
        return EthicsEntry(r.DECISION_DATE, label, "missing", advice=advice)
    found = _first(decisions, date_pattern(day))
    if found is not None:
        return found.entry(r.DECISION_DATE, label)
    other = next(
        (_Found(source, hit) for source in decisions if source.text is not None for hit in decision_dates(source.text)),
        None,
    )
    advice = (
        f"Beslutsdatumet {day.isoformat()} ({swedish_date(day)}) står inte i beslutet. Kontrollera datumet "
        "i beställningen och att rätt beslut är bifogat."
    )
    return _not_found(r.DECISION_DATE, label, decisions, advice, absent=NO_DECISION, found=other)


def order_periods(order: Order) -> list[tuple[BenefitRequest, Month, Month]]:
    """Each benefit's period as (first month, last month), where the order gives both."""
    result = []
    for benefit in order.benefits:
        first, last = parse_month(benefit.period_from), parse_month(benefit.period_to)
        if first is not None and last is not None and first <= last:
            result.append((benefit, first, last))
    return result


def _month(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _period(order: Order, applications: list[_Source]) -> EthicsEntry:
    label = r.LABELS[r.PERIOD]
    wanted = order_periods(order)
    if not wanted:
        return EthicsEntry(r.PERIOD, label, "not_applicable", advice="Gäller inte: beställningen anger ingen period.")
    named: list[tuple[_Source, Period]] = [
        (source, period) for source in applications if source.text is not None for period in periods(source.text)
    ]
    if not named:
        if not applications or any(source.gaps() for source in applications):
            advice = "Perioden kunde inte jämföras med etikansökan."
            return _not_found(r.PERIOD, label, applications, advice)
        return EthicsEntry(r.PERIOD, label, "not_applicable", advice="Etikansökan anger ingen period att jämföra med.")
    uncovered = [(b, first, last) for b, first, last in wanted if not any(p.covers(first, last) for _, p in named)]
    if not uncovered:
        source, period = max(named, key=lambda item: sum(item[1].covers(f, t) for _, f, t in wanted))
        return _Found(source, period.hit).entry(r.PERIOD, label)
    source, period = named[0]
    assert source.text is not None
    asked = ", ".join(f"{_benefit_label(b).lower()} {_month(first)}–{_month(last)}" for b, first, last in uncovered)
    advice = (
        f"Etikansökan anger perioden {period.describe(source.text)}, beställningen gäller {asked}. FK kan begära "
        "komplettering; kontrollera att etikansökan omfattar beställningens period."
    )
    return _not_found(r.PERIOD, label, applications, advice, found=_Found(source, period.hit))


def _supplements(decisions: list[_Source], supplements: list[_Source]) -> EthicsEntry:
    label = r.LABELS[r.SUPPLEMENTS]
    mention = _first(decisions, terms.SUPPLEMENT)
    attached = [source for source in supplements if source.document.problem != NOT_FOUND]
    if mention is not None:
        if attached:
            return mention.entry(r.SUPPLEMENTS, label)
        advice = (
            "Beslutet nämner en komplettering eller ett annat beslut, men ingen komplettering är bifogad. "
            "Bifoga kompletteringen med Etikprövningsmyndighetens beslut om den; annars begär FK den."
        )
        return mention.entry(r.SUPPLEMENTS, label, "missing", advice)
    if not decisions:
        return _not_found(r.SUPPLEMENTS, label, decisions, "", absent=NO_DECISION)  # absent
    gaps = [gap for gap in (s.gaps() for s in decisions) if gap]
    if gaps:
        advice = f"{'; '.join(gaps)}. Kontrollera själv om beslutet nämner kompletteringar; bifoga dem i så fall."
        return EthicsEntry(r.SUPPLEMENTS, label, "unreadable", file=_unread_file(decisions), advice=advice)
    advice = "Gäller inte: beslutet nämner ingen komplettering."
    return EthicsEntry(r.SUPPLEMENTS, label, "not_applicable", advice=advice)
