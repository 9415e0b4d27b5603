"""Users in the admin: Django's user admin with history. Memberships are partnership records,
managed by each partnership's coordinators on its People page, so they are not here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import User
from core.admin import AuditedAdmin


@admin.register(User)
class UserAdmin(AuditedAdmin, SimpleHistoryAdmin, DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_active", "is_superuser", "last_login"]
    list_filter = ["is_active", "is_superuser"]
    search_fields = ["username", "email", "first_name", "last_name"]
