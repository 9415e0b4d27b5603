"""The action plan list's table rows and page links, written in Python.

A row through the template engine cost about 30 variable lookups, filters and tags (a 300-action
list spent 80 % of its time there); here a row is a few `format_html` calls. Every piece of user
text (action text, owner names, target, update narrative, status name and colour) goes through
`format_html`/`conditional_escape`; nothing here marks user text safe. The markup is the one the
template wrote: `tests/planning/test_speed_action_rows.py` checks it and the escaping.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from planning.models import Action, Status
from planning.owners import TO_BE_CONFIRMED
from planning.reporting import is_overdue

NARRATIVE_CHARS = 300


def truncated(text: str, limit: int = NARRATIVE_CHARS) -> str:
    """`truncatechars:limit`, without the truncator's cost when the text is short enough."""
    return text if len(text) <= limit else Truncator(text).chars(limit)


def status_tag(status: Status | None) -> SafeString:
    """The status as words in a coloured tag (as the template's status tags in the list)."""
    if status is None:
        return mark_safe('<strong class="govuk-tag csp-status--grey">No status recorded</strong>')  # noqa: S308 (constant)
    return format_html(
        '<strong class="govuk-tag csp-status--{}">{}</strong>', status.colour or "grey", status.name
    )


def _latest(action: Any, periods: dict[int, str]) -> SafeString:
    update = action.latest
    if update is None:
        return mark_safe('<span class="govuk-hint">No update yet</span>')  # noqa: S308 (constant)
    if update.period_id not in periods:
        periods[update.period_id] = update.period.get_code_display()
    if update.is_example:
        return format_html(
            '<div class="csp-example-data"><strong class="govuk-tag govuk-tag--yellow">Example data</strong>\n'
            ' <span class="govuk-hint govuk-!-display-inline">{}:</span> {}</div>',
            periods[update.period_id],
            truncated(update.narrative),
        )
    return format_html(
        '<div>\n <span class="govuk-hint govuk-!-display-inline">{}:</span> {}</div>',
        periods[update.period_id],
        truncated(update.narrative),
    )


def _names(names: Iterable[str]) -> SafeString:
    return format_html_join(mark_safe("<br>"), "{}", ((name,) for name in names))


def owner_cells(owner_roles: list[tuple[str, bool]], *, lead_layout: bool) -> SafeString:
    """Lead and Supporting cells, or the single Owner/lead agency cell: the owners in order, with
    "To be confirmed" first when none leads (as `planning.owners.single_column`)."""
    lead = next((name for name, is_lead in owner_roles if is_lead), None)
    if lead_layout:
        return format_html(
            '<td class="govuk-table__cell">{}</td>\n<td class="govuk-table__cell">{}</td>',
            lead or TO_BE_CONFIRMED,
            _names(name for name, is_lead in owner_roles if not is_lead),
        )
    names = [name for name, _ in owner_roles]
    return format_html(
        '<td class="govuk-table__cell">{}</td>', _names(names if lead else [TO_BE_CONFIRMED, *names])
    )


OVERDUE_TAG = mark_safe('<strong class="govuk-tag govuk-tag--red">Overdue</strong>')  # noqa: S308 (constant)


def _target_cell(action: Any, today: datetime.date) -> SafeString:
    """The target, the due date (a `<time>`), and an "Overdue" tag when past due and not completed."""
    parts = []
    if action.target:
        parts.append(format_html("<div>{}</div>", truncated(action.target)))
    if action.due_date:
        parts.append(
            format_html(
                '<div>Due <time datetime="{}">{}</time></div>',
                action.due_date.isoformat(),
                f"{action.due_date.day} {action.due_date:%b %Y}",
            )
        )
        if is_overdue(action.due_date, action.status_now, today):
            parts.append(OVERDUE_TAG)
    if not parts:
        return mark_safe('<td class="govuk-table__cell"><span class="govuk-hint">None set</span></td>')  # noqa: S308 (constant)
    return format_html('<td class="govuk-table__cell">{}</td>', mark_safe("\n".join(parts)))  # noqa: S308 (built by format_html)


def _order_cell(action: Any, url: str, csrf_input: SafeString) -> SafeString:
    buttons = []
    for show, direction, label in (
        (not action.first_in_priority, "up", "Move up"),
        (not action.last_in_priority, "down", "Move down"),
    ):
        if show:
            buttons.append(
                format_html(
                    '<form method="post" action="{}move/">{}<button class="govuk-button '
                    'govuk-button--secondary govuk-!-margin-bottom-1" name="direction" value="{}">{}'
                    '<span class="govuk-visually-hidden"> action {}</span></button></form>',
                    url,
                    csrf_input,
                    direction,
                    label,
                    action.position,
                )
            )
    return format_html('<td class="govuk-table__cell">{}</td>', mark_safe("\n".join(buttons)))  # noqa: S308 (built by format_html)


def action_rows(
    actions: Iterable[Action],
    *,
    actions_url: str,
    ordering: bool = False,
    csrf_token: str = "",
    lead_layout: bool = False,
    today: datetime.date | None = None,
) -> SafeString:
    """The `<tr>` of each action: its text linked to its page, owners (Lead and Supporting with
    `lead_layout`, else one Owner/lead agency cell), target and due date (tagged "Overdue" when past
    due on `today` and not completed), latest update and status; with `ordering`, move up/down
    buttons (within its priority) posting to `<actions_url><pk>/move/`."""
    csrf_input = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token)
    today = today or datetime.date.today()
    periods: dict[int, str] = {}
    tags: dict[int | None, SafeString] = {}
    rows = []
    for action in actions:
        status = action.status_now  # type: ignore[attr-defined]
        key = status.pk if status is not None else None
        if key not in tags:
            tags[key] = status_tag(status)
        url = f"{actions_url}{action.pk}/"
        rows.append(
            format_html(
                '<tr class="govuk-table__row" id="action-{}">\n'
                '<td class="govuk-table__cell"><a class="govuk-link" href="{}">{}</a></td>\n'
                "{}\n"
                "{}\n"
                '<td class="govuk-table__cell">{}</td>\n'
                '<td class="govuk-table__cell">{}</td>{}\n'
                "</tr>",
                action.pk,
                url,
                action.text,
                owner_cells(action.owner_roles, lead_layout=lead_layout),  # type: ignore[attr-defined]
                _target_cell(action, today),
                _latest(action, periods),
                tags[key],
                _order_cell(action, url, csrf_input) if ordering else "",
            )
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (each row built by format_html)


def page_links(query: QueryDict, number: int, count: int) -> list[dict[str, Any]]:
    """GOV.UK pagination items: the first, last, current and its neighbours, with `None` for a gap
    (an ellipsis); each link keeps the filters in `query`."""
    shown = sorted({1, count, number - 1, number, number + 1} & set(range(1, count + 1)))
    items: list[dict[str, Any]] = []
    for n in shown:
        if items and n - items[-1]["number"] > 1:
            items.append({"number": None, "url": "", "current": False})
        items.append({"number": n, "url": page_url(query, n), "current": n == number})
    return items


def page_url(query: QueryDict, number: int) -> str:
    params = query.copy()
    params["page"] = str(number)
    return f"?{params.urlencode()}"
