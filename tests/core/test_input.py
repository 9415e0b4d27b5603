"""Text that enters: control characters in URLs and forms, decoding of uploaded text, limits."""

from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse

from core.input import (
    ControlCharacterValidator,
    TextDecodeError,
    control_character_problem,
    decode_text,
    model_field_problem,
)
from planning.models import Measure, Priority


def test_utf8_with_one_stray_byte_is_refused_naming_row_and_column():
    data = "Priority,Action\r\nCafé,Réunion\r\n".encode() + b"\xc3\x89cole,Pl\xffan\r\n"
    with pytest.raises(TextDecodeError) as info:
        decode_text(data)
    message = str(info.value)
    assert 'Row 3, column 2 ("Action")' in message and "0xFF" in message and "not UTF-8" in message


def test_windows_1252_only_when_the_file_is_not_utf8_at_all():
    decoded = decode_text("Priority,Action\r\nCafé,Réunion – £5\r\n".encode("cp1252"))
    assert decoded.encoding == "Windows-1252" and decoded.text.endswith("Réunion – £5\r\n")
    assert decode_text("Café".encode()).encoding == "UTF-8"
    assert decode_text(b"\xef\xbb\xbfCaf\xc3\xa9").text == "Café"
    with pytest.raises(TextDecodeError, match="Row 1, column 1"):
        decode_text(b"\xef\xbb\xbfCaf\xe9")  # a UTF-8 BOM promises UTF-8
    with pytest.raises(TextDecodeError, match="neither UTF-8 nor Windows-1252"):
        decode_text(b"a,b\r\nc,\x81\r\n")  # 0x81 is not a Windows-1252 character
    with pytest.raises(TextDecodeError, match="UTF-16"):
        decode_text("a,b".encode("utf-16"))


def test_control_characters_are_named_with_their_position():
    assert control_character_problem("fine\ttext\r\nmore") is None
    assert "NUL character" in (control_character_problem("ab\x00") or "")
    assert "character 3" in (control_character_problem("ab\x00") or "")
    assert "code 27" in (control_character_problem("\x1b[31m") or "")
    assert control_character_problem("one\nline", multiline=False) is not None


@pytest.mark.parametrize("widget", [forms.TextInput, forms.Textarea])
def test_every_form_text_field_refuses_control_characters(widget):
    class Form(forms.Form):
        text = forms.CharField(widget=widget)
        slug = forms.SlugField(required=False)

    form = Form({"text": "Bell\x07 here"})
    assert not form.is_valid() and "control character (code 7)" in form.errors["text"][0]
    assert not Form({"text": "nul\x00"}).is_valid()
    assert Form({"text": "Tabs\tand\r\nnew lines"}).is_valid()
    assert any(isinstance(v, ControlCharacterValidator) for v in forms.CharField().validators)


def test_model_field_limits_are_in_the_message():
    value = Measure._meta.get_field("value")
    assert model_field_problem(Decimal("12345678901234567890"), value) == (
        "must be a number between -999,999,999,999.99 and 999,999,999,999.99 with at most 2 decimal places."
    )
    assert model_field_problem(Decimal("1854.5"), value) is None
    title = Priority._meta.get_field("title")
    assert model_field_problem("x" * 301, title) == "is 301 characters long; it can have at most 300."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/p/test-csp/plan/%00/", 404),
        ("/p/test-csp/plan/2020%0021/", 404),
        ("/partnerships/test-csp/?year=%00", 400),
        ("/partnerships/test-csp/?year=2020-21%1b", 400),
        ("/partnerships/test-csp/actions/?%00=1", 400),
        ("/accounts/login/?next=/%00", 400),
    ],
)
def test_urls_with_control_characters_get_a_plain_refusal(client, world, url, status):
    client.force_login(world.coordinator)
    response = client.get(url)
    assert response.status_code == status
    assert b"control character" in response.content and b"Traceback" not in response.content


@pytest.mark.django_db
def test_ordinary_urls_pass(client, world):
    client.force_login(world.coordinator)
    dashboard = reverse("planning:dashboard", kwargs={"partnership": "test-csp"})
    assert client.get(dashboard + "?year=2020-21&q=caf%C3%A9+%26+tab%09").status_code in (200, 302)
