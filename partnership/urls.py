from django.urls import path

from partnership.views import audit, messages, pages, people

app_name = "partnership"
urlpatterns = [
    path("members/", pages.members, name="members"),
    path("organisations/new/", pages.organisation_edit, name="organisation_add"),
    path("organisations/<int:pk>/", pages.organisation, name="organisation"),
    path("organisations/<int:pk>/edit/", pages.organisation_edit, name="organisation_edit"),
    path("glossary/", pages.glossary, name="glossary"),
    path("glossary/new/", pages.glossary_edit, name="glossary_add"),
    path("glossary/<int:pk>/edit/", pages.glossary_edit, name="glossary_edit"),
    path("glossary/<int:pk>/delete/", pages.glossary_delete, name="glossary_delete"),
    path("settings/", pages.settings, name="settings"),
    path("people/", people.people, name="people"),
    path("people/invite/", people.invite, name="invite"),
    path("people/<int:pk>/", people.membership_edit, name="membership_edit"),
    path("people/<int:pk>/remove/", people.membership_deactivate, name="membership_deactivate"),
    path("people/<int:pk>/roles/add/", people.role_grant_add, name="role_grant_add"),
    path("people/<int:pk>/roles/remove/", people.role_grant_remove, name="role_grant_remove"),
    path("people/invitations/<int:pk>/cancel/", people.invitation_cancel, name="invitation_cancel"),
    path("messages/", messages.message_log, name="message_log"),
    path("messages/settings/", messages.message_settings, name="message_settings"),
    path("messages/texts/<str:kind>/", messages.message_text_edit, name="message_text"),
    path("messages/preferences/", messages.message_preferences, name="message_preferences"),
    path("audit/", audit.audit, name="audit"),
    path("audit/export/", audit.audit_export, name="audit_export"),
]
