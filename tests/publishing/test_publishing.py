"""Publishing: immutable versions, public URLs, permissions and the signed-in pages."""

import io
import re

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from PIL import Image

from core.errors import AccessDenied
from partnership.models import GlossaryTerm, Organisation
from planning.models import Measure, MeasureKind, Status, Update
from publishing import services
from publishing.models import ImmutableError, PlanNarrative, PlanPublication, ProjectReview
from publishing.render import html as html_render
from publishing.render.document import build_plan
from tests.factories import ActionFactory, PlanYearFactory, PriorityFactory
from tests.publishing.helpers import docx_text, html_text, pdf_texts

pytestmark = pytest.mark.django_db


def url(name: str, world, **kwargs) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"publishing:{name}", kwargs={"partnership": world.partnership.slug, **kwargs})


def test_publishing_stores_immutable_versions(world):
    first = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    html, pdf, docx = bytes(first.html), bytes(first.pdf), bytes(first.docx)
    assert first.number == 1 and first.published_by == world.coordinator
    assert "Hold a monthly meeting" in html_text(html)

    world.action.text = "A completely rewritten action"
    world.action.save()
    GlossaryTerm.objects.create(partnership=world.partnership, term="NEW", meaning="Added later")

    stored = PlanPublication.objects.get(pk=first.pk)
    assert (bytes(stored.html), bytes(stored.pdf), bytes(stored.docx)) == (html, pdf, docx)
    assert stored.intact()
    stored.html = b"<p>tampered</p>"
    with pytest.raises(ImmutableError):
        stored.save()
    with pytest.raises(ImmutableError):
        PlanPublication.objects.filter(pk=first.pk).update(html=b"x")
    with pytest.raises(ImmutableError):
        stored.delete()

    second = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    assert second.number == 2
    assert "A completely rewritten action" in html_text(bytes(second.html))
    assert "A completely rewritten action" not in html_text(
        bytes(PlanPublication.objects.get(pk=first.pk).html)
    )
    assert "Added later" in docx_text(bytes(second.docx))


def test_only_coordinators_publish_through_the_service(world):
    for user in (world.member, world.lead_officer, world.outsider):
        with pytest.raises(AccessDenied):
            services.plan_publish(plan_year=world.plan_year, actor=user, confirmed=True)
    assert not PlanPublication.objects.exists()


def test_public_pages_serve_the_stored_versions(client, world):
    first = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    world.action.text = "Changed after version 1"
    world.action.save()
    second = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    base = "/p/test-csp/plan/2020-21/"

    index = client.get("/p/test-csp/")
    assert index.status_code == 200
    assert b"Partnership Plan 2020/21" in index.content and b"Version 2" in index.content

    latest = client.get(base)
    assert latest.status_code == 200 and latest.content == bytes(second.html)
    policy = latest["Content-Security-Policy"]
    assert "script-src" not in policy and "default-src 'none'" in policy
    assert client.get(base + "plan.pdf").content == bytes(second.pdf)
    assert client.get(base + "plan.pdf")["Content-Type"] == "application/pdf"
    assert client.get(base + "plan.docx").content == bytes(second.docx)

    old = client.get(base + "versions/1/")
    assert old.content == bytes(first.html)
    assert b"Changed after version 1" not in old.content
    assert client.get(base + "versions/1/plan.pdf").content == bytes(first.pdf)
    assert client.get(base + "versions/1/plan.docx").content == bytes(first.docx)

    for missing in (
        base + "versions/3/",
        base + "versions/3/plan.pdf",
        "/p/test-csp/plan/2019-20/",
        "/p/test-csp/plan/2019-20/plan.pdf",
        "/p/unknown-csp/",
        "/p/unknown-csp/plan/2020-21/",
        "/p/other-csp/",  # exists, but has published nothing
        "/p/other-csp/plan/2020-21/plan.docx",
    ):
        assert client.get(missing).status_code == 404, missing


def test_web_plan_names_the_partnership_once_has_an_inline_icon_and_only_used_member_columns(world):
    Organisation.objects.filter(pk=world.organisation.pk).update(
        in_membership_list=True, phone="01732 844522", website="www.tmbc.gov.uk"
    )
    doc = build_plan(world.plan_year)
    web = html_render.plan_html(doc)
    # The header bar shows the name; in the title it is there for screen readers only.
    assert '<span class="cover__partnership visually-hidden">Test Community Safety Partnership</span>' in web
    icons = re.findall(r'<link rel="icon"[^>]*href="([^"]*)"', web)
    assert len(icons) == 1 and icons[0].startswith("data:image/svg+xml,")  # the page allows data: images only
    # Tables scroll sideways on a phone, so keyboard users can focus them (and only on the web).
    assert '<table class="members" tabindex="0">' in web and 'tabindex="0"' not in html_render.plan_html(
        doc, web=False
    )
    members = web.split('<table class="members" tabindex="0">')[1].split("</table>")[0]
    assert re.findall(r'<th scope="col">([^<]*)</th>', members) == ["Organisation", "Telephone", "Website"]
    assert '<td class="nowrap">01732 844522</td>' in members
    assert '<a href="https://www.tmbc.gov.uk">www.tmbc.gov.uk</a>' in members

    printed = html_render.plan_html(doc, web=False)  # what the PDF is made from: the cover keeps the name
    assert '<span class="cover__partnership">Test Community Safety Partnership</span>' in printed
    assert 'rel="icon"' not in printed


