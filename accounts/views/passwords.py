"""Password reset by e-mail and password change: Django's views with GOV.UK templates."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from accounts.forms import GovukPasswordChangeForm, GovukPasswordResetForm, GovukSetPasswordForm


class PasswordResetView(auth_views.PasswordResetView):
    form_class = GovukPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_context = {"page_title": "Reset your password"}
    extra_email_context = {"site_name": settings.SITE_NAME}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"
    extra_context = {"page_title": "Check your e-mail", "link_days": settings.PASSWORD_RESET_TIMEOUT // 86400}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = GovukSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"page_title": "Choose a new password"}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    extra_context = {"page_title": "Your password has been changed"}


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = GovukPasswordChangeForm
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")
    extra_context = {"page_title": "Change your password"}


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
    extra_context = {"page_title": "Your password has been changed"}
