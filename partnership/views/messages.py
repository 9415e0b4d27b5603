"""The message log, the message texts and settings (coordinators), and each person's e-mail
preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from core.access import NotFound, Purpose
from core.views import run_service
from partnership import messaging
from partnership import selectors_messages as selectors
from partnership.access import access_partnership_by_slug
from partnership.forms import MessagePreferencesForm, MessageTextForm, MessagingSettingsForm
from partnership.models import MessageKind
from partnership.services import messages as services
from partnership.views.pages import crumbs


@login_required
def message_log(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    kind = request.GET.get("kind", "")
    kind = kind if kind in MessageKind.values else ""
    round_key = request.GET.get("round", "")[:120]
    return render(
        request,
        "partnership/message_log.html",
        {
            "partnership": p,
            "rows": selectors.message_log(request.user, p, kind=kind, round_key=round_key),
            "kinds": MessageKind.choices,
            "rounds": selectors.log_rounds(request.user, p),
            "kind": kind,
            "round_key": round_key,
            "limit": selectors.LOG_PAGE_SIZE,
            "page_title": "Message log",
            "breadcrumbs": crumbs(
                p, ("Partnership settings", reverse("partnership:settings", args=[p.slug]))
            ),
        },
    )


@login_required
def message_settings(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    current = selectors.messaging_settings(p)
    form = MessagingSettingsForm(
        request.POST or None,
        initial={"reminder_days": current.reminder_days, "weekly_digest": current.weekly_digest},
    )
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form,
            services.messaging_settings_save,
            actor=request.user,
            partnership=p,
            reminder_days=form.cleaned_data["reminder_days"],
            weekly_digest=form.cleaned_data["weekly_digest"],
        )
        if ok:
            messages.success(request, "Message settings saved.")
            return redirect("partnership:message_settings", partnership=p.slug)
    return render(
        request,
        "partnership/message_settings.html",
        {
            "partnership": p,
            "form": form,
            "texts": selectors.message_texts(p),
            "uses_notify": messaging.uses_notify(),
            "page_title": "Message texts and settings",
            "breadcrumbs": crumbs(
                p, ("Partnership settings", reverse("partnership:settings", args=[p.slug]))
            ),
        },
    )


@login_required
def message_text_edit(request: HttpRequest, partnership: str, kind: str) -> HttpResponse:
    """Edit one text; "Preview" shows it filled in with example values without saving."""
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    if kind not in MessageKind.values:
        raise NotFound("No such message.")
    label = MessageKind(kind).label
    subject, body, customised = selectors.message_text(p, kind)
    form = MessageTextForm(request.POST or None, initial={"subject": subject, "body": body})
    preview = None
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "reset":
            run_service(None, services.message_text_reset, actor=request.user, partnership=p, kind=kind)
            messages.success(request, f"{label} text reset to the default.")
            return redirect("partnership:message_settings", partnership=p.slug)
        if form.is_valid():
            unknown = messaging.unknown_placeholders(form.cleaned_data["subject"] + form.cleaned_data["body"])
            if unknown:
                known = ", ".join("{" + name + "}" for name in messaging.PLACEHOLDERS)
                form.add_error(
                    "body",
                    f"{', '.join('{' + n + '}' for n in unknown)} is not a placeholder: use only {known}.",
                )
            elif action == "preview":
                values = {**messaging.PREVIEW_VALUES, "partnership": p.name}
                preview = {
                    "subject": messaging.fill(form.cleaned_data["subject"], values),
                    "body": messaging.fill(form.cleaned_data["body"], values),
                }
            else:
                _, ok = run_service(
                    form,
                    services.message_text_save,
                    actor=request.user,
                    partnership=p,
                    kind=kind,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
                if ok:
                    messages.success(request, f"{label} text saved.")
                    return redirect("partnership:message_settings", partnership=p.slug)
    return render(
        request,
        "partnership/message_text_form.html",
        {
            "partnership": p,
            "form": form,
            "kind": kind,
            "label": label,
            "customised": customised,
            "preview": preview,
            "placeholders": messaging.PLACEHOLDERS.items(),
            "page_title": f"{label} message",
            "breadcrumbs": crumbs(
                p, ("Message texts and settings", reverse("partnership:message_settings", args=[p.slug]))
            ),
        },
    )


@login_required
def message_preferences(request: HttpRequest, partnership: str) -> HttpResponse:
    """The signed-in person's own choice of round notices, reminders, chasers and digests."""
    p = access_partnership_by_slug(request.user, partnership)
    membership = selectors.own_membership(request.user, p)
    if membership is None:
        raise NotFound("No such page.")
    opted_out = selectors.own_opt_outs(request.user, membership)
    form = MessagePreferencesForm(
        request.POST or None, initial={"wanted": [k for k in MessageKind.values if k not in opted_out]}
    )
    if request.method == "POST" and form.is_valid():
        wanted = set(form.cleaned_data["wanted"])
        _, ok = run_service(
            form,
            services.message_opt_outs_set,
            actor=request.user,
            membership=membership,
            kinds=[k for k in MessageKind.values if k not in wanted],
        )
        if ok:
            messages.success(request, "Your e-mail preferences are saved.")
            return redirect("partnership:message_preferences", partnership=p.slug)
    return render(
        request,
        "partnership/message_preferences.html",
        {
            "partnership": p,
            "form": form,
            "now": timezone.now(),
            "page_title": "Your e-mail preferences",
            "breadcrumbs": crumbs(p),
        },
    )
