"""The case-work notice on a person's home pages: how many case-work tasks they own and how many
are overdue, with a link to case work (which needs two-factor sign-in). Never a task's title or case."""

from django.urls import reverse
from django.utils import timezone

from casework import selectors
from partnership.access import held_grants
from partnership.models import Grant, Partnership
from planning.home_notices import Notice

WORKERS = {Grant.CASE_WORKER, Grant.CSU_COORDINATOR}


def task_notice(actor: object, partnership: Partnership) -> Notice | None:
    if not held_grants(actor) & WORKERS:  # type: ignore[arg-type]
        return None  # read from the request's standings: no query for everyone else
    tasks = selectors.my_open_tasks(actor, partnership)  # type: ignore[arg-type]
    if not tasks:
        return None
    today = timezone.localdate()
    overdue = sum(1 for task in tasks if task.due_on < today)
    text = f"You have {len(tasks)} case-work task{'s' if len(tasks) != 1 else ''} to do"
    text += f", {overdue} overdue." if overdue else "."
    return Notice(
        text, "See your tasks in case work", reverse("casework:cases", args=[partnership.slug]), bool(overdue)
    )
