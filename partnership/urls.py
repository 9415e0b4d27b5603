from django.urls import path

from partnership import people_views, views

app_name = "partnership"
urlpatterns = [
    path("members/", views.members, name="members"),
    path("organisations/new/", views.organisation_edit, name="organisation_add"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/new/", views.glossary_edit, name="glossary_add"),
    path("glossary/<int:pk>/edit/", views.glossary_edit, name="glossary_edit"),
    path("glossary/<int:pk>/delete/", views.glossary_delete, name="glossary_delete"),
    path("settings/", views.settings, name="settings"),
    path("people/", people_views.people, name="people"),
    path("people/invite/", people_views.invite, name="invite"),
    path("people/<int:pk>/", people_views.membership_edit, name="membership_edit"),
    path("people/<int:pk>/remove/", people_views.membership_deactivate, name="membership_deactivate"),
    path("people/invitations/<int:pk>/cancel/", people_views.invitation_cancel, name="invitation_cancel"),
]
