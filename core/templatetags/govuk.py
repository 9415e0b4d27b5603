"""Template helpers that render Django forms and values as GOV.UK Frontend components.

Loaded as a builtin (see settings.TEMPLATES), so every template can use them without `{% load %}`.
"""

from collections.abc import Iterable
from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

from core.dates import PARTS, GovukDateWidget, error_parts
from core.text import render_markdown

register = template.Library()

CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary(*forms_: forms.BaseForm) -> dict[str, Any]:
    """One error summary for one or more forms, linking each message to its field."""
    errors: list[dict[str, object]] = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for message in form.non_field_errors():
            errors.append({"href": "", "text": message})
        for name, field_errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            href = f"#{_first_input_id(bound)}"
            for message in field_errors:
                errors.append({"href": href, "text": message})
    return {"errors": errors}


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary_all(forms_: Iterable[forms.BaseForm]) -> dict[str, Any]:
    """One error summary for a list of forms (a page with a form per row)."""
    return govuk_error_summary(*forms_)


def _first_input_id(bound: forms.BoundField) -> str:
    widget = bound.field.widget
    if isinstance(widget, GovukDateWidget):
        return f"{bound.auto_id}_{(error_parts(bound) or PARTS)[0]}"
    if isinstance(widget, (*CHOICE_WIDGETS, forms.MultiWidget)):
        return f"{bound.id_for_label or bound.auto_id}_0".replace("_0_0", "_0")
    return bound.id_for_label or bound.auto_id


@register.inclusion_tag("govuk/field.html")
def govuk_field(
    bound: forms.BoundField,
    label_size: str = "",
    hint: str = "",
    classes: str = "",
    mark_optional: bool = True,
) -> dict[str, Any]:
    """Render a bound field with label, hint, error message and the GOV.UK component classes.

    mark_optional=False leaves "(optional)" off the label (for filter forms, where every field is).
    """
    widget = bound.field.widget
    date_parts: list[dict[str, Any]] = []
    if isinstance(widget, GovukDateWidget):
        kind = "date"
        date_parts = _date_parts(bound, widget)
    elif isinstance(widget, forms.CheckboxSelectMultiple):
        kind = "checkboxes"
    elif isinstance(widget, forms.RadioSelect):
        kind = "radios"
    elif isinstance(widget, forms.CheckboxInput):
        kind = "checkbox"
    elif isinstance(widget, forms.Textarea):
        kind = "textarea"
    elif isinstance(widget, forms.Select):
        kind = "select"
    elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        kind = "file"
    else:
        kind = "input"
    return {
        "field": bound,
        "kind": kind,
        "label_size": label_size,
        "hint": hint or bound.help_text,
        "classes": classes,
        "input_id": bound.id_for_label or bound.auto_id,
        "error_id": f"{bound.auto_id}-error",
        "hint_id": f"{bound.auto_id}-hint",
        "input_type": getattr(widget, "input_type", "text"),
        "mark_optional": mark_optional,
        "date_parts": date_parts,
    }


def _date_parts(bound: forms.BoundField, widget: GovukDateWidget) -> list[dict[str, Any]]:
    """The day, month and year boxes of a GOV.UK date input, the wrong ones marked."""
    wrong = error_parts(bound) if bound.errors else ()
    values = widget.parts(bound.value())
    return [
        {
            "name": f"{bound.html_name}_{part}",
            "id": f"{bound.auto_id}_{part}",
            "label": part.capitalize(),
            "value": value,
            "width": 4 if part == "year" else 2,
            "error": part in wrong,
        }
        for part, value in zip(PARTS, values, strict=True)
    ]


@register.filter
def markdown(value: str | None) -> SafeString:
    """Render user-entered Markdown safely: raw HTML is escaped, unsafe links are dropped."""
    return render_markdown(value or "")


@register.inclusion_tag("govuk/status_tag.html")
def status_tag(status: Any, empty_label: str = "No status recorded") -> dict[str, Any]:
    """A status as words in a tag; colour is only in addition to the words."""
    return {"status": status, "empty_label": empty_label}
