"""The apps are layered: a lower app never imports a higher one (checked on the source's AST).

    core < accounts < partnership < planning < publishing < crimedata < assessment < demo

Besides, crimedata (installation-wide reference data) imports none of planning, publishing and
assessment, and nothing but `demo` imports `demo`. Imports inside functions count too; migrations
are generated and left out. Each app contributes to shared things (the menu: `<app>/navigation.py`)
instead of core knowing the apps.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ORDER = [
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
]
EXTRA_FORBIDDEN = {"crimedata": {"planning", "publishing", "assessment"}}

# Allow-listed edges (importing module, imported app): none. Keep it empty.
KNOWN_EDGES: set[tuple[str, str]] = set()


def forbidden_for(app: str) -> set[str]:
    return set(ORDER[ORDER.index(app) + 1 :]) | EXTRA_FORBIDDEN.get(app, set())


def modules(app: str) -> Iterator[tuple[str, Path]]:
    base = ROOT / app
    for path in sorted(base.rglob("*.py")) if base.is_dir() else []:
        relative = path.relative_to(ROOT).with_suffix("")
        if "migrations" in relative.parts:
            continue
        yield ".".join(relative.parts).removesuffix(".__init__"), path


def _type_checking_only(tree: ast.Module) -> set[int]:
    """ids of import nodes inside `if TYPE_CHECKING:` blocks (annotations only, never run)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    return skipped


def imported_apps(path: Path) -> set[str]:
    """The top-level packages a module imports at run time (absolute imports only; the project uses
    no others). Imports under `if TYPE_CHECKING:` are type-only and do not count."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def violations(app: str) -> list[str]:
    bad = forbidden_for(app)
    problems = []
    for name, path in modules(app):
        for target in sorted(imported_apps(path) & bad):
            if (name, target) not in KNOWN_EDGES:
                problems.append(f"{name} imports {target}")
    return problems


@pytest.mark.parametrize("app", ORDER)
def test_lower_apps_never_import_higher_ones(app):
    problems = violations(app)
    assert not problems, f"{app} may not import {sorted(forbidden_for(app))}: " + "; ".join(problems)


def test_core_imports_no_domain_app():
    assert forbidden_for("core") == set(ORDER[1:])
    assert list(modules("core")), "core's modules were not found"


def test_known_edges_are_still_needed():
    """An allow-listed edge that is gone must leave the list, so the list only shrinks."""
    for name, target in KNOWN_EDGES:
        path = (ROOT / name.replace(".", "/")).with_suffix(".py")
        assert path.exists() and target in imported_apps(path), f"remove {(name, target)} from KNOWN_EDGES"


def test_the_walk_sees_imports_inside_functions(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from planning.models import Action\n    import assessment.views\n")
    assert imported_apps(source) == {"planning", "assessment"}
