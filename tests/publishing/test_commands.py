"""The export_plan, publish_plan and export_progress commands."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from publishing.models import PlanPublication
from tests.publishing.helpers import docx_text, html_text, pdf_texts

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_export_plan_in_each_format(world, tmp_path):
    html_file, docx_file, pdf_file = tmp_path / "plan.html", tmp_path / "plan.docx", tmp_path / "plan.pdf"
    assert "Wrote the 2020/21 plan" in run(
        "export_plan", "test-csp", "2020-21", "--format", "html", "--output", str(html_file)
    )
    run("export_plan", "test-csp", "2020-21", "--format", "docx", "--output", str(docx_file))
    run("export_plan", "test-csp", "2020-21", "--format", "pdf", "--output", str(pdf_file), "--draft")
    html = html_text(html_file.read_bytes())
    assert "Hold a monthly meeting" in html and "Draft" not in html
    assert "Hold a monthly meeting Test Borough Council" in docx_text(docx_file.read_bytes())
    pdf = pdf_file.read_bytes()
    assert "DRAFT – not published" in pdf_texts(pdf)[0]
    assert PdfReader(io.BytesIO(pdf)).metadata.title.startswith("Draft: Test Community Safety Partnership")
    assert not PlanPublication.objects.exists()


@pytest.mark.parametrize(
    ("command", "extra"),
    [("export_plan", ["--format", "html", "--output", "/tmp/x.html"]), ("publish_plan", [])],
)
def test_unknown_partnership_or_year_is_a_clear_error(world, command, extra):
    with pytest.raises(CommandError, match="There is no partnership 'nope'"):
        call_command(command, "nope", "2020-21", *extra)
    with pytest.raises(CommandError, match=r"has no plan year '2031-32'.*2020-21"):
        call_command(command, "test-csp", "2031-32", *extra)


def test_output_folder_must_exist(world, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "export_plan",
            "test-csp",
            "2020-21",
            "--format",
            "html",
            "--output",
            str(tmp_path / "no" / "x.html"),
        )


def test_publish_plan_records_who_and_adds_versions(world):
    assert "as version 1" in run("publish_plan", "test-csp", "2020-21", "--confirm", "--as", "coord")
    assert "as version 2" in run("publish_plan", "test-csp", "2020-21", "--confirm")
    first, second = PlanPublication.objects.order_by("number")
    assert first.published_by == world.coordinator
    assert second.published_by.username == "csphub-system"
    with pytest.raises(CommandError, match="no user called"):
        call_command("publish_plan", "test-csp", "2020-21", "--as", "ghost")


def test_export_progress(world, tmp_path):
    target = tmp_path / "progress.xlsx"
    run("export_progress", "test-csp", "2020-21", "--format", "xlsx", "--output", str(target))
    sheet = load_workbook(target)["Actions"]
    assert [c.value for c in sheet[2]][1:3] == ["Hold a monthly meeting", "Test Borough Council"]
    assert [c.value for c in sheet[2]][8] == "No status recorded"  # after Target, Due date, Overdue (issue 9)
    run("export_progress", "test-csp", "2020-21", "--format", "docx", "--output", str(tmp_path / "p.docx"))
    assert "Actions by status" in docx_text((tmp_path / "p.docx").read_bytes())
