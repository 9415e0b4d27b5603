"""Template filters of the plan documents."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.documents.markdown_docx import shift_headings, without_images
from core.text import render_markdown

register = template.Library()


@register.filter
def plan_markdown(value: str | None) -> SafeString:
    """User Markdown rendered safely (core.text.render_markdown), headings placed under the section's,
    and images (which would load from elsewhere) replaced by their alternative text."""
    return mark_safe(without_images(shift_headings(render_markdown(value or ""))))  # noqa: S308
