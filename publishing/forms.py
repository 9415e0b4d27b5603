"""Forms of the plan document pages (GOV.UK fields via {% govuk_field %})."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet

from core.forms import TextLimitMixin
from core.images import ImageRejected, image_clean, limits_text
from planning.models import Priority
from publishing.models import PlanNarrative

MARKDOWN_HINT = "Use a blank line between paragraphs. *Italic*, **bold**, lists (- item) and > quotes work; HTML does not."


class NarrativeForm(TextLimitMixin, forms.ModelForm):
    class Meta:
        model = PlanNarrative
        fields = [
            "introduction",
            "review_narrative",
            "projects_introduction",
            "priority_issues_before",
            "priority_issues_after",
            "contact_block",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in fields}


class ProjectReviewForm(TextLimitMixin, forms.Form):
    priority: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="No priority (give a title)",
        help_text="The priority whose projects and initiatives this part reviews.",
    )
    title = forms.CharField(
        max_length=300, required=False, help_text="Leave blank to use the priority's title."
    )
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12}), required=False, help_text=MARKDOWN_HINT
    )

    def __init__(self, *args: Any, priorities: QuerySet[Priority], **kwargs: Any) -> None:
        """`priorities`: the choices, from `publishing.selectors.reviewable_priorities` (the view's)."""
        super().__init__(*args, **kwargs)
        field = self.fields["priority"]
        field.queryset = priorities  # type: ignore[attr-defined]
        field.label_from_instance = lambda p: f"{p.plan_year.label}: {p.title}"  # type: ignore[attr-defined]

    def clean(self) -> dict:
        data = super().clean() or {}
        if not data.get("priority") and not (data.get("title") or "").strip():
            self.add_error("title", "Enter a title, or choose the priority this part reviews")
        return data


class QuoteForm(TextLimitMixin, forms.Form):
    text = forms.CharField(label="Quoted feedback", widget=forms.Textarea(attrs={"rows": 3}))
    attribution = forms.CharField(
        max_length=200, required=False, help_text="Who said it, for example “Year 9 pupil” (optional)."
    )


class PhotoForm(forms.Form):
    image = forms.FileField(
        label="Photograph",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    alt_text = forms.CharField(
        label="Alternative text",
        max_length=300,
        help_text="What the photograph shows, for people who cannot see it.",
    )
    caption = forms.CharField(max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["image"].help_text = f"A JPEG, PNG, WebP or GIF file of up to {limits_text()}."

    def clean_image(self) -> SimpleUploadedFile:
        """Checked from its header, re-encoded without metadata (core.images); named by its real type."""
        upload = self.cleaned_data["image"]
        try:
            image = image_clean(upload)
        except ImageRejected as error:
            raise forms.ValidationError(f"{error}.") from error
        stem = (upload.name or "photo").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "photo"
        return SimpleUploadedFile(f"{stem}.{image.extension}", image.data, image.content_type)


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have read the checklist and want to publish this plan now",
        error_messages={"required": "Confirm that you have read the checklist and want to publish the plan"},
    )


class WithdrawForm(TextLimitMixin, forms.Form):
    reason = forms.CharField(
        label="Why is this version being withdrawn?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Kept with the version for the partnership. The public page shows only the date.",
        error_messages={"required": "Enter why the version is being withdrawn"},
    )
