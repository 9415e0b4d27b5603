"""The GOV.UK date input field and the govuk_field options (no database needed)."""

import datetime

import pytest
from django import forms
from django.template import Context, Template

from core.dates import GovukDateField


class DatesForm(forms.Form):
    due = GovukDateField(label="Due date")
    start = GovukDateField(label="Start date", required=False)


def _form(**data: str) -> DatesForm:
    return DatesForm(data)


def _parts(prefix: str, text: str) -> dict[str, str]:
    return dict(zip((f"{prefix}_day", f"{prefix}_month", f"{prefix}_year"), text.split("/"), strict=True))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("31/3/2021", datetime.date(2021, 3, 31)),
        (" 01 / 03 / 2021 ", datetime.date(2021, 3, 1)),
        ("1/Mar/2021", datetime.date(2021, 3, 1)),
        ("1/september/2021", datetime.date(2021, 9, 1)),
        ("29/2/2020", datetime.date(2020, 2, 29)),
    ],
)
def test_day_month_year_boxes(text, expected):
    form = DatesForm({k: v.strip() for k, v in _parts("due", text).items()})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"due": expected, "start": None}


@pytest.mark.parametrize(
    "text, message, parts",
    [
        ("//", "Enter the due date", ("day", "month", "year")),
        ("31//", "Due date must include a month and year", ("month", "year")),
        ("/3/", "Due date must include a day and year", ("day", "year")),
        ("31/3/", "Due date must include a year", ("year",)),
        ("31/13/2021", "Due date must be a real date", ("month",)),
        ("30/2/2021", "Due date must be a real date", ("day",)),
        ("x/3/2021", "Due date must be a real date", ("day",)),
        ("1/smarch/2021", "Due date must be a real date", ("month",)),
        ("1/3/21", "The year of the due date must include 4 numbers", ("year",)),
    ],
)
def test_govuk_error_messages_and_the_boxes_they_mark(text, message, parts):
    form = DatesForm(_parts("due", text))
    assert not form.is_valid()
    assert form.errors["due"] == [message]
    html = Template("{% govuk_field form.due %}").render(Context({"form": form}))
    for part in ("day", "month", "year"):
        marked = f'govuk-input--error" id="id_due_{part}"' in html
        assert marked == (part in parts), (part, html)
    summary = Template("{% govuk_error_summary form %}").render(Context({"form": form}))
    assert f'<a href="#id_due_{parts[0]}">{message}</a>' in summary


def test_one_text_value_is_still_accepted():
    form = DatesForm({"due": "31/03/2021", "start": "2020-04-01"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"due": datetime.date(2021, 3, 31), "start": datetime.date(2020, 4, 1)}
    form = DatesForm({"due": "someday"})
    assert not form.is_valid()
    assert form.errors["due"] == ["Due date must be a real date, for example 31 3 2021"]


def test_optional_date_left_blank_is_none():
    form = DatesForm({**_parts("due", "1/4/2020"), **_parts("start", "//")})
    assert form.is_valid()
    assert form.cleaned_data["start"] is None


def test_date_input_markup_fieldset_legend_hint_and_initial_value():
    form = DatesForm(initial={"due": datetime.date(2021, 3, 31)})
    html = Template("{% govuk_field form.due %}{% govuk_field form.start %}").render(Context({"form": form}))
    assert '<fieldset class="govuk-fieldset" role="group" aria-describedby="id_due-hint">' in html
    assert '<legend class="govuk-fieldset__legend">Due date</legend>' in html
    assert '<legend class="govuk-fieldset__legend">Start date (optional)</legend>' in html
    assert '<div id="id_due-hint" class="govuk-hint">For example, 31 3 2021</div>' in html
    for part, value, width in (("day", "31", 2), ("month", "3", 2), ("year", "2021", 4)):
        assert (
            f'<label class="govuk-label govuk-date-input__label" for="id_due_{part}">{part.capitalize()}</label>'
            in html
        )
        assert (
            f'class="govuk-input govuk-date-input__input govuk-input--width-{width}" id="id_due_{part}" '
            f'name="due_{part}" type="text" inputmode="numeric" value="{value}"'
        ) in html


class FilterForm(forms.Form):
    q = forms.CharField(label="Words", required=False)
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "Any")])


def test_mark_optional_false_leaves_optional_off_the_label():
    form = FilterForm()
    marked = Template("{% govuk_field form.q %}{% govuk_field form.kind %}").render(Context({"form": form}))
    assert marked.count("(optional)") == 2
    plain = Template(
        "{% govuk_field form.q mark_optional=False %}{% govuk_field form.kind mark_optional=False %}"
    )
    html = plain.render(Context({"form": form}))
    assert "(optional)" not in html
    assert '<label class="govuk-label" for="id_q">Words</label>' in html
