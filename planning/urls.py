from django.urls import path

from planning.views import actions, dashboard, figures, manage, my_actions, review, setup, years

app_name = "planning"
Y = "years/<str:year>/"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path(Y, dashboard.dashboard, name="dashboard_year"),
    path("set-up/", setup.set_up, name="set_up"),
    # Action plans
    path("actions/", actions.action_list, name="action_list"),
    path(f"{Y}actions/", actions.action_list, name="action_list"),
    path(f"{Y}actions/new/", manage.action_form, name="action_create"),
    path(f"{Y}actions/<int:pk>/", actions.action_detail, name="action"),
    path(f"{Y}actions/<int:pk>/update/", actions.action_update, name="action_update"),
    path(f"{Y}actions/<int:pk>/contribution/", my_actions.contribution, name="action_contribution"),
    # A lead officer's actions and their updates for a period in one page
    path("my-actions/", my_actions.my_actions, name="my_actions"),
    path(f"{Y}my-actions/", my_actions.my_actions, name="my_actions"),
    path(f"{Y}my-actions/<str:code>/", my_actions.period_updates, name="my_period_updates"),
    path(f"{Y}actions/<int:pk>/edit/", manage.action_form, name="action_edit"),
    path(f"{Y}actions/<int:pk>/delete/", manage.action_delete, name="action_delete"),
    path(f"{Y}actions/<int:pk>/move/", manage.action_move, name="action_move"),
    path(f"{Y}priorities/new/", manage.priority_form, name="priority_create"),
    path(f"{Y}priorities/<int:pk>/edit/", manage.priority_form, name="priority_edit"),
    path(f"{Y}priorities/<int:pk>/delete/", manage.priority_delete, name="priority_delete"),
    path(f"{Y}priorities/<int:pk>/move/", manage.priority_move, name="priority_move"),
    # Year-end review and roll forward
    path("review/", review.review, name="review"),
    path(f"{Y}review/", review.review, name="review"),
    path("roll-forward/", review.roll_forward, name="roll_forward"),
    path(f"{Y}roll-forward/", review.roll_forward, name="roll_forward"),
    # Plan year settings and the status vocabulary
    path("plan-years/", years.year_settings, name="year_settings"),
    path(f"{Y}settings/", years.year_settings, name="year_settings"),
    path(f"{Y}periods/<str:code>/", years.period_edit, name="period_edit"),
    path("statuses/", years.statuses, name="statuses"),
    path("statuses/new/", years.status_form, name="status_create"),
    path("statuses/<int:pk>/edit/", years.status_form, name="status_edit"),
    path("statuses/<int:pk>/move/", years.status_move, name="status_move"),
    # Measures and key figures
    path("key-figures/", figures.key_figures, name="key_figures"),
    path("key-figures/new/", figures.measure_form, name="measure_create"),
    path("key-figures/<int:pk>/edit/", figures.measure_form, name="measure_edit"),
    path("key-figures/<int:pk>/delete/", figures.measure_delete, name="measure_delete"),
    path("key-figures/<int:pk>/", figures.measure, name="measure"),
    path("key-figures/<int:pk>/values/new/", figures.measure_value_form, name="measure_value_create"),
    path(
        "key-figures/<int:pk>/values/<int:value_pk>/edit/",
        figures.measure_value_form,
        name="measure_value_edit",
    ),
    path(
        "key-figures/<int:pk>/values/<int:value_pk>/delete/",
        figures.measure_value_delete,
        name="measure_value_delete",
    ),
]
