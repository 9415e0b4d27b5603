"""The access kernel's structural rules (ADR 0008), checked over the whole code base."""

import ast
import inspect
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

from core.access import REGISTRY, Purpose
from tests.kernel.managers import (
    ROOT,
    findings,
    python_files,
    restricted_names,
    reverse_accessors,
    scan_source,
)

DOMAIN_APPS = (
    "partnership",
    "planning",
    "publishing",
    "crimedata",
    "assessment",
    "projects",
    "governance",
    "casework",
    "casereviews",
    "demo",
)


def belongs_to_partnership(model: type[models.Model], seen: frozenset[type] = frozenset()) -> bool:
    """Whether a model reaches Partnership through its own foreign keys (or is Partnership)."""
    partnership = apps.get_model("partnership", "Partnership")
    if model is partnership:
        return True
    for field in model._meta.concrete_fields:
        target = (
            field.related_model if field.is_relation and (field.many_to_one or field.one_to_one) else None
        )
        if not isinstance(target, type) or target in seen or target is model:
            continue
        if target is partnership or belongs_to_partnership(target, seen | {model}):
            return True
    return False


def domain_models() -> set[type[models.Model]]:
    found = set()
    for label in DOMAIN_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models():
            if model.__name__.startswith("Historical") or model._meta.abstract:
                continue
            if belongs_to_partnership(model):
                found.add(model)
    return found


def test_every_partnership_record_is_registered_and_nothing_else():
    assert {m._meta.label for m in domain_models()} == {m._meta.label for m in REGISTRY}


@pytest.mark.parametrize("model", sorted(REGISTRY, key=lambda m: m._meta.label), ids=lambda m: m._meta.label)
def test_one_visibility_queryset_and_one_door_per_restricted_model(model):
    entry = REGISTRY[model]
    assert entry.visible.__name__.endswith("_visible_to"), entry.visible.__name__
    assert "for_" in inspect.signature(entry.visible).parameters
    module = sys.modules[model.__module__.replace(".models", ".access")]
    doors = [
        name
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if name.startswith("access_")
        and name.endswith(("_by_id", "_by_slug"))
        and function.__module__ == module.__name__
        and typing.get_type_hints(function).get("return") is model
    ]
    assert len(doors) == 1, f"{model._meta.label}: doors {doors}"
    assert "for_" in inspect.signature(getattr(module, doors[0])).parameters


def test_no_restricted_manager_outside_selectors_services_and_access():
    assert [str(f) for f in findings()] == []


def test_the_manager_check_catches_planted_queries(tmp_path):
    planted = tmp_path / "planted_view.py"
    planted.write_text(
        "from planning.models import Action\n\n"
        "def view(plan_year):\n"
        "    first = Action.objects.filter(pk=1)\n"
        "    second = Action._default_manager.all()\n"
        "    return plan_year.actions.all(), first, second\n"
    )
    caught = list(
        scan_source(planted.read_text(), "planted_view.py", restricted_names(), reverse_accessors())
    )
    assert [(f.line, f.text) for f in caught] == [
        (4, "Action.objects"),
        (5, "Action._default_manager"),
        (6, "….actions.all()"),
    ]


def test_ruff_bans_restricted_managers_in_planted_module():
    planted = ROOT / "planning" / "views" / "zz_planted_for_test.py"
    planted.write_text("from planning.models import Action\n\nFIRST = Action.objects.all()\n")
    try:
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "ruff"),
                "check",
                "--select",
                "TID251",
                "--no-cache",
                str(planted),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
    finally:
        planted.unlink()
    assert result.returncode == 1, result.stdout
    assert "TID251" in result.stdout and "planning.models.Action.objects" in result.stdout


def test_ruff_banned_api_lists_every_restricted_model():
    import tomllib

    banned = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"][
        "flake8-tidy-imports"
    ]["banned-api"]
    expected = {
        f"{m.__module__}.{m.__name__}.{attr}" for m in REGISTRY for attr in ("objects", "_default_manager")
    }
    assert expected <= set(banned), sorted(expected - set(banned))


def test_no_function_has_a_check_access_parameter():
    offenders = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                arguments = node.args.args + node.args.kwonlyargs + node.args.posonlyargs
                if any(a.arg == "check_access" for a in arguments):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert offenders == []


def test_purposes_are_the_three_the_adr_names():
    assert [p.value for p in Purpose] == ["view", "report", "manage"]
