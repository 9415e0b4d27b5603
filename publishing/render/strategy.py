"""The strategy document: built once as plain data, rendered to HTML (web and, with print CSS, the
tagged PDF through core.documents.pdf) and to Word through core.documents.word, like the plan."""

import datetime
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.urls import reverse

from core.documents.markdown_docx import add_markdown
from core.documents.pdf import html_to_pdf
from core.documents.word import add_table, new_document, page_break, to_bytes
from planning.models import Strategy
from planning.selectors import strategies as strategy_selectors
from publishing import appendices as appendix_registry
from publishing.appendices import Appendix
from publishing.render.appendix import add_appendices_docx, clean_appendices, numbered
from publishing.render.document import clean, priority_heading
from publishing.render.watermark import draft_watermark_uri
from publishing.selectors import sub_theme_names
from publishing.selectors_strategy import published_plan_year_ids


@dataclass
class StrategyYear:
    """One plan year of the strategy: its delivery plan and the priorities it set."""

    label: str  # 2022/23
    slug: str
    state: str
    priorities: list[str] = field(default_factory=list)
    plan_url: str = ""  # the published delivery plan's public page, "" when none is published

    @property
    def heading(self) -> str:
        return f"Delivery plan {self.label}"


@dataclass
class StrategyDocument:
    partnership_name: str
    partnership_slug: str
    title: str  # the strategy's title, e.g. "Community Safety Strategy"
    label: str  # 2021–2023
    slug: str  # 2021-2023
    vision: str
    narrative: str
    years: list[StrategyYear]
    span_years: list[str]  # every plan year of the span: 2021/22, 2022/23
    draft: bool = False
    version: int | None = None
    published_at: datetime.datetime | None = None
    appendices: list[Appendix] = field(default_factory=list)  # printed last (publishing.appendices)

    @property
    def appendix_sections(self) -> list[tuple[str, str, Appendix]]:
        return numbered(self.appendices)

    @property
    def full_title(self) -> str:
        """ "Community Safety Strategy 2021–2023" (the span is not repeated when the title has it)."""
        return self.title if self.label in self.title else f"{self.title} {self.label}"

    @property
    def running_header(self) -> str:
        """The PDF's page header: inside a CSS string, so without quotes or backslashes."""
        return "".join(c for c in self.full_title if c.isprintable() and c not in "\\\"'")

    @property
    def document_title(self) -> str:
        return f"{self.partnership_name} – {self.full_title}"

    @property
    def span_sentence(self) -> str:
        count = len(self.span_years)
        years = (
            self.span_years[0]
            if count == 1
            else ", ".join(self.span_years[:-1]) + " and " + self.span_years[-1]
        )
        return f"The strategy covers {count} plan year{'s' if count != 1 else ''}: {years}."

    @property
    def toc(self) -> list[tuple[str, str]]:
        return [
            ("vision", "Vision"),
            ("strategy", "The strategy"),
            ("delivery-plans", "Delivery plans and their priorities"),
        ] + [(anchor, heading) for anchor, heading, _ in self.appendix_sections]


def build_strategy(strategy: Strategy, *, draft: bool = False) -> StrategyDocument:
    """Everything the strategy document shows, from the current data of a strategy opened through its door."""
    plan_years = strategy_selectors.strategy_plan_years(strategy)
    priorities = strategy_selectors.strategy_priorities(strategy)
    published = published_plan_year_ids(plan_years)
    slug = strategy.partnership.slug
    years = [
        StrategyYear(
            label=year.label,
            slug=year.slug,
            state=year.get_state_display(),
            priorities=[
                clean(priority_heading(p.title, sub_theme_names(p))) for p in priorities.get(year.pk, [])
            ],
            plan_url=reverse("public:plan", kwargs={"partnership": slug, "year": year.slug})
            if year.pk in published
            else "",
        )
        for year in plan_years
    ]
    return StrategyDocument(
        partnership_name=clean(strategy.partnership.name),
        partnership_slug=slug,
        title=clean(strategy.title),
        label=strategy.label,
        slug=strategy.slug,
        vision=clean(strategy.vision),
        narrative=clean(strategy.narrative),
        years=years,
        span_years=[s.replace("-", "/") for s in strategy.plan_year_slugs],
        draft=draft,
        appendices=clean_appendices(appendix_registry.for_strategy(strategy)),
    )


def strategy_html(
    doc: StrategyDocument,
    *,
    web: bool = True,
    downloads: list[tuple[str, str]] | None = None,
    versions_url: str = "",
    back_url: str = "",
) -> str:
    """The whole strategy as a standalone, accessible HTML page (no scripts, styles inline)."""
    return render_to_string(
        "publishing/strategy_document.html",
        {
            "doc": doc,
            "web": web,
            "downloads": downloads or [],
            "versions_url": versions_url,
            "back_url": back_url,
            "watermark": draft_watermark_uri() if doc.draft else "",
        },
    )


def strategy_pdf(doc: StrategyDocument) -> bytes:
    return html_to_pdf(strategy_html(doc, web=False))


def strategy_docx(doc: StrategyDocument) -> bytes:
    document = new_document(
        title=doc.document_title, author=doc.partnership_name, subject=doc.full_title, draft=doc.draft
    )
    document.add_paragraph(doc.partnership_name, style="Title")
    document.add_heading(doc.full_title, level=1)
    if doc.version and doc.published_at:
        document.add_paragraph(f"Version {doc.version}, published {doc.published_at:%-d %B %Y}")
    elif doc.draft:
        document.add_paragraph("Draft – not published")
    document.add_paragraph(doc.span_sentence)
    page_break(document)
    document.add_heading("Vision", level=1)
    add_markdown(document, doc.vision)
    document.add_heading("The strategy", level=1)
    add_markdown(document, doc.narrative)
    document.add_heading("Delivery plans and their priorities", level=1)
    if not doc.years:
        document.add_paragraph("No delivery plan belongs to the strategy yet.")
    if doc.years:
        add_table(
            document,
            ("Plan year", "Delivery plan"),
            [
                [
                    year.label,
                    f"Published: {year.plan_url}" if year.plan_url else f"Not published ({year.state})",
                ]
                for year in doc.years
            ],
            row_headers=True,
        )
    for year in doc.years:
        document.add_heading(year.heading, level=2)
        if year.priorities:
            for priority in year.priorities:
                document.add_paragraph(priority, style="List Bullet")
        else:
            document.add_paragraph("No priorities set yet.")
    add_appendices_docx(document, doc.appendices)
    return to_bytes(document)
