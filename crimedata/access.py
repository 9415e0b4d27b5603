"""Who may manage installation-wide crime and reference data: active site administrators."""


def can_manage_crime_data(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_superuser)
