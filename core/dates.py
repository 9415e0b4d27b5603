"""The GOV.UK date input: day, month and year boxes in a fieldset, with GOV.UK error messages.

`{% govuk_field form.x %}` renders a `GovukDateField` as the date input component. The field also
accepts one text value under the field's own name ("31/3/2021", "2021-03-31"), for scripts and
older forms.
"""

import datetime
from typing import Any

from django import forms

PARTS = ("day", "month", "year")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
TEXT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


class GovukDateWidget(forms.MultiWidget):
    """Three text boxes named `<name>_day`, `<name>_month` and `<name>_year`."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        numeric = {"inputmode": "numeric"}
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            part: forms.TextInput(attrs=numeric) for part in PARTS
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        parts = super().value_from_datadict(data, files, name)
        if not any(parts) and data.get(name):
            return data.get(name)  # one text value, e.g. "31/3/2021"
        return parts

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and super().value_omitted_from_data(data, files, name)

    def parts(self, value: Any) -> list[str]:
        """The text of the day, month and year boxes for a date, a list of parts or a string."""
        if isinstance(value, str):
            parsed = _parse_text(value)
            value = parsed or [value, "", ""]
        if isinstance(value, datetime.date):
            value = self.decompress(value)
        if not isinstance(value, list | tuple):
            return ["", "", ""]
        return ["" if v is None else str(v) for v in (list(value) + ["", "", ""])[:3]]


def _parse_text(text: str) -> datetime.date | None:
    for fmt in TEXT_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


class GovukDateField(forms.Field):
    """A date entered as day, month and year (GOV.UK pattern) with GOV.UK error messages.

    Errors carry `params["parts"]`, the boxes to highlight.
    """

    widget = GovukDateWidget

    def __init__(self, *, label: str, required: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "For example, 31 3 2021")
        super().__init__(label=label, required=required, **kwargs)
        self.name_in_messages = label[0].lower() + label[1:]

    def _error(self, message: str, code: str, parts: tuple[str, ...] = PARTS) -> forms.ValidationError:
        return forms.ValidationError(message, code=code, params={"parts": parts})

    def clean(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            return self._clean_text(value)
        day, month, year = [str(v or "").strip() for v in (list(value or []) + ["", "", ""])[:3]]
        if not (day or month or year):
            if self.required:
                raise self._error(f"Enter the {self.name_in_messages}", "required")
            return None
        missing = [part for part, text in zip(PARTS, (day, month, year), strict=True) if not text]
        if missing:
            raise self._error(f"{self.label} must include a {_join(missing)}", "incomplete", tuple(missing))
        return self._build(day, month, year)

    def _clean_text(self, text: str) -> datetime.date | None:
        if not text.strip():
            if self.required:
                raise self._error(f"Enter the {self.name_in_messages}", "required")
            return None
        parsed = _parse_text(text)
        if parsed is None:
            raise self._error(f"{self.label} must be a real date, for example 31 3 2021", "invalid")
        return parsed

    def _build(self, day: str, month: str, year: str) -> datetime.date:
        real = f"{self.label} must be a real date"
        month_number = MONTHS.get(month.lower()) if not month.isdigit() else int(month)
        if not day.isdigit():
            raise self._error(real, "invalid", ("day",))
        if month_number is None:
            raise self._error(real, "invalid", ("month",))
        if not year.isdigit() or len(year) != 4:
            raise self._error(
                f"The year of the {self.name_in_messages} must include 4 numbers", "year", ("year",)
            )
        if not 1 <= month_number <= 12:
            raise self._error(real, "invalid", ("month",))
        try:
            return datetime.date(int(year), month_number, int(day))
        except ValueError:
            raise self._error(real, "invalid", ("day",)) from None

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.clean(data) != initial
        except forms.ValidationError:
            return True


def error_parts(bound: forms.BoundField) -> tuple[str, ...]:
    """The boxes of a date field to mark as wrong (all three unless an error names some)."""
    parts: list[str] = []
    for error in bound.errors.as_data():
        params = error.params or {}
        parts.extend(params.get("parts", PARTS))
    return tuple(p for p in PARTS if p in parts)
