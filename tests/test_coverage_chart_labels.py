"""The coverage chart's texts fit (measured with the renderer's font) and FK's 9-month lag is for new cases only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from beställning.chart_png import measure_text
from beställning.cost.overrides import Overrides
from beställning.coverage import benefit_coverage, catalog_lookup, order_coverage, planned_extraction
from beställning.coverage_chart import Text, estimate_width, layout_chart, wrap
from beställning.order import BenefitRequest, load_order

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AS_OF = date(2026, 11, 22)


def order_with_sa():  # type: ignore[no-untyped-def]
    order = load_order(EXAMPLES / "forskning.json")
    order.benefits.append(BenefitRequest("sa_ersattning", "Sjuk- och aktivitetsersättning", "2019-01", "2026-12"))
    return order


def test_long_benefit_names_wrap_instead_of_being_cut() -> None:
    coverages = order_coverage(order_with_sa(), AS_OF, overrides=Overrides())
    for scale, measure in ((1.0, estimate_width), (2.0, measure_text)):
        layout = layout_chart(coverages, AS_OF, scale=scale, measure=measure)
        assert layout is not None
        texts = [p for p in layout.primitives if isinstance(p, Text)]
        for text in texts:
            if text.max_width is not None:
                assert measure(text.text, text.size, text.bold) <= text.max_width + 0.5, text.text
        parental = next(r for r in layout.rows if r.benefit == "foraldrapenning")
        assert " ".join(parental.label_lines) == "Föräldrapenning och skattad föräldraledighet"
        assert len(parental.label_lines) == 2  # too long for one line at this width: wrapped, not cut
        assert not any(t.text.endswith("…") for t in texts)
        # Rows never overlap: each starts where the one above ends.
        for above, below in zip(layout.rows, layout.rows[1:], strict=False):
            assert below.y == above.y + above.height


def test_wrap_breaks_at_spaces_and_keeps_every_word() -> None:
    lines = wrap("Föräldrapenning och skattad föräldraledighet", 200, 12, True, estimate_width)
    assert lines == ["Föräldrapenning och", "skattad föräldraledighet"]
    assert wrap("Kort", 200, 12, False, estimate_width) == ["Kort"]


def test_the_nine_month_lag_is_for_newly_granted_cases_and_ongoing_is_our_estimate() -> None:
    info = catalog_lookup()("sa_ersattning")
    cov = benefit_coverage(info, AS_OF, "2019-01", "2026-12", Overrides())
    assert cov.lag is not None and cov.lag.months == 9 and cov.lag.scope == "nybeviljade ärenden"
    assert str(cov.complete_through) == "2026-01"  # FK's figure, new cases: month(D) − 9 − 1
    assert cov.ongoing_lag_months == 3 and str(cov.ongoing_complete_through) == "2026-07"
    assert "nybeviljade" in cov.lag.describe() and "vår uppskattning" in cov.lag.describe()
    assert "vår uppskattning" in cov.lag_note and "nybeviljade" in cov.lag_note
    assert "för nybeviljade ärenden" in cov.warnings[0]
    data = cov.to_dict()
    assert data["ongoing_lag_is_estimate"] is True and data["lag_scope"] == "nybeviljade ärenden"
    layout = layout_chart([cov], AS_OF)
    assert layout is not None
    row = layout.rows[0]
    assert row.ongoing is not None and (str(row.ongoing.first), str(row.ongoing.last)) == ("2026-02", "2026-07")
    legend = [p.text for p in layout.primitives if isinstance(p, Text)]
    assert "komplett för pågående ärenden (vår uppskattning)" in legend
    # Other MiDAS benefits have one lag for all cases.
    sick = benefit_coverage(catalog_lookup()("sjuk_rehab"), AS_OF, "2019-01", "2026-12", Overrides())
    assert sick.lag is not None and sick.lag.scope == "" and sick.ongoing_complete_through is None


def test_the_chart_is_as_of_the_planned_extraction_date() -> None:
    order = load_order(EXAMPLES / "forskning.json")
    assert planned_extraction(order) == date(2027, 3, 1)  # its desired delivery date
    order.set("leverans.onskat_datum", "")
    assert planned_extraction(order) is None
