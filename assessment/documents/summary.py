"""The public summary of a Strategic Assessment: the sections a coordinator chose, as one standalone
HTML page (no scripts, its own inline style) and a tagged PDF (PDF/UA-1) made from the same template.

Only what may be public is handed to the template: never partner indicators or the partner-data
narrative, the scores or who gave them, action updates or anything from case work.
"""

from collections.abc import Iterable
from typing import Any

from django.template.loader import render_to_string

from assessment import report
from assessment.models import SUMMARY_SECTION_KEYS, SUMMARY_SECTIONS, Assessment
from core.documents.pdf import html_to_pdf

# Example-data notes that come only from sections never published.
_PRIVATE_EXAMPLES = frozenset({"Example partner indicators", "Example scores", "Example action updates"})
# Narrative fields that may be published, by section.
_NARRATIVE = {
    "summary": "summary",
    "levels": "levels_narrative",
    "changes": "changes_narrative",
    "hotspots": "hotspots_narrative",
    "community": "community_narrative",
    "delivery": "delivery_narrative",
    "recommendations": "recommendations",
}


def chosen_sections(keys: Iterable[str]) -> list[str]:
    """The known section keys among `keys`, in document order."""
    wanted = set(keys)
    return [key for key, _ in SUMMARY_SECTIONS if key in wanted and key in SUMMARY_SECTION_KEYS]


def build_summary(assessment: Assessment, sections: Iterable[str]) -> dict[str, Any]:
    """What the summary shows: the chosen sections' narrative and public figures only."""
    keys = chosen_sections(sections)
    d = report.build_document(assessment)
    delivered = d["delivery"]
    html = d["narrative_html"]
    return {
        "title": f"{d['partnership'].name}: {assessment.title} (public summary)",
        "assessment": assessment,
        "partnership_name": d["partnership"].name,
        "sections": keys,
        "headings": [(key, heading) for key, heading in SUMMARY_SECTIONS if key in keys],
        "narrative": {key: html[field] for key, field in _NARRATIVE.items() if key in keys},
        "analysis": d["analysis"] if d["state"] == "ok" else None,
        "x": d["x"],
        "tables": d["bundle"]["tables"],
        "state": d["state"],
        "map": d["map"] if "hotspots" in keys else None,
        "community": d["community"] if "community" in keys else [],
        # Counts by status only: the actions' own updates stay inside the partnership.
        "delivery": (
            {k: delivered[k] for k in ("summary", "plan_year", "columns", "rows", "totals", "total")}
            if delivered and "delivery" in keys
            else None
        ),
        "chosen": [i.title for i in d["chosen"]] if "recommendations" in keys else [],
        "example_sources": [s for s in d["example_sources"] if s not in _PRIVATE_EXAMPLES],
        "example_note": d["example_note"],
        "version": None,
        "published_at": None,
    }


def summary_html(summary: dict[str, Any], *, web: bool = True) -> str:
    """The standalone page (web) or the HTML the PDF is made from (web=False)."""
    return render_to_string("assessment/summary_document.html", {"s": summary, "web": web})


def summary_pdf(summary: dict[str, Any]) -> bytes:
    return html_to_pdf(summary_html(summary, web=False))
