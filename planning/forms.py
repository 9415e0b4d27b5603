"""Forms of the planning pages. They validate input; services do the writing."""

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from core.dates import GovukDateField
from core.forms import TextLimitMixin
from core.input import model_field_problem
from partnership.models import Organisation
from planning import figure_sources, selectors
from planning.models import (
    Action,
    Contribution,
    Measure,
    MeasureDirection,
    PlanYear,
    PlanYearState,
    Priority,
    ReportingPeriod,
    Status,
    StatusColour,
    StatusMeaning,
    Update,
)
from planning.services.roll_forward import priority_match_loose
from planning.services.updates import UpdateFigure


class NumberField(forms.DecimalField):
    """A number that may be written with thousands separators ("8,394")."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace(",", "").replace(" ", "")
        return super().to_python(value)


OWNER_ROWS = 6
FIGURE_ROWS = 3
QUALIFIED_NUMBER = re.compile(
    r"^(?P<qualifier>[a-z][a-z ]*?)?\s*(?P<number>-?[\d,]*\.?\d+)\s*(?P<percent>%)?$", re.IGNORECASE
)
NO_STATUS_CHOICE = ("", "No status")
NEW_PRIORITY = "new"


def date_field(label: str, required: bool = True) -> GovukDateField:
    """A GOV.UK date input (day, month, year) that also accepts "31/3/2021" as one value."""
    return GovukDateField(label=label, required=required)


def active_statuses(statuses: QuerySet[Status]) -> list[Status]:
    return list(statuses.filter(is_active=True).order_by("order", "name"))


def status_choices(
    statuses: QuerySet[Status], current: Status | None = None, active: list[Status] | None = None
) -> list[tuple[str, str]]:
    """Active statuses in order, the current one kept even if deactivated, then "No status".

    `active`: the active statuses already read (a page with a form per row reads them once)."""
    active = list(active) if active is not None else active_statuses(statuses)
    if current is not None and current not in active:
        active.append(current)
    return [(str(s.pk), s.name) for s in active] + [NO_STATUS_CHOICE]


def _choices(form: forms.BaseForm, name: str, choices: list[tuple[str, str]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


class YearSelectForm(forms.Form):
    year = forms.ChoiceField(label="Plan year")

    def __init__(self, *args: Any, years: list[PlanYear], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "year", [(y.slug, f"{y.label} ({y.get_state_display().lower()})") for y in years])


class ActionFilterForm(forms.Form):
    priority = forms.ChoiceField(label="Priority", required=False)
    owner = forms.ChoiceField(label="Owner or lead agency", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    theme = forms.ChoiceField(label="Cross-cutting theme", required=False)
    place = forms.ChoiceField(label="Place", required=False)
    q = forms.CharField(label="Words in the action, target or updates", required=False, max_length=200)
    overdue = forms.BooleanField(label="Overdue only (past the due date and not completed)", required=False)

    def __init__(
        self,
        *args: Any,
        priorities: Iterable[Priority],
        owners: Iterable[Organisation],
        statuses: Iterable[Status],
        themes: Iterable[tuple[int, str]] = (),
        places: Iterable[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "priority", [("", "All priorities")] + [(str(p.pk), p.title) for p in priorities])
        _choices(self, "owner", [("", "All owners")] + [(str(o.pk), o.name) for o in owners])
        _choices(
            self,
            "status",
            [("", "Any status")] + [(str(s.pk), s.name) for s in statuses] + [("none", "No status recorded")],
        )
        _choices(self, "theme", [("", "All themes")] + [(str(pk), name) for pk, name in themes])
        _choices(self, "place", [("", "All places")] + [(str(pk), name) for pk, name in places])

    def filters(self, today: datetime.date | None = None) -> dict[str, Any]:
        """Keyword arguments for selectors.filter_actions ("Overdue only" on `today`, default today)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "priority_id": int(data["priority"]) if data["priority"] else None,
            "organisation_id": int(data["owner"]) if data["owner"] else None,
            "status_id": int(data["status"]) if data["status"] not in ("", "none") else None,
            "no_status": data["status"] == "none",
            "text": data["q"].strip(),
            "theme_id": int(data["theme"]) if data["theme"] else None,
            "place_id": int(data["place"]) if data["place"] else None,
            "overdue_on": (today or timezone.localdate()) if data["overdue"] else None,
        }


