"""Issue 8.7 and 8.8: the plan's generated text follows the source; small printing faults."""

import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from partnership.models import GlossaryTerm
from planning.models import PlanYearState
from publishing.render import html as html_render
from publishing.render import word as word_render
from publishing.render.document import build_plan, count_words
from tests.factories import ActionFactory, OrganisationFactory, PlanYearFactory, PriorityFactory
from tests.publishing.helpers import docx_table_rows, docx_text, html_text

pytestmark = pytest.mark.django_db


def test_counts_below_ten_are_words():
    assert count_words(0, "priority", "priorities") == "no priorities"
    assert count_words(1, "priority", "priorities") == "one priority"
    assert count_words(5, "priority", "priorities") == "five priorities"
    assert count_words(9, "priority", "priorities") == "nine priorities"
    assert count_words(10, "priority", "priorities") == "10 priorities"
    assert count_words(1200, "action", "actions") == "1,200 actions"


def test_the_review_counts_the_previous_years_priorities_in_words(world):
    previous = PlanYearFactory(partnership=world.partnership, slug="2019-20", state=PlanYearState.CLOSED)
    for index in range(5):
        PriorityFactory(plan_year=previous, title=f"Old priority {index}", order=index)
    doc = build_plan(world.plan_year)
    assert "During 2019/20 the Partnership had five priorities:" in html_text(html_render.plan_html(doc))
    assert "During 2019/20 the Partnership had five priorities:" in docx_text(word_render.plan_docx(doc))


def test_the_priority_issues_list_keeps_the_coordinators_order(world):
    # The coordinator put "Road safety" first although it was created last.
    world.priority.order = 2
    world.priority.save()
    road = PriorityFactory(plan_year=world.plan_year, title="Road safety", order=1)
    ActionFactory(priority=road, text="Speed watch", owners=[world.organisation])
    doc = build_plan(world.plan_year)
    assert [s.title for s in doc.priority_list] == ["Road safety", "Violent crime"]
    html = html_render.plan_html(doc)
    listed = re.search(r'<ul class="priorities">(.*?)</ul>', html, re.DOTALL)
    assert listed and listed.group(1).index("Road safety") < listed.group(1).index("Violent crime")
    # Reordering the action tables never reorders the list.
    doc.priorities.reverse()
    html = html_render.plan_html(doc)
    listed = re.search(r'<ul class="priorities">(.*?)</ul>', html, re.DOTALL)
    assert listed and listed.group(1).index("Road safety") < listed.group(1).index("Violent crime")
    paragraphs = [
        p.text
        for p in Document(io.BytesIO(word_render.plan_docx(doc))).paragraphs
        if p.style.name == "List Bullet"
    ]
    assert paragraphs[:2] == ["Road safety", "Violent crime"]


def test_an_empty_glossary_prints_nothing(world):
    doc = build_plan(world.plan_year)
    html = html_render.plan_html(doc)
    assert 'id="glossary"' not in html and "Term</th>" not in html
    assert ("glossary", "Glossary") not in doc.toc
    document = Document(io.BytesIO(word_render.plan_docx(doc)))
    assert "Glossary" not in [p.text for p in document.paragraphs]
    assert ["Term", "Meaning"] not in docx_table_rows(word_render.plan_docx(doc))

    GlossaryTerm.objects.create(partnership=world.partnership, term="ASB", meaning="Anti-social behaviour")
    doc = build_plan(world.plan_year)
    assert 'id="glossary"' in html_render.plan_html(doc)
    assert ["Term", "Meaning"] in docx_table_rows(word_render.plan_docx(doc))


def test_the_word_membership_table_leaves_out_empty_columns(world):
    OrganisationFactory(
        partnership=world.partnership, name="Kent Police", phone="01622 690690", in_membership_list=True
    )
    OrganisationFactory(partnership=world.partnership, name="Kent Fire", in_membership_list=True)
    doc = build_plan(world.plan_year)
    assert doc.members and not any(m.email or m.website for m in doc.members)
    rows = docx_table_rows(word_render.plan_docx(doc))
    assert ["Organisation", "Telephone"] in rows and ["Kent Police", "01622 690690"] in rows
    assert not any("Email" in row for row in rows)


def test_word_fills_the_contents_when_opened(world):
    data = word_render.plan_docx(build_plan(world.plan_year))
    settings = Document(io.BytesIO(data)).settings.element
    update = settings.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    # In the schema's place: before w:compat, so Word accepts the file.
    tags = [child.tag for child in settings]
    assert tags.index(qn("w:updateFields")) < tags.index(qn("w:compat"))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert b'w:updateFields w:val="true"' in package.read("word/settings.xml")
