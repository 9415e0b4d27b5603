"""Forms for signing in, two-factor codes, passwords and accepting invitations."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been turned off. Ask your partnership coordinator for help.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your backup codes.",
        error_messages={"required": "Enter the code from your authenticator app"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class SetupCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your app",
        max_length=10,
        help_text="Enter the 6-digit code your app shows after you add CSP Hub to it.",
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ConfirmPasswordForm(forms.Form):
    """Ask for the current password before a sensitive change."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("The password is not right")
        return password


class NewAccountForm(UserCreationForm):
    """A new person accepting an invitation: name, username and password (e-mail is the invitation's)."""

    class Meta:
        model = get_user_model()
        fields = ("first_name", "last_name", "username")

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.email = email
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["first_name"].error_messages["required"] = "Enter your first name"
        self.fields["last_name"].error_messages["required"] = "Enter your last name"
        self.fields["username"].error_messages["required"] = "Enter a username"
        self.fields["username"].help_text = "You sign in with this. Letters, digits and @ . + - _ only."
        self.fields["password1"].error_messages["required"] = "Enter a password"
        self.fields["password1"].help_text = _plain_password_help()
        self.fields["password2"].error_messages["required"] = "Enter the password again"
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"


def _plain_password_help() -> str:
    return " ".join(password_validation.password_validators_help_texts())


class GovukSetPasswordForm(SetPasswordForm):
    """Django's set-password form with plain-text hints for the GOV.UK field template."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = _plain_password_help()
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"


class GovukPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = _plain_password_help()
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"


class GovukPasswordResetForm(PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail address"
        self.fields["email"].error_messages["required"] = "Enter your e-mail address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an e-mail address in the right format, like name@example.org"
        )
