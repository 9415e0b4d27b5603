"""The build-failing check: restricted models' managers are used only where the kernel allows.

Outside `selectors*`, `services*`, `access.py`, migrations and tests, no code may use
`<RestrictedModel>.objects`, `<RestrictedModel>._default_manager` or a reverse related manager of a
restricted model (`plan_year.actions.all()`): reads go through visibility querysets and doors.
"""

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import models

from core.access import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "core",
    "accounts",
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
MANAGER_METHODS = {
    "all", "filter", "exclude", "get", "create", "count", "exists", "order_by", "select_related",
    "prefetch_related", "values", "values_list", "first", "last", "annotate", "aggregate", "update",
    "delete", "get_or_create", "update_or_create", "bulk_create", "bulk_update", "in_bulk", "iterator",
    "none", "only", "defer", "distinct", "latest", "earliest", "set", "add", "remove", "clear",
}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def restricted_names() -> set[str]:
    return {model.__name__ for model in REGISTRY}


def reverse_accessors() -> set[str]:
    """Names of reverse related managers that yield restricted records (`actions`, `updates`...)."""
    names: set[str] = set()
    for model in REGISTRY:
        for relation in model._meta.related_objects:
            if relation.related_model in REGISTRY and (relation.one_to_many or relation.many_to_many):
                accessor = relation.get_accessor_name()
                if accessor and not accessor.endswith("+"):
                    names.add(accessor)
        for field in model._meta.many_to_many:
            if isinstance(field, models.ManyToManyField) and field.related_model in REGISTRY:
                names.add(field.name)
    return names


def allowed(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    name = path.name
    return (
        "migrations" in parts
        or parts[0] == "tests"
        or name == "access.py"
        or name.startswith(("selectors", "services"))
        or any(part.startswith(("selectors", "services")) for part in parts[:-1])
    )


def scan_source(source: str, path: str, models_: set[str], accessors: set[str]) -> Iterator[Finding]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        value = node.value
        if (
            node.attr in {"objects", "_default_manager"}
            and isinstance(value, ast.Name)
            and value.id in models_
        ):
            yield Finding(path, node.lineno, f"{value.id}.{node.attr}")
        elif node.attr in MANAGER_METHODS and isinstance(value, ast.Attribute) and value.attr in accessors:
            yield Finding(path, node.lineno, f"….{value.attr}.{node.attr}()")


def python_files(apps: Iterable[str] = APPS) -> Iterator[Path]:
    for app in apps:
        folder = ROOT / app
        if folder.is_dir():
            yield from sorted(folder.rglob("*.py"))


def findings(files: Iterable[Path] | None = None) -> list[Finding]:
    models_, accessors = restricted_names(), reverse_accessors()
    found: list[Finding] = []
    for path in files if files is not None else python_files():
        if files is None and allowed(path):
            continue
        found.extend(scan_source(path.read_text(), str(path.relative_to(ROOT)), models_, accessors))
    return found
