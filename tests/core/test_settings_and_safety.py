import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.text import render_markdown, spreadsheet_safe

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_check_deploy():
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "CSPHUB_", "SECURE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="csphub.settings",
        SECRET_KEY="x" * 20 + "production-like-secret-key-with-enough-entropy-1234567890",
        ALLOWED_HOSTS="csp.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "CSPHUB_", "SECRET_"))
    }
    env["DJANGO_SETTINGS_MODULE"] = "csphub.settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[x](javascript:alert(1))"],
)
def test_markdown_never_renders_markup_or_script_links(text):
    html = render_markdown(text)
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript:' not in html


def test_markdown_renders_ordinary_formatting():
    assert "<strong>bold</strong>" in render_markdown("**bold**")


@pytest.mark.parametrize("value", ["=1+1", "+44 1732", "-2", "@SUM(A1)", "\t=x"])
def test_spreadsheet_cells_never_start_with_a_formula_trigger(value):
    safe = spreadsheet_safe(value)
    assert isinstance(safe, str) and safe.startswith("'")


def test_spreadsheet_numbers_and_plain_text_unchanged():
    assert spreadsheet_safe(12) == 12
    assert spreadsheet_safe("On track") == "On track"


@pytest.mark.django_db
def test_pages_send_security_headers(client):
    response = client.get("/accounts/sign-in/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_sign_in_page_names_the_service_not_the_host(client):
    response = client.get("/accounts/sign-in/")
    text = response.content.decode()
    assert "New to CSP Hub?" in text
    assert "testserver" not in text