def test_unpublished_partnership_year_is_not_public_even_when_it_exists(client, world):
    PlanYearFactory(partnership=world.partnership, slug="2021-22")
    world.plan_year.state = "closed"  # publishing does not depend on the year's state
    world.plan_year.save()
    services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    assert client.get("/p/test-csp/plan/2020-21/").status_code == 200
    assert client.get("/p/test-csp/plan/2021-22/").status_code == 404
    assert b"2021/22" not in client.get("/p/test-csp/").content


def test_permissions_on_signed_in_pages(client, world):
    year = {"year": "2020-21"}
    # Anonymous users are sent to sign in.
    response = client.get(url("documents", world))
    assert response.status_code == 302 and "/accounts/" in response["Location"]
    # A member reads, downloads and previews, but cannot publish or edit.
    client.force_login(world.member)
    assert client.get(url("documents", world)).status_code == 200
    assert client.get(url("year", world, **year)).status_code == 200
    assert client.get(url("draft_docx", world, **year)).status_code == 200
    assert client.get(url("progress_xlsx", world, **year)).status_code == 200
    assert client.post(url("publish", world, **year)).status_code == 404
    assert client.get(url("narrative", world, **year)).status_code == 404
    assert client.get(url("project_add", world, **year)).status_code == 404
    assert b"Check and publish the 2020/21 plan" not in client.get(url("year", world, **year)).content
    client.force_login(world.lead_officer)
    assert client.post(url("publish", world, **year)).status_code == 404
    # Someone from another partnership learns nothing.
    client.force_login(world.outsider)
    for name in ("documents",):
        assert client.get(url(name, world)).status_code == 404
    for name in ("year", "preview", "draft_pdf", "progress_docx", "narrative"):
        assert client.get(url(name, world, **year)).status_code == 404, name
    assert client.post(url("publish", world, **year)).status_code == 404
    # A site administrator without a membership is treated like anyone else.
    client.force_login(world.site_admin)
    assert client.post(url("publish", world, **year)).status_code == 404
    assert not PlanPublication.objects.exists()
    # The coordinator sees the checklist (GET) and publishes by confirming it (POST).
    client.force_login(world.coordinator)
    assert b"Checklist" in client.get(url("publish", world, **year)).content
    unconfirmed = client.post(url("publish", world, **year))
    assert unconfirmed.status_code == 200 and not PlanPublication.objects.exists()
    assert b"Confirm that you have read the checklist" in unconfirmed.content
    response = client.post(url("publish", world, **year), {"confirm": "on"})
    assert response.status_code == 302
    assert PlanPublication.objects.get().published_by == world.coordinator
    assert b"Version 1" in client.get(url("year", world, **year)).content


