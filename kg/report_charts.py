"""The theme report's charts: findings by year of inspection and by region, as PNG in a Chart block."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.report_doc import Chart, plot_bars

if TYPE_CHECKING:
    from kg.report_theme import ThemeFinding

__all__ = ["region_chart", "year_chart"]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


def year_chart(concept_id: str, label: str, findings: list[ThemeFinding]) -> Chart | None:
    """Weakness and strength findings per year of inspection; none when fewer than two years are known."""
    dated = [f for f in findings if f.inspection.start]
    known = {f.inspection.start.year for f in dated}
    if len(known) < 2:
        return None
    years = list(range(min(known), max(known) + 1))  # every year, so that gaps in time show as gaps
    series = {
        polarity: [sum(f.inspection.start.year == y and f.polarity == polarity for f in dated) for y in years]
        for polarity in ("weakness", "mixed", "strength")
    }
    series = {name: values for name, values in series.items() if any(values)}
    png = plot_bars([str(y) for y in years], series, f"Findings about {label} by year of inspection", "findings")
    undated = len(findings) - len(dated)
    caption = f"Findings about {label} by year of inspection ({', '.join(series)})"
    if undated:
        caption += f"; {_count(undated, 'finding')} from undated inspections not shown"
    return Chart(f"{concept_id}-by-year", caption, png)


def region_chart(concept_id: str, label: str, findings: list[ThemeFinding]) -> Chart | None:
    """Weakness findings per region, with how many authorities each bar stands for; none for a single region."""
    regions = sorted({f.inspection.region or "region not known" for f in findings})
    if len(regions) < 2:
        return None
    names = []
    for region in regions:
        authorities = {f.inspection.gss_code for f in findings if (f.inspection.region or "region not known") == region}
        names.append(f"{region} ({len(authorities)})")
    weak = [
        sum(f.polarity == "weakness" and (f.inspection.region or "region not known") == r for f in findings)
        for r in regions
    ]
    png = plot_bars(names, {"weakness": weak}, f"Weakness findings about {label} by region", "findings")
    caption = f"Weakness findings about {label} by region (in brackets: authorities with findings on it)"
    return Chart(f"{concept_id}-by-region", caption, png)
