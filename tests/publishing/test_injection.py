"""Text entered by users can never inject markup or scripts into the page, the PDF or the Word file."""

import io
import re
import zipfile
from dataclasses import dataclass

import pytest
from django.db import transaction
from pypdf import PdfReader

from core.actors import system_user
from partnership.models import GlossaryTerm
from planning.models import ActionOwner, Approach, Outcome, OwnerLayout, Place, Theme, Update
from publishing import services
from publishing.render import html as html_render
from publishing.render import pdf as pdf_render
from publishing.render import word as word_render
from publishing.render.document import build_plan
from tests.factories import (
    ActionFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanYearFactory,
    PriorityFactory,
)
from tests.publishing.helpers import docx_text, html_text, pdf_texts

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src="x" onerror="alert(1)">'
MD_LINK = "[click me](javascript:alert(1))"
MD_IMAGE = "![tracker](http://127.0.0.1:9/tracker.png)"
CONTROL = "Bell\x07 and vertical\x0b tab"
# The plan's structure as printed: approach title, outcomes, theme and place, lead and supporting names.
STRUCTURE = [
    f"Approach {SCRIPT}",
    f"Outcome {IMG}",
    f"Approach outcome {SCRIPT}",
    f"Theme {SCRIPT}",
    f"Place {IMG}",
    f"Supporter {SCRIPT}",
    f"Owner {IMG}",
    f"Target {IMG}",
]


@dataclass
class Files:
    html: str
    pdf: bytes
    docx: bytes


@pytest.fixture(scope="module")
def files(django_db_setup, django_db_blocker) -> Files:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock(), transaction.atomic():
        partnership = PartnershipFactory(slug="hostile", name=f"Hostile {SCRIPT} CSP")
        plan_year = PlanYearFactory(partnership=partnership, slug="2020-21")
        priority = PriorityFactory(plan_year=plan_year, title=f"Priority {IMG}")
        organisation = OrganisationFactory(partnership=partnership, name=f"Org {SCRIPT}", phone="=1+1")
        organisation.in_membership_list = True
        organisation.save()
        action = ActionFactory(
            priority=priority, text=f"Action **not bold** {MD_LINK} {SCRIPT}", owners=[organisation]
        )
        ActionOwner.objects.filter(action=action).update(name_as_written=f"Owner {IMG}")
        # The plan's structure (issue 9): approaches, outcomes, themes, places, Lead and Supporting.
        plan_year.owner_layout = OwnerLayout.LEAD_SUPPORTING
        plan_year.save()
        approach = Approach.objects.create(priority=priority, title=f"Approach {SCRIPT}")
        Outcome.objects.create(priority=priority, text=f"Outcome {IMG}")
        Outcome.objects.create(priority=priority, approach=approach, text=f"Approach outcome {SCRIPT}")
        priority.themes.add(Theme.objects.create(partnership=partnership, name=f"Theme {SCRIPT}"))
        priority.places.add(Place.objects.create(partnership=partnership, name=f"Place {IMG}"))
        supporter = OrganisationFactory(partnership=partnership, name=f"Supporter {SCRIPT}")
        ActionFactory(
            priority=priority,
            approach=approach,
            text="Approach action",
            owners=[organisation, supporter],
            target=f"Target {IMG}",
        )
        Update.objects.create(
            action=action, period=plan_year.periods.get(code="Q1"), narrative=f"Update {SCRIPT} {CONTROL}"
        )
        GlossaryTerm.objects.create(partnership=partnership, term="XSS", meaning=f"Meaning {IMG}")
        services.narrative_save(
            plan_year=plan_year,
            actor=system_user(),
            introduction=f"Intro {SCRIPT}\n\n{IMG}\n\n{MD_LINK}\n\n{MD_IMAGE}\n\n# Big heading",
            contact_block=f"<a href='javascript:alert(1)'>contact</a> {CONTROL}",
        )
        doc = build_plan(plan_year)
        result = Files(html_render.plan_html(doc), pdf_render.plan_pdf(doc), word_render.plan_docx(doc))
        transaction.set_rollback(True)
    return result


def test_html_shows_user_markup_as_text(files):
    html = files.html
    assert "<script" not in html
    assert '<img src="x"' not in html and 'onerror="alert' not in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert all(src.startswith("data:") for src in re.findall(r'src="([^"]*)"', html))
    text = html_text(html)
    assert SCRIPT in text and IMG in text
    for shown in STRUCTURE:
        assert shown in text
    assert "Action **not bold** [click me](javascript:alert(1))" in text  # plain text stays plain
    assert "<h3>Big heading</h3>" in html  # Markdown headings sit below the section heading
    assert "\x07" not in html and "\x0b" not in html


def test_pdf_has_no_scripts_or_links_from_user_text(files):
    reader = PdfReader(io.BytesIO(files.pdf))
    raw = files.pdf
    assert b"/JavaScript" not in raw and b"/JS " not in raw and b"/Launch" not in raw
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.append(str(action["/URI"]))
    assert not any("javascript" in u.lower() for u in uris)
    text = pdf_texts(files.pdf)[0]
    assert "<script>alert('x')</script>" in text
    assert '<img src="x" onerror="alert(1)">' in text
    joined = text.replace(" ", "")  # narrow cells wrap names where text extraction sees spaces
    for shown in STRUCTURE:
        assert shown.replace(" ", "") in joined


def test_word_file_holds_user_markup_as_text_only(files):
    text = docx_text(files.docx)
    assert SCRIPT in text and IMG in text and "Bell and vertical tab" in text
    for shown in STRUCTURE:
        assert shown in text
    with zipfile.ZipFile(io.BytesIO(files.docx)) as archive:
        body = archive.read("word/document.xml").decode()
        relations = archive.read("word/_rels/document.xml.rels").decode()
        names = archive.namelist()
    assert "<script" not in body and "&lt;script&gt;" in body
    assert "javascript" not in relations and 'TargetMode="External"' not in relations
    assert "<w:hyperlink" not in body  # links are written out as text
    assert not [n for n in names if "media" in n]  # the remote Markdown image was not fetched
