"""The Strategic Assessment as a Word document: real headings, real tables with header rows."""

import io
from typing import Any

from django.contrib.humanize.templatetags.humanize import intcomma
from docx.shared import Cm

from assessment.charts import Chart
from assessment.documents.maps import add_map
from assessment.tables import Table
from assessment.templatetags.analysis_tables import cell
from core.documents.markdown_docx import add_markdown
from core.documents.word import add_heading, add_paragraph, add_run, add_table, new_document, to_bytes
from core.text import xml_safe

EMPTY = {
    "none": "No police.uk crime data has been imported for {names} yet, so there is nothing to analyse. "
    "A site administrator imports the force's street-level files from data.police.uk under Crime data.",
    "period": "No month of {period} has been imported for this force, so there is nothing to analyse "
    "for that period.",
}


def _n(value: Any) -> str:
    return "Not imported" if value is None else str(intcomma(value))


def _example_note(source: Any) -> str:
    """Marks a made-up population table or weight set, unless its name already says so."""
    return (
        " (Example data — not official figures)"
        if source.is_example and "Example data" not in source.name
        else ""
    )


def add_chart(document: Any, chart: Chart) -> Any:
    """The chart as a picture whose alt text (title and description) is the SVG's; the caller adds
    the table of the same numbers right after it."""
    width = Cm(16) if chart.kind == "line" else Cm(15)
    picture = document.add_picture(io.BytesIO(chart.png()), width=width)
    doc_pr = picture._inline.docPr
    doc_pr.set("title", xml_safe(chart.title))
    doc_pr.set("descr", xml_safe(chart.desc))
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    return picture


def _analysis(document: Any, a: dict[str, Any]) -> None:
    add_heading(document, "Trend by month", level=2)
    add_chart(document, a["trend_chart"])
    headers = ["Month", a["period"].label] + (
        [f"Same month, {a['previous_period'].label}"] if a["has_previous"] else []
    )
    rows = [
        [m["label"], _n(m["count"])] + ([_n(m["previous"])] if a["has_previous"] else []) for m in a["months"]
    ]
    add_table(document, headers, rows, row_headers=True)
    add_heading(document, "By crime type", level=2)
    add_chart(document, a["type_chart"])
    add_table(
        document,
        ["Crime type", a["period"].label, a["previous_period"].label, "Change"],
        [[r["crime_type"], _n(r["count"]), _n(r["previous"]), r["change_text"]] for r in a["by_type"]],
        row_headers=True,
    )
    add_heading(document, "Rate per 1,000 residents", level=2)
    if a["rates"]:
        table = a["population_table"]
        add_paragraph(document, f"Population from {table.name}{_example_note(table)}.")
        for sentence in a["rate_sentences"]:
            add_paragraph(document, sentence, style="List Bullet")
        add_table(
            document,
            ["Rank", "District", "Victim-based crimes", "Population", "Rate per 1,000"],
            [
                [str(r["rank"] or "–"), r["area"], _n(r["count"]), _n(r["population"]), str(r["rate"] or "–")]
                for r in a["rates"]["totals"]["victim_based"]
            ],
        )
    else:
        add_paragraph(document, "No population table was chosen, so no rates are shown.")
    add_heading(document, "Harm-weighted crime", level=2)
    weight_set = a["weight_set"]
    if weight_set:
        add_paragraph(document, f"Each crime is weighted by {weight_set}{_example_note(weight_set)}.")
    else:
        add_paragraph(document, "Unweighted: every crime counts 1.")
    add_table(
        document,
        ["Harm rank", "Crime type", "Count", "Rank by count", "Weight", "Weighted total", "Moved"],
        [
            [
                str(r["harm_rank"]),
                r["crime_type"],
                _n(r["count"]),
                str(r["count_rank"]),
                f"{r['weight']:g}",
                f"{r['weighted']:,.1f}",
                r["moved_text"],
            ]
            for r in a["harm"]
        ],
    )


def _data_table(document: Any, table: Table | None) -> None:
    """An analysis table (assessment.tables.Table) as the page shows it."""
    if table is None or not table.rows:
        return
    add_paragraph(document, table.caption)
    add_table(
        document,
        [c.label for c in table.columns],
        [[cell(v) for v in row] for row in table.rows],
        row_headers=True,
    )


def _chart_and_table(document: Any, chart: Chart, table: Table | None) -> None:
    """The table's caption, the chart, then the table of its numbers right after it."""
    if table is None:
        return
    add_paragraph(document, table.caption)
    add_chart(document, chart)
    add_table(
        document,
        [c.label for c in table.columns],
        [[cell(v) for v in row] for row in table.rows],
        row_headers=True,
    )


