"""Form behaviour shared by the apps."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator


def max_narrative_chars() -> int:
    return int(getattr(settings, "MAX_NARRATIVE_CHARS", 50_000))


class TextLimitMixin:
    """Every multi-line text field (Textarea) without its own limit takes at most
    settings.MAX_NARRATIVE_CHARS characters, with a message that gives the limit and the count."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = max_narrative_chars()
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field.widget, forms.Textarea) and getattr(field, "max_length", None) is None:
                field.max_length = limit
                field.validators.append(
                    MaxLengthValidator(
                        limit,
                        message=(
                            f"Shorten this text to {limit:,} characters or fewer "
                            "(it has %(show_value)s characters)"
                        ),
                    )
                )
