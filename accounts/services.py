"""Writes for a person's own account: two-factor devices and backup codes."""

import base64
from typing import Any

import django_otp
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.actors import Actor
from core.errors import ServiceError

TOTP_NAME = "Authenticator app"
BACKUP_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def pending_totp_device(actor: Actor) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("-pk").first()


def confirmed_totp_device(actor: Actor) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=actor, confirmed=True).first()


def totp_secret(device: TOTPDevice) -> str:
    """The key as base32 in groups of four, for typing into an authenticator app by hand."""
    text = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def two_factor_start(*, actor: Actor) -> TOTPDevice:
    """An unconfirmed authenticator-app device for the actor (reused until confirmed)."""
    if confirmed_totp_device(actor) is not None:
        raise ServiceError("Two-factor sign-in is already turned on for your account.")
    device = pending_totp_device(actor)
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name=TOTP_NAME, confirmed=False)
    return device


@transaction.atomic
def two_factor_confirm(*, actor: Actor, device: TOTPDevice, token: str) -> list[str]:
    """Confirm the device with a code from the app; returns a fresh set of backup codes."""
    if device.user_id != actor.pk or device.confirmed:
        raise ServiceError("Start setting up two-factor sign-in again.")
    if not device.verify_token(_digits(token)):
        raise ServiceError("The code is not right. Enter the 6-digit code your app shows now.")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    return backup_codes_regenerate(actor=actor)


@transaction.atomic
def backup_codes_regenerate(*, actor: Actor) -> list[str]:
    """Replace the actor's backup codes with new single-use ones and return them (shown once)."""
    if confirmed_totp_device(actor) is None:
        raise ServiceError("Turn on two-factor sign-in before making backup codes.")
    device, _ = StaticDevice.objects.get_or_create(user=actor, name=BACKUP_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def backup_codes_left(actor: Actor) -> int:
    return StaticToken.objects.filter(device__user=actor, device__confirmed=True).count()


@transaction.atomic
def two_factor_disable(*, actor: Actor) -> None:
    """Remove the authenticator app and the backup codes."""
    TOTPDevice.objects.filter(user=actor).delete()
    StaticDevice.objects.filter(user=actor).delete()


def _digits(token: str) -> str:
    return "".join(token.split()).replace("-", "")


def verify_code(*, actor: Actor, code: str) -> Any:
    """The confirmed device that accepts `code` (app code or backup code), or None.

    Each device throttles repeated failures itself (django-otp), so guessing gets slower.
    """
    token = _digits(code)
    if not token:
        return None
    devices: list[Any] = list(TOTPDevice.objects.filter(user=actor, confirmed=True))
    devices += list(StaticDevice.objects.filter(user=actor, confirmed=True))
    for device in devices:
        candidate = token if isinstance(device, TOTPDevice) else token.lower()
        if isinstance(device, TOTPDevice) and not candidate.isdigit():
            continue
        verified = django_otp.verify_token(actor, device.persistent_id, candidate)
        if verified is not None:
            return verified
    return None
