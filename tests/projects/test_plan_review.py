"""Projects chosen for the plan's review print under their priority's review section, with their
outputs (qualifiers kept), approved quotes and approved photographs, in HTML, PDF and Word."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects import services, services_reporting
from publishing import services as publishing_services
from publishing.render import html as html_render
from publishing.render import pdf as pdf_render
from publishing.render import word as word_render
from publishing.render.document import build_plan
from tests.factories import PlanYearFactory, PriorityFactory
from tests.publishing.helpers import docx_text, norm, pdf_texts

pytestmark = pytest.mark.django_db


def test_projects_print_under_their_priority(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    previous = PlanYearFactory(partnership=world.partnership, slug="2019-20")
    old_priority = PriorityFactory(plan_year=previous, title="Domestic abuse")
    publishing_services.project_review_save(
        plan_year=world.plan_year,
        actor=world.coordinator,
        priority=old_priority,
        narrative="Introduction text.",
    )
    coordinator = world.coordinator

    def project(title: str, **extra):  # type: ignore[no-untyped-def]
        made = services.project_create(
            actor=coordinator, plan_year=previous, title=title, priorities=[old_priority], **extra
        )
        services.project_transition(actor=coordinator, project=made, to="approved")
        return made

    second = project("Freedom Programme", summary="Ran in Tonbridge.", in_plan_review=True, review_order=2)
    first = project("One Stop Shop", summary="A weekly drop in.", in_plan_review=True, review_order=1)
    project("Not chosen", in_plan_review=False)
    services_reporting.output_add(
        actor=coordinator,
        project=first,
        name="People using the service",
        unit="people",
        value=Decimal(35),
        value_qualifier="over",
    )
    approved = services_reporting.quote_add(actor=coordinator, project=second, text="It changed my life")
    services_reporting.quote_approve(actor=coordinator, quote=approved)
    services_reporting.quote_add(actor=coordinator, project=second, text="Draft quote not approved")
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (20, 90, 30)).save(buffer, format="PNG")
    photo = services_reporting.photo_add(
        actor=coordinator,
        project=second,
        image=SimpleUploadedFile("p.png", buffer.getvalue()),
        alt_text="A group",
    )
    services_reporting.photo_approve(actor=coordinator, photo=photo)

    hidden = services.pot_create(
        actor=coordinator, plan_year=previous, name="Hidden pot", amount=Decimal("900")
    )
    shown = services.pot_create(
        actor=coordinator, plan_year=previous, name="PCC grant", amount=Decimal("900")
    )
    services.pot_publish_amounts(actor=coordinator, pot=shown, published=True)
    for pot, amount in ((hidden, "300"), (shown, "250"), (shown, "0.50")):
        services.allocation_record(
            actor=coordinator, project=first, pot=pot, amount=Decimal(amount), date=previous.start_date
        )

    doc = build_plan(world.plan_year)
    section = doc.projects[0]
    assert section.projects[0].funding == "Funded with £250.50 from PCC grant."  # the hidden pot stays hidden
    assert section.projects[1].funding == ""
    assert [p.title for p in section.projects] == ["One Stop Shop", "Freedom Programme"]
    assert section.projects[0].outputs == ["People using the service: over 35 people"]
    assert [q.text for q in section.projects[1].quotes] == ["It changed my life"]
    assert [p.alt for p in section.projects[1].photos] == ["A group"]

    order = [
        "Introduction text.",
        "One Stop Shop",
        "over 35 people",
        "Freedom Programme",
        "It changed my life",
    ]
    html = norm(html_render.plan_html(doc, web=False))
    word = norm(docx_text(word_render.plan_docx(doc)))
    pdf = norm(pdf_texts(pdf_render.plan_pdf(doc))[0])
    for text in (html, word, pdf):
        positions = [text.index(part) for part in order]
        assert positions == sorted(positions)
        assert "Not chosen" not in text and "Draft quote" not in text and "Hidden pot" not in text


def test_review_quotes_and_photos_move_to_a_project_and_back(world, settings, tmp_path):
    from django.apps import apps

    from projects import services_review_move as review_migration
    from projects.models import Project
    from publishing.models import FeedbackQuote, ProjectPhoto

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    coordinator = world.coordinator
    with_priority = publishing_services.project_review_save(
        plan_year=world.plan_year, actor=coordinator, priority=world.priority, narrative="Intro."
    )
    without = publishing_services.project_review_save(
        plan_year=world.plan_year, actor=coordinator, title="Other"
    )
    for review in (with_priority, without):
        publishing_services.quote_add(
            review=review, actor=coordinator, text=f"Quote of {review}", attribution="A"
        )
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (20, 90, 30)).save(buffer, format="PNG")
    photo = publishing_services.photo_add(
        review=with_priority,
        actor=coordinator,
        image=SimpleUploadedFile("p.png", buffer.getvalue()),
        alt_text="Mural",
    )
    stored = photo.image.name
    before = norm(html_render.plan_html(build_plan(world.plan_year), web=False))

    review_migration.forwards(apps)
    project = Project.objects.get()
    assert (project.title, project.status, project.in_plan_review) == ("Violent crime", "completed", True)
    assert [q.text for q in project.quotes.all()] == ["Quote of Violent crime"]
    assert [(p.image.name, p.alt_text, p.is_approved) for p in project.photos.all()] == [
        (stored, "Mural", True)
    ]
    assert [q.text for q in FeedbackQuote.objects.all()] == ["Quote of Other"]  # no priority: kept
    assert not ProjectPhoto.objects.exists()
    after = norm(html_render.plan_html(build_plan(world.plan_year), web=False))
    for text in ("Intro.", "Quote of Violent crime", "Quote of Other", "Mural"):
        assert text in before and text in after

    review_migration.backwards(apps)
    assert not Project.objects.exists()
    assert sorted(q.text for q in FeedbackQuote.objects.all()) == ["Quote of Other", "Quote of Violent crime"]
    assert [p.image.name for p in ProjectPhoto.objects.all()] == [stored]
