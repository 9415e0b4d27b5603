"""The People page: coordinators invite people, change roles and organisations, end memberships."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import Purpose
from core.errors import AccessDenied, ServiceError
from core.history import history_rows
from core.views import run_service
from partnership import access, selectors, services
from partnership.access import access_partnership_by_slug
from partnership.forms import InvitationForm, MembershipForm, RoleGrantForm
from partnership.models import Membership, Partnership
from partnership.views.pages import crumbs


@login_required
def people(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    all_memberships = selectors.people(request.user, p)
    return render(
        request,
        "partnership/people.html",
        {
            "partnership": p,
            "active": [m for m in all_memberships if m.is_active],
            "inactive": [m for m in all_memberships if not m.is_active],
            "invitations": selectors.pending_invitations(request.user, p),
            "now": timezone.now(),
            "page_title": "People",
            "breadcrumbs": crumbs(p, ("Settings", reverse("partnership:settings", args=[p.slug]))),
        },
    )


def _people_crumbs(p: Partnership) -> list[dict[str, str]]:
    return crumbs(p, ("People", reverse("partnership:people", args=[p.slug])))


def _membership(request: HttpRequest, slug: str, pk: object) -> Membership:
    p = access_partnership_by_slug(request.user, slug, for_=Purpose.MANAGE)
    return access.access_membership_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=p)


@login_required
def invite(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    form = InvitationForm(request.POST or None, organisations=selectors.organisation_choices(request.user, p))
    if request.method == "POST" and form.is_valid():
        invitation, _ = run_service(
            form,
            services.invitation_create,
            partnership=p,
            actor=request.user,
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
    membership = _membership(request, partnership, pk)
    p = membership.partnership
    initial = {"role": membership.role, "organisation": membership.organisation}
    form = MembershipForm(
        request.POST or None, organisations=selectors.organisation_choices(request.user, p), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        saved, ok = run_service(
            form,
            services.membership_change,
            membership=membership,
            actor=request.user,
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
        )
        if ok and saved is not None:
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
            "further_roles": selectors.further_roles(membership),
            "grant_history": selectors.role_grant_history(membership),
            "page_title": f"Change {membership.user}’s role",
            "breadcrumbs": _people_crumbs(p),
        },
    )


@login_required
def membership_deactivate(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    membership = _membership(request, partnership, pk)
    p = membership.partnership
    error = None
    if request.method == "POST":
        try:
            services.membership_deactivate(membership=membership, actor=request.user)
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
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    invitation = access.access_invitation_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=p)
    try:
        services.invitation_cancel(invitation=invitation, actor=request.user)
    except ServiceError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"Invitation for {invitation.email} cancelled.")
    return redirect("partnership:people", partnership=partnership)


def _change_grant(request: HttpRequest, partnership: str, pk: int, *, add: bool) -> HttpResponse:
    membership = _membership(request, partnership, pk)
    form = RoleGrantForm(request.POST)
    if not form.is_valid():
        messages.error(request, str(form.errors["grant"][0]))
        return redirect("partnership:people", partnership=partnership)
    grant = form.cleaned_data["grant"]
    service = services.role_grant_add if add else services.role_grant_remove
    try:
        run_service(None, service, actor=request.user, membership=membership, grant=grant)
    except ServiceError as problem:
        messages.error(request, str(problem))
    else:
        label = RoleGrantForm.label_of(grant).lower()
        done = f"{membership.user} is now {label}." if add else f"{membership.user} is no longer {label}."
        messages.success(request, done)
    if request.POST.get("back") == "membership":
        return redirect("partnership:membership_edit", partnership=partnership, pk=membership.pk)
    return redirect("partnership:people", partnership=partnership)


@login_required
@require_POST
def role_grant_add(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    return _change_grant(request, partnership, pk, add=True)


@login_required
@require_POST
def role_grant_remove(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    return _change_grant(request, partnership, pk, add=False)
