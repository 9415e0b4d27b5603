"""Forms for themes, places, approaches and outcomes."""

import re
from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from core.forms import TextLimitMixin
from partnership.models import Organisation
from planning import selectors
from planning.forms import OWNER_ROWS, date_field
from planning.models import Action, Approach, Outcome, Place, Priority, Theme
from planning.owners import TO_BE_CONFIRMED
from planning.services.plans import priority_fingerprint


class ThemeForm(TextLimitMixin, forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the theme's name"}
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @staticmethod
    def initial_for(theme: Theme | None) -> dict[str, Any] | None:
        return {"name": theme.name, "description": theme.description} if theme else None


class PlaceForm(TextLimitMixin, forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the place's name"}
    )
    kind = forms.CharField(
        label="Kind of place",
        max_length=60,
        required=False,
        help_text="For example Ward, Town centre or Estate",
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    lsoa_codes = forms.CharField(
        label="LSOAs it covers",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="ONS codes, one per line or separated by commas, for example E01024385. "
        "The Strategic Assessment counts crime for a place made of LSOAs.",
    )

    def code_list(self) -> list[str]:
        return [code for code in re.split(r"[\s,;]+", self.cleaned_data.get("lsoa_codes", "")) if code]

    @staticmethod
    def initial_for(place: Place | None) -> dict[str, Any] | None:
        if place is None:
            return None
        return {
            "name": place.name,
            "kind": place.kind,
            "description": place.description,
            "lsoa_codes": "\n".join(place.lsoa_codes),
        }


class ApproachForm(TextLimitMixin, forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="For example Early intervention and prevention",
        error_messages={"required": "Enter the approach's title"},
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @staticmethod
    def initial_for(approach: Approach | None) -> dict[str, Any] | None:
        return {"title": approach.title, "description": approach.description} if approach else None


class OutcomeForm(TextLimitMixin, forms.Form):
    text = forms.CharField(
        label="Outcome",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the partnership wants to achieve, for example “We want to reduce repeat victims of domestic abuse”",
        error_messages={"required": "Enter the outcome"},
    )
    approach: forms.ModelChoiceField[Approach] = forms.ModelChoiceField(
        label="Under the approach", queryset=None, required=False, empty_label="The whole priority"
    )

    def __init__(self, *args: Any, approaches: QuerySet[Approach], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["approach"]).queryset = approaches

    @staticmethod
    def initial_for(outcome: Outcome | None) -> dict[str, Any] | None:
        return {"text": outcome.text, "approach": outcome.approach_id} if outcome else None


def _tag_fields(form: forms.Form, themes: QuerySet[Theme], places: QuerySet[Place]) -> None:
    """Cross-cutting themes and places as check boxes (left out when the partnership has none)."""
    if themes.exists():
        form.fields["themes"] = forms.ModelMultipleChoiceField(
            label="Cross-cutting themes", queryset=themes, required=False, widget=forms.CheckboxSelectMultiple
        )
    if places.exists():
        form.fields["places"] = forms.ModelMultipleChoiceField(
            label="Places", queryset=places, required=False, widget=forms.CheckboxSelectMultiple
        )


def _tag_initial(instance: Action | Priority) -> dict[str, Any]:
    themes, places = selectors.tags_of(instance)
    return {"themes": themes, "places": places}


class PriorityForm(TextLimitMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=300, error_messages={"required": "Enter a title"})
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    sub_themes = forms.CharField(
        label="Sub-themes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One per line, in order. For example, mental health",
    )

    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        themes: QuerySet[Theme] | None = None,
        places: QuerySet[Place] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if themes is not None and places is not None:
            _tag_fields(self, themes, places)

    def sub_theme_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["sub_themes"].splitlines() if line.strip()]

    def tags(self) -> dict[str, Any]:
        """`themes` and `places` for the services (None when the field is not on the form)."""
        return {
            name: self.cleaned_data.get(name) if name in self.fields else None
            for name in ("themes", "places")
        }

    @staticmethod
    def initial_for(priority: Priority) -> dict[str, Any]:
        return {
            "title": priority.title,
            "description": priority.description,
            "sub_themes": "\n".join(selectors.sub_theme_names(priority)),
            "fingerprint": priority_fingerprint(priority),
            **_tag_initial(priority),
        }


class ActionForm(TextLimitMixin, forms.Form):
    """An action: its priority and approach, its lead organisation (or "To be confirmed") and up
    to OWNER_ROWS - 1 supporting organisations, each with the name the plan writes for it."""

    priority: forms.ModelChoiceField[Priority] = forms.ModelChoiceField(
        label="Priority", queryset=None, error_messages={"required": "Choose a priority"}
    )
    approach: forms.ModelChoiceField[Approach] = forms.ModelChoiceField(
        label="Approach", queryset=None, required=False, empty_label="No approach"
    )
    text = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the action"},
    )
    target = forms.CharField(label="Target", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    due_date = date_field("Due date", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        priorities: QuerySet[Priority],
        organisations: QuerySet[Organisation],
        approaches: QuerySet[Approach],
        themes: QuerySet[Theme],
        places: QuerySet[Place],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["priority"]).queryset = priorities
        approach = cast(forms.ModelChoiceField, self.fields["approach"])
        approach.queryset = approaches
        approach.label_from_instance = lambda obj: f"{obj.priority.title}: {obj.title}"  # type: ignore[method-assign]
        if not approaches.exists():
            del self.fields["approach"]
        for index in range(1, OWNER_ROWS + 1):
            lead = index == 1
            self.fields[f"owner_{index}"] = forms.ModelChoiceField(
                label="Lead organisation" if lead else f"Supporting organisation {index - 1}",
                queryset=organisations,
                required=False,
                empty_label=TO_BE_CONFIRMED if lead else "None",
            )
            self.fields[f"written_{index}"] = forms.CharField(
                label="Name written for the lead"
                if lead
                else f"Name written for supporting organisation {index - 1}",
                required=False,
                max_length=200,
                help_text="As the plan writes it, for example Look Ahead. Leave blank to use the organisation's name."
                if lead
                else "",
            )
        _tag_fields(self, themes, places)

    def owner_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"owner_{i}"], self[f"written_{i}"]) for i in range(1, OWNER_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        owners: list[tuple[Organisation, str]] = []
        seen: set[int] = set()
        for index in range(1, OWNER_ROWS + 1):
            organisation = data.get(f"owner_{index}")
            written = (data.get(f"written_{index}") or "").strip()
            if organisation is None:
                if written:
                    self.add_error(f"owner_{index}", f"Choose the organisation for “{written}”")
                continue
            if organisation.pk in seen:
                self.add_error(f"owner_{index}", f"{organisation.name} is already an owner of this action")
                continue
            seen.add(organisation.pk)
            owners.append((organisation, written or organisation.name))
        data["owners"] = owners
        data["has_lead"] = data.get("owner_1") is not None
        approach, priority = data.get("approach"), data.get("priority")
        if approach is not None and priority is not None and approach.priority_id != priority.pk:
            self.add_error("approach", f"Choose an approach of “{priority.title}”, or no approach")
        return data

    def tags(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data.get(name) if name in self.fields else None
            for name in ("themes", "places")
        }

    @staticmethod
    def initial_for(action: Action) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "priority": action.priority_id,
            "approach": action.approach_id,
            "text": action.text,
            "target": action.target,
            "due_date": action.due_date,
            "version": action.version,
            **_tag_initial(action),
        }
        owners = selectors.action_owners(action)
        lead = [o for o in owners if o.is_lead]
        rows = lead + [o for o in owners if not o.is_lead]
        for index, owner in enumerate(rows, start=1 if lead else 2):
            initial[f"owner_{index}"] = owner.organisation_id
            initial[f"written_{index}"] = owner.name_as_written
        return initial
