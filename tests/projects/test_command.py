"""The funding_return command: formats, --pot, --as, and clear refusals."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from projects import services
from tests.projects.helpers import DAY, make_pot, make_project

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def funded(world):  # type: ignore[no-untyped-def]
    grant, tactical = make_pot(world, "PCC grant", "1000"), make_pot(world, "Tactical pot", "300")
    project = make_project(world)
    for pot, amount, spent in ((grant, "400", ["120.10", "79.90"]), (tactical, "100", ["0.01"])):
        allocation = services.allocation_record(
            actor=world.coordinator, project=project, pot=pot, amount=D(amount), date=DAY
        )
        for value in spent:
            services.spend_record(
                actor=world.coordinator, allocation=allocation, amount=D(value), date=DAY, description="x"
            )
    return world


def run(tmp_path, *args: str) -> str:
    out = io.StringIO()
    call_command("funding_return", *args, stdout=out)
    return out.getvalue()


def test_csv_of_every_pot_has_a_pot_column(funded, tmp_path):
    target = tmp_path / "r.csv"
    run(tmp_path, "test-csp", "2020-21", "--format", "csv", "--output", str(target))
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Pot", "Project", "Allocated", "Spent", "Remaining", "Output", "Target", "Actual"]
    assert [r[:5] for r in rows[1:]] == [
        ["PCC grant", "Crime prevention events", "400.00", "200.00", "200.00"],
        ["Tactical pot", "Crime prevention events", "100.00", "0.01", "99.99"],
    ]


def test_xlsx_sheets_and_one_pot(funded, tmp_path):
    target = tmp_path / "r.xlsx"
    run(tmp_path, "test-csp", "2020-21", "--format", "xlsx", "--output", str(target))
    assert load_workbook(target).sheetnames == ["All pots", "PCC grant", "Tactical pot"]
    message = run(
        tmp_path, "test-csp", "2020-21", "--pot", "tactical POT", "--format", "xlsx", "--output", str(target)
    )
    assert "the pot Tactical pot" in message
    assert load_workbook(target).sheetnames == ["Tactical pot"]


def test_pdf(funded, tmp_path):
    target = tmp_path / "r.pdf"
    run(tmp_path, "test-csp", "2020-21", "--format", "pdf", "--output", str(target), "--as", "member")
    assert target.read_bytes().startswith(b"%PDF")


def test_refusals(funded, tmp_path):
    target = str(tmp_path / "r.csv")
    with pytest.raises(CommandError, match="no funding pot called 'Nope'. Its pots: PCC grant, Tactical pot"):
        run(tmp_path, "test-csp", "2020-21", "--pot", "Nope", "--format", "csv", "--output", target)
    with pytest.raises(CommandError, match="no partnership 'test-csp' you can use"):
        run(tmp_path, "test-csp", "2020-21", "--format", "csv", "--output", target, "--as", "outsider")
    with pytest.raises(CommandError, match="no plan year '2030-31'"):
        run(tmp_path, "test-csp", "2030-31", "--format", "csv", "--output", target)