def test_preview_is_watermarked_current_and_scriptless(client, world):
    client.force_login(world.member)
    world.action.text = "Freshly edited action"
    world.action.save()
    response = client.get(url("preview", world, year="2020-21"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<strong>Draft</strong> – not published" in body
    assert "Freshly edited action" in body
    assert "data:image/png;base64," in body  # the watermark
    assert "script-src" not in response["Content-Security-Policy"]


def test_narrative_editing_keeps_history_and_renders_markdown(client, world):
    client.force_login(world.coordinator)
    data = {
        "introduction": "Our **plan** for the year.\n\n> A quoted vision",
        "review_narrative": "",
        "projects_introduction": "",
        "priority_issues_before": "Before the list",
        "priority_issues_after": "After the list",
        "contact_block": "Tel: 01234 567890",
    }
    response = client.post(url("narrative", world, year="2020-21"), data)
    assert response.status_code == 302
    data["introduction"] = "Changed introduction"
    client.post(url("narrative", world, year="2020-21"), data)
    narrative = PlanNarrative.objects.get(plan_year=world.plan_year)
    assert narrative.introduction == "Changed introduction"
    assert narrative.history.count() == 2
    page = client.get(url("narrative", world, year="2020-21")).content.decode()
    assert "History" in page and "Introduction" in page
    preview = client.get(url("preview", world, year="2020-21")).content.decode()
    assert "<p>Changed introduction</p>" in preview and "Tel: 01234 567890" in preview


def _png() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "photo.png"
    return buffer


def test_project_review_with_quote_and_photo_reaches_every_format(client, world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    client.force_login(world.coordinator)
    year = {"year": "2020-21"}
    response = client.post(
        url("project_add", world, **year), {"title": "Youth projects", "narrative": "The *Y2 Crew* ran."}
    )
    review = ProjectReview.objects.get()
    assert response.status_code == 302
    client.post(
        url("quote_add", world, review=review.pk, **year), {"text": "It was great", "attribution": "A pupil"}
    )
    response = client.post(
        url("photo_add", world, review=review.pk, **year),
        {"image": _png(), "alt_text": "Pupils holding certificates", "caption": "Award day"},
    )
    assert response.status_code == 302
    bad = client.post(url("photo_add", world, review=review.pk, **year), {"alt_text": ""})
    assert bad.status_code == 200 and b"govuk-error-summary" in bad.content
    html = client.get(url("preview", world, **year)).content.decode()
    assert 'alt="Pupils holding certificates"' in html and "<figcaption>Award day</figcaption>" in html
    assert "“It was great”" in html and "<em>Y2 Crew</em>" in html
    docx = client.get(url("draft_docx", world, **year)).content
    document = Document(io.BytesIO(docx))
    assert [s._inline.docPr.get("descr") for s in document.inline_shapes] == ["Pupils holding certificates"]
    assert "“It was great”" in docx_text(docx) and "Youth projects" in docx_text(docx)
    missing_title = client.post(url("project_add", world, **year), {"title": "", "narrative": "x"})
    assert missing_title.status_code == 200 and b"Enter a title" in missing_title.content


def test_example_data_is_marked_in_documents_and_progress_report(client, world):
    previous = PlanYearFactory(partnership=world.partnership, slug="2019-20", state="closed")
    old = ActionFactory(
        priority=PriorityFactory(plan_year=previous, title="Old priority"), owners=[world.organisation]
    )
    year_end = previous.periods.get(code="year-end")
    Update.objects.create(action=old, period=year_end, narrative="Made-up year-end result", is_example=True)
    Measure.objects.create(
        partnership=world.partnership,
        plan_year=previous,
        kind=MeasureKind.KEY_FIGURE,
        name="Invented figure",
        value=12,
        is_example=True,
    )
    status = Status.objects.get(partnership=world.partnership, name="On track")
    Update.objects.create(
        action=world.action,
        period=world.plan_year.periods.get(code="Q1"),
        narrative="Made-up Q1 progress",
        status=status,
        is_example=True,
    )
    client.force_login(world.member)
    html = html_text(client.get(url("preview", world, year="2020-21")).content)
    assert "Example data: Made-up year-end result" in html
    assert "Example data: Invented figure" in html
    assert "Example data: Made-up Q1 progress On track" in html
    docx = docx_text(client.get(url("draft_docx", world, year="2020-21")).content)
    assert "Example data: Made-up Q1 progress" in docx and "Example data: Made-up year-end result" in docx
    sheet = load_workbook(io.BytesIO(client.get(url("progress_xlsx", world, year="2020-21")).content))[
        "Actions"
    ]
    row = [c.value for c in sheet[2]]
    assert row[1:] == [
        "Hold a monthly meeting",
        "Test Borough Council",
        None,  # no target
        None,  # no due date
        None,  # not overdue
        "Made-up Q1 progress",
        "Quarter 1",
        "On track",
        "Example data",
    ]


def test_progress_report_counts_every_status_and_is_spreadsheet_safe(client, world):
    ActionFactory(
        priority=world.priority, text='=HYPERLINK("http://evil")', owners=[world.other_organisation]
    )
    done = ActionFactory(priority=world.priority, text="Finished action", owners=[world.organisation])
    Update.objects.create(
        action=done,
        period=world.plan_year.periods.get(code="Q1"),
        narrative="+all done",
        status=Status.objects.get(partnership=world.partnership, name="Completed"),
    )
    client.force_login(world.member)
    book = load_workbook(io.BytesIO(client.get(url("progress_xlsx", world, year="2020-21")).content))
    counts = {row[0].value: row for row in book["Counts by status"].iter_rows(min_row=1)}
    header = [c.value for c in counts["Priority"]]
    totals = dict(zip(header, [c.value for c in counts["All priorities"]], strict=True))
    assert totals["Completed"] == 1 and totals["No status recorded"] == 2 and totals["Total"] == 3
    values = [c.value for row in book["Actions"].iter_rows() for c in row if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://evil")' in values and "'+all done" in values
    assert not any(v.startswith(("=", "+")) for v in values)
    pdf = client.get(url("progress_pdf", world, year="2020-21"))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_texts(pdf.content)[0]
    assert "No status recorded" in text and "Finished action" in text and "Completed" in text
    docx = docx_text(client.get(url("progress_docx", world, year="2020-21")).content)
    assert "=HYPERLINK" in docx and "No status recorded" in docx
