from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.views import passwords, sign_in, two_factor

app_name = "accounts"
# The account page and invitation links list partnerships: csphub/urls.py adds them to this
# namespace from partnership.views (accounts must not import partnership).
urlpatterns = [
    path("sign-in/", sign_in.SignInView.as_view(), name="login"),
    path("sign-in/code/", sign_in.two_factor_verify, name="two_factor_verify"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/set-up/", two_factor.two_factor_setup, name="two_factor_setup"),
    path("two-factor/backup-codes/", two_factor.backup_codes, name="backup_codes"),
    path("two-factor/turn-off/", two_factor.two_factor_disable, name="two_factor_disable"),
    path("password/change/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", passwords.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", passwords.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        passwords.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
