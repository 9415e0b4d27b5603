"""The People page: coordinators invite people, change roles and organisations, end memberships."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.errors import AccessDenied, ServiceError
from core.history import history_rows
from core.views import run_service
from partnership import selectors, services
from partnership.forms import InvitationForm, MembershipForm
from partnership.views import crumbs


@login_required
def people(request: HttpRequest, partnership: str) -> HttpResponse:
    p = selectors.partnership_for_coordinator(request.user, partnership)
    all_memberships = selectors.memberships(p).order_by(
        "user__last_name", "user__first_name", "user__username"
    )
    return render(
        request,
        "partnership/people.html",
        {
            "partnership": p,
            "active": [m for m in all_memberships if m.is_active],
            "inactive": [m for m in all_memberships if not m.is_active],
            "invitations": selectors.pending_invitations(p),
            "now": timezone.now(),
            "page_title": "People",
            "breadcrumbs": crumbs(p, ("Settings", reverse("partnership:settings", args=[p.slug]))),
        },
    )


def _people_crumbs(p: object) -> list[dict[str, str]]:
    slug = p.slug  # type: ignore[attr-defined]
    return crumbs(p, ("People", reverse("partnership:people", args=[slug])))


@login_required
def invite(request: HttpRequest, partnership: str) -> HttpResponse:
    p = selectors.partnership_for_coordinator(request.user, partnership)
    form = InvitationForm(request.POST or None, partnership=p)
    if request.method == "POST" and form.is_valid():
        invitation, _ = run_service(
            form,
            services.invitation_create,
            partnership=p,
            user=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
            accept_url=lambda token: request.build_absolute_uri(
                reverse("accounts:accept_invitation", args=[token])
            ),
        )
        if invitation is not None:
            messages.success(
                request,
                f"Invitation sent to {invitation[0].email}. The link works for {services.INVITATION_DAYS} days.",
            )
            return redirect("partnership:people", partnership=p.slug)
    return render(
        request,
        "partnership/invite.html",
        {"partnership": p, "form": form, "page_title": "Invite someone", "breadcrumbs": _people_crumbs(p)},
    )


@login_required
def membership_edit(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    membership = selectors.membership_for_coordinator(request.user, partnership, pk)
    p = membership.partnership
    initial = {"role": membership.role, "organisation": membership.organisation}
    form = MembershipForm(request.POST or None, partnership=p, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved, ok = run_service(
            form,
            services.membership_change,
            membership=membership,
            user=request.user,
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
        )
        if ok:
            messages.success(request, f"{membership.user} is now {saved.get_role_display().lower()}.")
            return redirect("partnership:people", partnership=p.slug)
    return render(
        request,
        "partnership/membership_form.html",
        {
            "partnership": p,
            "membership": membership,
            "form": form,
            "history": history_rows(membership, readable=True),
            "page_title": f"Change {membership.user}’s role",
            "breadcrumbs": _people_crumbs(p),
        },
    )


@login_required
def membership_deactivate(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    membership = selectors.membership_for_coordinator(request.user, partnership, pk)
    p = membership.partnership
    error = None
    if request.method == "POST":
        try:
            services.membership_deactivate(membership=membership, user=request.user)
        except AccessDenied as denied:
            raise Http404(str(denied)) from denied
        except ServiceError as problem:
            error = str(problem)
        else:
            messages.success(request, f"{membership.user} is no longer a member of {p.name}.")
            return redirect("partnership:people", partnership=p.slug)
    return render(
        request,
        "partnership/membership_deactivate.html",
        {
            "partnership": p,
            "membership": membership,
            "error": error,
            "page_title": f"Remove {membership.user}",
            "breadcrumbs": _people_crumbs(p),
        },
    )


@login_required
@require_POST
def invitation_cancel(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    invitation = selectors.invitation_for_coordinator(request.user, partnership, pk)
    try:
        services.invitation_cancel(invitation=invitation, user=request.user)
    except ServiceError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"Invitation for {invitation.email} cancelled.")
    return redirect("partnership:people", partnership=partnership)
