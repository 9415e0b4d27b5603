"""Users in the admin: Django's user admin with history and the person's memberships inline."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import User
from partnership.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["partnership", "organisation", "role", "is_active"]
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_active", "is_superuser", "last_login"]
    list_filter = ["is_active", "is_superuser", "memberships__partnership"]
    search_fields = ["username", "email", "first_name", "last_name"]
    inlines = [MembershipInline]