def parse_figure(text: str) -> tuple[str, Decimal, str] | None:
    """ "over 190" → ("over", 190, ""); "8%" → ("", 8, "%"); "1,854" → ("", 1854, ""); else None."""
    match = QUALIFIED_NUMBER.match(text.strip())
    if match is None:
        return None
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:
        return None
    return (match["qualifier"] or "").strip(), number, "%" if match["percent"] else ""


def _figure_problem(parsed: tuple[str, Decimal, str]) -> str | None:
    """A figure's number and qualifier must fit the Measure columns (checked before saving)."""
    qualifier, number, _ = parsed
    return model_field_problem(number, Measure._meta.get_field("value")) or (
        f"has a qualifier that {problem}"
        if (problem := model_field_problem(qualifier, Measure._meta.get_field("value_qualifier")))
        else None
    )


class UpdateForm(TextLimitMixin, forms.Form):
    """An action's update for the open period, with optional figures.

    `version` is the version the author loaded; `figures_shown` marks a post that carried the
    figure rows (the year-end review's short form does not, and leaves figures unchanged).
    """

    narrative = forms.CharField(
        label="Update (needed unless you choose a status)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What has been done this period. Formatting: **bold**, lists with - at the start of a line.",
    )
    status = forms.ChoiceField(
        label="Status (needed unless you write an update)", required=False, widget=forms.RadioSelect
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    figures_shown = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        statuses: QuerySet[Status],
        current_status: Status | None = None,
        active: list[Status] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "status", status_choices(statuses, current_status, active))
        self.active = active
        self.vocabulary = statuses
        self.current_status = current_status
        for index in range(1, FIGURE_ROWS + 1):
            self.fields[f"figure_name_{index}"] = forms.CharField(
                label=f"Figure {index}: what is counted", required=False, max_length=200
            )
            self.fields[f"figure_value_{index}"] = forms.CharField(
                label=f"Figure {index}: number", required=False, max_length=40
            )
            self.fields[f"figure_unit_{index}"] = forms.CharField(
                label=f"Figure {index}: unit", required=False, max_length=60
            )

    def figure_rows(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [
            (self[f"figure_name_{i}"], self[f"figure_value_{i}"], self[f"figure_unit_{i}"])
            for i in range(1, FIGURE_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("narrative", "").strip() and not data.get("status"):
            self.add_error("narrative", "Enter an update or choose a status")
        figures: list[UpdateFigure] = []
        for index in range(1, FIGURE_ROWS + 1):
            name = (data.get(f"figure_name_{index}") or "").strip()
            text = (data.get(f"figure_value_{index}") or "").strip()
            unit = (data.get(f"figure_unit_{index}") or "").strip()
            if not (name or text or unit):
                continue
            if not name:
                self.add_error(f"figure_name_{index}", f"Enter what figure {index} counts")
            parsed = parse_figure(text) if text else None
            if not text:
                self.add_error(f"figure_value_{index}", f"Enter the number for figure {index}")
            elif parsed is None:
                self.add_error(
                    f"figure_value_{index}",
                    f"Enter figure {index} as a number, like 1,854, 8% or over 190",
                )
            if parsed is not None and (problem := _figure_problem(parsed)):
                self.add_error(f"figure_value_{index}", f"Figure {index} {problem}")
            elif name and parsed is not None:
                qualifier, number, percent = parsed
                figures.append(UpdateFigure(name, number, percent or unit, qualifier))
        data["figures"] = figures if data.get("figures_shown") else None
        return data

    def chosen_status(self) -> Status | None:
        pk = self.cleaned_data.get("status")
        return self.vocabulary.get(pk=pk) if pk else None

    @staticmethod
    def initial_for(update: Update | None, *, figures: bool = True) -> dict[str, Any]:
        """The form's starting values; figures=False leaves the figure rows out (they are not
        shown, and the update's figures stay as they are)."""
        if update is None:
            return {"narrative": "", "status": "", "version": 0, "figures_shown": True}
        initial: dict[str, Any] = {
            "narrative": update.narrative,
            "status": str(update.status_id) if update.status_id else "",
            "version": update.version,
            "figures_shown": figures,
        }
        if not figures:
            return initial
        figures_ = selectors.update_figures(update)
        for index, measure in enumerate(figures_[:FIGURE_ROWS], start=1):
            number = measure.format_number(measure.value).replace(",", "")
            percent = "%" if measure.unit == "%" else ""
            initial[f"figure_name_{index}"] = measure.name
            initial[f"figure_value_{index}"] = f"{measure.value_qualifier} {number}{percent}".strip()
            initial[f"figure_unit_{index}"] = "" if percent else measure.unit
        return initial


class ContributionForm(TextLimitMixin, forms.Form):
    """An owner's own contribution to a joint action's update for a period."""

    narrative = forms.CharField(
        label="Your organisation's contribution",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What your organisation has done this period. Formatting: **bold**, lists with - at the start of a line.",
        error_messages={"required": "Enter your organisation's contribution"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    @staticmethod
    def initial_for(contribution: Contribution | None) -> dict[str, Any]:
        if contribution is None:
            return {"narrative": "", "version": 0}
        return {"narrative": contribution.narrative, "version": contribution.version}


class PlanYearStateForm(forms.Form):
    state = forms.ChoiceField(label="State", choices=PlanYearState.choices, widget=forms.RadioSelect)


class OpenPeriodForm(forms.Form):
    periods = forms.MultipleChoiceField(
        label="Reporting periods open for updates",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    round_due_date = date_field("Due date of the update round (optional)", required=False)

    def __init__(self, *args: Any, periods: Iterable[ReportingPeriod], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "periods", [(p.code, p.get_code_display()) for p in periods])


class PeriodForm(forms.Form):
    start_date = date_field("Start date")
    end_date = date_field("End date")
    due_date = date_field("Due date for updates")

    @staticmethod
    def initial_for(period: ReportingPeriod) -> dict[str, datetime.date]:
        return {"start_date": period.start_date, "end_date": period.end_date, "due_date": period.due_date}


class StatusForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=60, error_messages={"required": "Enter the status's name"}
    )
    colour = forms.ChoiceField(
        label="Colour",
        choices=StatusColour.choices,
        help_text="Shown in addition to the words, never instead.",
    )
    meaning = forms.ChoiceField(
        label="What it means",
        choices=StatusMeaning.choices,
        help_text="Reports and rules (for example “not completed”) use the meaning, whatever the name.",
    )
    is_active = forms.BooleanField(
        label="In use (untick to stop offering it; old updates keep it)", required=False, initial=True
    )


class LinkField(forms.ModelMultipleChoiceField):
    """Priorities, approaches, outcomes or actions to link a measure to, each named with its year."""

    def label_from_instance(self, obj: Any) -> str:
        return selectors.link_label(obj)


class MeasureForm(TextLimitMixin, forms.ModelForm):
    """A key figure (measure): the figure as quoted, its baseline, target and direction, where its
    value comes from and what it is linked to. The links' choices come from the view (visibility)."""

    LINKS = ("priorities", "approaches", "outcomes", "actions")

    source_key = forms.ChoiceField(label="Where the value comes from", required=False)

    class Meta:
        model = Measure
        fields = [
            "plan_year",
            "name",
            "value_qualifier",
            "value",
            "unit",
            "period_label",
            "comparison_value",
            "comparison_period_label",
            "stated_change",
            "source_organisation",
            "note",
            "order",
            "direction",
            "baseline_value",
            "baseline_period_label",
            "target_value",
            "target_period_label",
        ]
        labels = {
            "plan_year": "Plan year",
            "value_qualifier": "Qualifier",
            "period_label": "Period",
            "comparison_value": "Comparison value",
            "comparison_period_label": "Comparison period",
            "source_organisation": "Source",
            "order": "Position in the list",
            "direction": "Which way is better",
            "baseline_value": "Baseline value",
            "baseline_period_label": "Baseline period",
            "target_value": "Target value",
            "target_period_label": "Target period",
        }
        widgets = {
            "note": forms.Textarea(attrs={"rows": 3}),
            "value": forms.TextInput(attrs={"inputmode": "decimal"}),
            "comparison_value": forms.TextInput(attrs={"inputmode": "decimal"}),
            "baseline_value": forms.TextInput(attrs={"inputmode": "decimal"}),
            "target_value": forms.TextInput(attrs={"inputmode": "decimal"}),
            "direction": forms.RadioSelect,
        }
        field_classes = {
            "value": NumberField,
            "comparison_value": NumberField,
            "baseline_value": NumberField,
            "target_value": NumberField,
        }
        error_messages = {
            "name": {"required": "Enter the figure's name"},
            "value": {"invalid": "Enter the value as a number, like 8394"},
            "comparison_value": {"invalid": "Enter the comparison value as a number, like 1452"},
            "baseline_value": {"invalid": "Enter the baseline as a number, like 1452"},
            "target_value": {"invalid": "Enter the target as a number, like 1300"},
        }

    def __init__(
        self,
        *args: Any,
        plan_years: QuerySet[PlanYear],
        organisations: QuerySet[Organisation],
        links: dict[str, QuerySet[Any]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        year_field = cast(forms.ModelChoiceField, self.fields["plan_year"])
        year_field.queryset, year_field.empty_label = plan_years, "Not tied to a plan year"
        source_field = cast(forms.ModelChoiceField, self.fields["source_organisation"])
        source_field.queryset, source_field.empty_label = organisations, "No source"
        self.fields["order"].required = False
        self.fields["direction"].required = False
        cast(forms.ChoiceField, self.fields["direction"]).choices = MeasureDirection.choices
        sources = cast(forms.ChoiceField, self.fields["source_key"])
        sources.choices = [("", "Typed here")] + [(s.key, s.label) for s in figure_sources.sources()]
        sources.help_text = (
            "A figure from the Strategic Assessment is counted for the figure's period (or its plan year) "
            "whenever it is shown or printed."
        )
        instance = self.instance
        if instance.pk:
            self.initial.setdefault("source_key", instance.source_key)
        for name, parameter in figure_sources.parameters().items():
            field_name = f"source_{name}"
            self.fields[field_name] = forms.ChoiceField(
                label=parameter.label, required=False, choices=[("", "Not needed")] + parameter.choices()
            )
            if instance.pk:
                self.initial.setdefault(field_name, (instance.source_params or {}).get(name, ""))
        for name, queryset in (links or {}).items():
            link = LinkField(
                label=f"Linked {name}", queryset=queryset, required=False, widget=forms.CheckboxSelectMultiple
            )
            self.fields[name] = link
            if instance.pk:
                self.initial.setdefault(name, list(getattr(instance, name).values_list("pk", flat=True)))

    @property
    def parameter_fields(self) -> list[forms.BoundField]:
        return [self[f"source_{name}"] for name in figure_sources.parameters()]

    @property
    def link_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.LINKS if name in self.fields]

    def clean_order(self) -> int:
        return self.cleaned_data.get("order") or 0

    def clean_direction(self) -> str:
        return self.cleaned_data.get("direction") or MeasureDirection.NONE

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        key = data.get("source_key") or ""
        source = figure_sources.get(key)
        if source is not None:
            for parameter in source.parameters:
                if not data.get(f"source_{parameter.name}"):
                    self.add_error(f"source_{parameter.name}", f"Choose the {parameter.label.lower()}")
        elif data.get("value") is None and not self.errors.get("value"):
            self.add_error("value", "Enter the value, or choose where it comes from")
        return data

    def measure_fields(self) -> dict[str, Any]:
        """The service's keyword arguments: fields, source and links."""
        data = self.cleaned_data
        fields: dict[str, Any] = {name: data[name] for name in self.Meta.fields}
        source = figure_sources.get(data.get("source_key") or "")
        fields["source_key"] = source.key if source else ""
        fields["source_params"] = (
            {p.name: data[f"source_{p.name}"] for p in source.parameters} if source else {}
        )
        for name in self.LINKS:
            if name in self.fields:
                fields[name] = list(data[name])
        return fields


class MeasureValueForm(TextLimitMixin, forms.Form):
    """One periodic value of a measure."""

    period_label = forms.CharField(
        label="Period",
        max_length=60,
        help_text="For example, Q1 2021/22",
        error_messages={"required": "Enter the period, for example Q1 2021/22"},
    )
    period_start = date_field("First day of the period (optional)", required=False)
    period_end = date_field("Last day of the period (optional)", required=False)
    value = NumberField(
        label="Value",
        max_digits=14,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"required": "Enter the value", "invalid": "Enter the value as a number, like 8394"},
    )
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The period must end on or after its first day")
        return data


class RollForwardForm(forms.Form):
    priorities = forms.MultipleChoiceField(
        label="Priorities", required=False, widget=forms.CheckboxSelectMultiple
    )
    actions = forms.MultipleChoiceField(label="Actions", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(
        self,
        *args: Any,
        priorities: Iterable[Priority],
        actions: Iterable[Action],
        targets: Iterable[Priority] = (),
        **kwargs: Any,
    ) -> None:
        """`targets` are the target year's priorities: each source priority gets a select of them
        (or a new priority), preset to the one with the same title ignoring case and punctuation."""
        super().__init__(*args, **kwargs)
        self.source_priorities = list(priorities)
        _choices(self, "priorities", [(str(p.pk), p.title) for p in self.source_priorities])
        _choices(self, "actions", [(str(a.pk), a.text) for a in actions])
        targets = list(targets)
        choices = [(NEW_PRIORITY, "A new priority")] + [(str(t.pk), t.title) for t in targets]
        for priority in self.source_priorities:
            match = priority_match_loose(targets, priority.title)
            self.fields[f"target_{priority.pk}"] = forms.ChoiceField(
                label=f"“{priority.title}” goes into",
                choices=choices,
                initial=str(match.pk) if match else NEW_PRIORITY,
                required=False,  # left out: the priority with the same title, else a new one
            )

    def priority_targets(self) -> dict[int, int | None]:
        """Source priority id → chosen target priority id (None for a new priority); priorities
        without a choice are left out (the service matches them by title)."""
        chosen = {p.pk: self.cleaned_data.get(f"target_{p.pk}") for p in self.source_priorities}
        return {pk: None if value == NEW_PRIORITY else int(value) for pk, value in chosen.items() if value}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("priorities") and not data.get("actions"):
            raise forms.ValidationError("Choose at least one priority or action to roll forward")
        return data


class SetUpForm(forms.Form):
    """A new partnership's first plan year."""

    start_year = forms.IntegerField(
        label="Which year does your first plan year start in?",
        help_text="Plan years run from 1 April to 31 March: for 2021/22 enter 2021.",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the year your first plan year starts in, like 2021",
            "invalid": "Enter the year as 4 digits, like 2021",
            "min_value": "Enter a year from 2000 to 2100",
            "max_value": "Enter a year from 2000 to 2100",
        },
    )


def _year_field(label: str, help_text: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the year as 4 digits, like 2021",
            "invalid": "Enter the year as 4 digits, like 2021",
            "min_value": "Enter a year from 2000 to 2100",
            "max_value": "Enter a year from 2000 to 2100",
        },
    )


class StrategyForm(TextLimitMixin, forms.Form):
    """A strategy over several plan years (the service checks the span against the others)."""

    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="For example, Community Safety Strategy",
        error_messages={"required": "Enter the strategy's title"},
    )
    start_year = _year_field("Start year", "The year its first plan year starts: for 2021/22 enter 2021.")
    end_year = _year_field(
        "End year", "The year its last plan year ends: 2023 for a strategy covering 2021/22 and 2022/23."
    )
    vision = forms.CharField(label="Vision", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    narrative = forms.CharField(
        label="Narrative",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Markdown: blank lines between paragraphs, ## for headings, - for lists.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_year"), data.get("end_year")
        if start is not None and end is not None and end <= start:
            self.add_error("end_year", f"The end year must be after the start year ({start})")
        return data


class StrategyCreateForm(StrategyForm):
    plan_years = forms.BooleanField(
        label="Add the plan years of its span to it (missing ones are created as drafts)",
        required=False,
        initial=True,
    )


class PlanYearStrategyForm(forms.Form):
    """Which strategy a plan year belongs to (only those whose span contains it), or none."""

    strategy = forms.ChoiceField(label="Strategy", required=False)

    def __init__(self, *args: Any, strategies: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["strategy"])
        field.choices = [("", "None")] + [(str(s.pk), str(s)) for s in strategies]
