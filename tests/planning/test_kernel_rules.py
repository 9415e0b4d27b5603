"""Planning's code keeps the kernel's rules: reads only in selectors/services/access, typed actors,
no `check_access`; commands act as a named actor; history reads as words."""

import ast
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from core.access import REGISTRY
from core.history import history_rows
from planning import selectors, services
from planning.models import PlanYear
from tests.factories import PlanYearFactory

PLANNING = Path(__file__).resolve().parents[2] / "planning"
# admin.py is restricted by another change; models.py is covered by the check in tests/kernel.
ALLOWED = ("access.py", "selectors", "services", "migrations", "admin.py", "models.py")
MANAGER_METHODS = {
    "all",
    "filter",
    "exclude",
    "get",
    "count",
    "exists",
    "first",
    "last",
    "order_by",
    "values",
    "values_list",
    "select_related",
    "prefetch_related",
    "annotate",
    "aggregate",
    "create",
    "none",
}


def _restricted_names() -> tuple[set[str], set[str]]:
    """Class names of every restricted model, and the reverse accessors that lead to them."""
    names = {model.__name__ for model in REGISTRY}
    reverse: set[str] = set()
    for model in REGISTRY:
        for field in model._meta.get_fields():
            reverse_relation = field.is_relation and field.auto_created and not field.concrete
            if reverse_relation and field.related_model in REGISTRY:
                reverse.add(field.get_accessor_name())  # type: ignore[union-attr]
    return names, reverse - {"+"}


def _offences(path: Path, names: set[str], reverse: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr in ("objects", "_default_manager") and getattr(node.value, "id", "") in names:
            found.append(f"{path.name}:{node.lineno} {node.value.id}.{node.attr}")  # type: ignore[attr-defined]
        elif node.attr in MANAGER_METHODS and getattr(node.value, "attr", "") in reverse:
            found.append(f"{path.name}:{node.lineno} .{node.value.attr}.{node.attr}")  # type: ignore[attr-defined]
    return found


@pytest.mark.django_db
def test_no_restricted_manager_reads_outside_selectors_services_and_access():
    names, reverse = _restricted_names()
    offences = []
    for path in PLANNING.rglob("*.py"):
        relative = path.relative_to(PLANNING).as_posix()
        if not relative.startswith(ALLOWED):
            offences += _offences(path, names, reverse)
    assert offences == []


def test_no_check_access_parameter_and_no_untyped_actor_in_planning():
    for path in PLANNING.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef):
                arguments = node.args.args + node.args.kwonlyargs
                assert "check_access" not in {a.arg for a in arguments}, f"{path}:{node.lineno}"
                for argument in arguments:
                    if argument.arg in ("actor", "user") and "/views/" not in str(path):
                        assert argument.arg == "actor", f"{path}:{node.lineno} {node.name}"
                        assert ast.unparse(argument.annotation or ast.Name("")) == "Actor", node.name


@pytest.mark.django_db
def test_plan_year_for_command_names_what_exists(world):
    from core.actors import system_user

    assert selectors.plan_year_for_command(system_user(), "test-csp", "2020-21") == world.plan_year
    with pytest.raises(CommandError, match="Partnerships: other-csp, test-csp"):
        selectors.plan_year_for_command(system_user(), "nope", "2020-21")
    with pytest.raises(CommandError, match="Its plan years: 2020-21"):
        selectors.plan_year_for_command(system_user(), "test-csp", "1999-00")
    with pytest.raises(CommandError, match="Partnerships: other-csp\\."):  # --as sees only their own
        selectors.plan_year_for_command(world.outsider, "test-csp", "2020-21")


@pytest.mark.django_db
def test_import_command_acts_as_the_named_actor(world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("Priority,Action,Owner/lead agency,Update,Status\nViolent crime,New one,Test Police,,\n")
    with pytest.raises(CommandError, match="Only the partnership coordinator"):
        call_command("import_actions", "test-csp", "2020-21", str(path), "--as", "lead")
    call_command("import_actions", "test-csp", "2020-21", str(path), "--as", "coord", stdout=StringIO())
    created = PlanYear.objects.get(pk=world.plan_year.pk).actions.get(text="New one")
    assert created.history.get().history_user == world.coordinator


@pytest.mark.django_db
def test_history_rows_label_choices_and_hide_bookkeeping(world):
    from planning.models import ReportingPeriod

    services.plan_year_set_state(plan_year=world.plan_year, state="draft", actor=world.coordinator)
    rows = history_rows(world.plan_year)
    assert rows[0]["type"] == "Changed" and rows[0]["changes"] == [
        {"field": "State", "old": "Live", "new": "Draft"}
    ]
    period = ReportingPeriod.objects.filter(plan_year=world.plan_year).get(code="Q2")
    services.plan_year_open_period(plan_year=world.plan_year, period=period, actor=world.coordinator)
    assert history_rows(period)[0]["changes"] == [{"field": "Is open", "old": "No", "new": "Yes"}]
    later = PlanYearFactory(partnership=world.partnership, slug="2021-22")
    services.plan_year_set_current(plan_year=later, actor=world.coordinator)
    change = history_rows(world.partnership)[0]["changes"]
    assert change == [{"field": "Current plan year", "old": "2020/21", "new": "2021/22"}]
    assert history_rows(world.partnership, readable=False)[0]["changes"][0]["new"] == later.pk