def _deeper(document: Any, d: dict[str, Any]) -> None:
    """Significance, the long series, outcomes and comparators, as on the page."""
    x, tables, a = d["x"], d["bundle"]["tables"], d["analysis"]
    add_heading(document, "Is the change meaningful?", level=2)
    add_paragraph(document, x["significance_explained"])
    if x["significance"]:
        _data_table(document, tables.get("significance"))
    else:
        add_paragraph(
            document,
            f"No month of {a['previous_period'].label} has been imported, so changes cannot be tested.",
        )
    series = x["series"]
    add_heading(document, f"Monthly series: {series['label'].lower()}", level=2)
    _chart_and_table(document, series["monthly_chart"], tables.get("series"))
    if series["seasonal"]["years"]:
        _chart_and_table(document, series["seasonal_chart"], tables.get("seasonal"))
    add_heading(document, "Outcomes", level=2)
    if x["outcomes"]:
        _data_table(document, tables.get("outcomes"))
    else:
        add_paragraph(document, "No street-level records with outcomes are available for this period.")
    add_heading(document, "Comparators", level=2)
    average = (x["force_average"] or {}).get("victim_based")
    if average:
        add_paragraph(
            document, f"Force average victim-based crime rate: {cell(average['rate'])} per 1,000 residents."
        )
    england = x["england_and_wales"]
    if england["rate"] is not None:
        add_paragraph(
            document,
            f"England and Wales victim-based crime rate: {cell(england['rate'])} per 1,000 residents.",
        )
    else:
        add_paragraph(
            document, "England and Wales average not shown. Missing: " + " ".join(england["missing"])
        )
    for group in x["similar_groups"]:
        name = group["group"].name + (" (example data)" if group["group"].is_example else "")
        rank = (
            f"Rank {group['rank']} of {group['of']} (lowest rate first)." if group["rank"] else "Not ranked."
        )
        add_paragraph(document, f"{name}: {rank}")
        _data_table(document, group.get("table"))


def _places(document: Any, places: list[dict[str, Any]], a: dict[str, Any]) -> None:
    """The partnership's places with their LSOAs' crime, as the web page shows them."""
    add_heading(document, "Places", level=2)
    if not places:
        add_paragraph(document, "The partnership has not defined any places.")
        return
    now, before = a["period"].label, a["previous_period"].label
    rows = []
    for p in places:
        lsoas = ", ".join(p["lsoa_codes"]) or "No LSOAs given"
        if p["has_data"]:
            figures = [
                value
                for key in ("victim_based", "asb")
                for value in (_n(p[key]["count"]), _n(p[key]["previous"]), p[key]["change_text"])
            ]
        else:
            figures = ["No street-level records" if p["has_lsoas"] else "No LSOAs given", "", "", "", "", ""]
        rows.append([p["name"], lsoas, *figures])
    headers = [
        "Place",
        "LSOAs",
        f"Victim-based crime {now}",
        before,
        "Change",
        f"Anti-social behaviour {now}",
        before,
        "Change",
    ]
    add_table(document, headers, rows, row_headers=True)


