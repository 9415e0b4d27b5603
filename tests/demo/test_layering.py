"""The demo is the top floor (ADR 0010): it imports the apps, no app imports it, and it never skips
an access check."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
OUTSIDE = frozenset({".venv", "node_modules", "tests", "demo", ".git"})


def _python_files(folder: Path, skip: frozenset[str] = frozenset()) -> list[Path]:
    return [p for p in folder.rglob("*.py") if not skip & set(p.relative_to(folder).parts)]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_app_imports_the_demo():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _python_files(ROOT, OUTSIDE)
        for name in sorted(_imports(path))
        if name == "demo" or name.startswith("demo.")
    ]
    assert offenders == []


def test_demo_is_installed_last():
    assert settings.INSTALLED_APPS[-1] == "demo"


def test_demo_passes_no_check_access_and_loads_no_module_by_name():
    problems = []
    for path in _python_files(ROOT / "demo"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "check_access":
                problems.append(f"{path.name}:{node.lineno}: check_access=")
        if "importlib" in _imports(path):
            problems.append(f"{path.name}: importlib")
    assert problems == []
