"""Print ruff's TID251 banned-API table for every restricted model (paste into pyproject.toml).

    DJANGO_SETTINGS_MODULE=csphub.test_settings .venv/bin/python scripts/banned_api.py

`tests/kernel/test_kernel.py` fails when a registered model is missing from the table.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.test_settings")

import django  # noqa: E402

django.setup()

from core.access import REGISTRY  # noqa: E402

MESSAGE = "Read restricted records through their visibility queryset or door (ADR 0008)."
print("[tool.ruff.lint.flake8-tidy-imports.banned-api]")
for model in sorted(REGISTRY, key=lambda m: (m.__module__, m.__name__)):
    for attribute in ("objects", "_default_manager"):
        print(f'"{model.__module__}.{model.__name__}.{attribute}".msg = "{MESSAGE}"')