def assessment_docx(d: dict[str, Any]) -> bytes:
    a = d["analysis"]
    assessment = d["assessment"]
    document = new_document(
        title=d["title"], author=d["partnership"].name, subject=assessment.title, draft=False
    )
    add_heading(document, d["title"], level=0)
    if d["example_sources"]:
        paragraph = add_paragraph(
            document,
        )
        add_run(paragraph, f"{d['example_note']}. ", bold=True)
        add_run(
            paragraph, "This document uses made-up example data: " + "; ".join(d["example_sources"]) + "."
        )
    narrative = d["narrative"]
    totals = [[t["label"], _n(t["count"]), _n(t["previous"]), t["change_text"]] for t in a["totals"]]
    totals_headers = ["Measure", a["period"].label, a["previous_period"].label, "Change"]

    add_heading(document, "Summary", level=1)
    add_paragraph(
        document,
        f"Data: police.uk street-level records for {a['district_names']}, {a['period'].label}, "
        f"compared with {a['previous_period'].label}.",
    )
    add_markdown(document, narrative["summary"], heading_base=1)
    add_table(document, totals_headers, totals, row_headers=True)

    add_heading(document, "Levels and patterns of crime and disorder", level=1)
    add_markdown(document, narrative["levels_narrative"], heading_base=1)
    if d.get("state", "ok") == "ok":
        _analysis(document, a)
        if d.get("x"):
            _deeper(document, d)
    else:
        add_paragraph(
            document,
            EMPTY.get(d["state"], EMPTY["none"]).format(names=a["district_names"], period=a["period"].label),
        )

    add_heading(document, "What changed and why", level=1)
    add_markdown(document, narrative["changes_narrative"] or "No narrative written yet.", heading_base=1)

    add_heading(document, "Hotspots", level=1)
    add_markdown(document, narrative["hotspots_narrative"], heading_base=1)
    if a["hotspots"]:
        add_table(
            document,
            ["LSOA", "Code", "Crimes", "Period before", "Change"],
            [
                [h["lsoa_name"], h["lsoa_code"], _n(h["count"]), _n(h["previous"]), h["change_text"]]
                for h in a["hotspots"]
            ],
            row_headers=True,
        )
    else:
        add_paragraph(document, "No street-level records are available for this period.")
    if d.get("map"):
        add_map(document, d["map"])
    if d.get("x") and d["x"]["has_street_files"]:
        add_heading(document, f"Hotspots by crime type: {d['x']['hotspots']['label'].lower()}", level=2)
        _data_table(document, d["bundle"]["tables"].get("hotspots_lsoa"))
        _data_table(document, d["bundle"]["tables"].get("hotspots_location"))
    _places(document, d["places"], a)

    add_heading(document, "Partner data", level=1)
    add_markdown(document, narrative["partner_narrative"], heading_base=1)
    for series in d["indicators"]:
        add_heading(document, series["name"] + (" (example data)" if series["is_example"] else ""), level=2)
        add_paragraph(
            document, f"Reported by {', '.join(series['organisations']) or 'partners'}. {series['trend']}"
        )
        add_chart(document, series["chart"])
        add_table(
            document,
            ["Quarter", "Organisation", "Value"],
            [
                [m.period_label, m.source_organisation.name if m.source_organisation else "", m.display_value]
                for m in series["values"]
            ],
            row_headers=True,
        )

    add_heading(document, "Community views", level=1)
    add_markdown(document, narrative["community_narrative"], heading_base=1)
    if d["community"]:
        add_table(
            document,
            ["Theme", "Source", "Respondents", "Named it (%)", "What people said"],
            [
                [
                    v.theme + (" (example data)" if v.is_example else ""),
                    v.source,
                    _n(v.respondents) if v.respondents is not None else "–",
                    str(v.percent) if v.percent is not None else "–",
                    v.finding,
                ]
                for v in d["community"]
            ],
            row_headers=True,
        )

    add_heading(document, "Delivery of last year's plan", level=1)
    add_markdown(document, narrative["delivery_narrative"], heading_base=1)
    delivered = d["delivery"]
    if delivered:
        document.add_paragraph(
            f"{delivered['summary']} in the {delivered['plan_year'].label} plan, by each action's latest status."
        )
        add_table(
            document,
            ["Priority", *delivered["columns"], "Total"],
            [
                [r.priority.title, *[str(v) for v in r.counts.values()], str(r.total)]
                for r in delivered["rows"]
            ]
            + [["All priorities", *[str(v) for v in delivered["totals"].values()], str(delivered["total"])]],
            row_headers=True,
        )
        add_table(
            document,
            ["Action", "Owner/lead agency", "Latest update", "Status"],
            [
                [
                    act["text"],
                    act["owners"],
                    ("Example data: " if act["is_example"] else "")
                    + (f"{act['period']}: " if act["period"] else "")
                    + (act["update"] or "No update recorded"),
                    act["status"].name if act["status"] else "No status recorded",
                ]
                for act in delivered["actions"]
            ],
        )

    add_heading(document, "Scoring and recommended priorities", level=1)
    add_markdown(document, narrative["recommendations"], heading_base=1)
    criteria = d["criteria"]
    add_table(
        document,
        ["Criterion", "Weight", "Scale", "What it measures"],
        [[c.name, f"{c.weight:g}", f"{c.scale_min} to {c.scale_max}", c.description] for c in criteria],
        row_headers=True,
    )
    add_table(
        document,
        ["Rank", "Issue", "Score", "Confidence (%)", "Why it ranks here"],
        [
            [str(r.rank), r.title, f"{r.score:.1f}", str(r.confidence or "–"), r.explanation]
            for r in d["ranked"]
        ],
    )
    add_table(
        document,
        ["Issue", *[f"{c.name} (weight {c.weight:g})" for c in criteria]],
        [
            [
                r.title,
                *["Not scored" if p.mean is None else f"{p.points:.1f} ({p.mean:.1f})" for p in r.parts],
            ]
            for r in d["ranked"]
        ],
        row_headers=True,
    )
    add_heading(document, "Priorities chosen", level=2)
    if d["chosen"]:
        for issue in d["chosen"]:
            add_paragraph(document, issue.title, style="List Bullet")
    else:
        add_paragraph(document, "The partnership has not chosen its priorities yet.")
    return to_bytes(document)
