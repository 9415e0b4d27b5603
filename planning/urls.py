from django.urls import path

from planning.views import (
    actions,
    dashboard,
    figures,
    manage,
    my_actions,
    review,
    rounds,
    setup,
    strategies,
    structure,
    years,
)

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
    path(f"{Y}priorities/<int:pk>/", structure.priority_detail, name="priority"),
    path(f"{Y}priorities/<int:pk>/approaches/new/", structure.approach_form, name="approach_create"),
    path(
        f"{Y}priorities/<int:pk>/approaches/<int:approach_id>/edit/",
        structure.approach_form,
        name="approach_edit",
    ),
    path(
        f"{Y}priorities/<int:pk>/approaches/<int:approach_id>/delete/",
        structure.approach_delete,
        name="approach_delete",
    ),
    path(f"{Y}priorities/<int:pk>/outcomes/new/", structure.outcome_form, name="outcome_create"),
    path(
        f"{Y}priorities/<int:pk>/outcomes/<int:outcome_id>/edit/", structure.outcome_form, name="outcome_edit"
    ),
    path(
        f"{Y}priorities/<int:pk>/outcomes/<int:outcome_id>/delete/",
        structure.outcome_delete,
        name="outcome_delete",
    ),
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
    path(f"{Y}rounds/<str:code>/", rounds.round_tracker, name="round_tracker"),
    path("statuses/", years.statuses, name="statuses"),
    path("statuses/new/", years.status_form, name="status_create"),
    path("statuses/<int:pk>/edit/", years.status_form, name="status_edit"),
    path("statuses/<int:pk>/move/", years.status_move, name="status_move"),
    # Cross-cutting themes and places
    path("themes/", structure.themes, name="themes"),
    path("themes/new/", structure.theme_form, name="theme_create"),
    path("themes/<int:pk>/edit/", structure.theme_form, name="theme_edit"),
    path("themes/<int:pk>/delete/", structure.theme_delete, name="theme_delete"),
    path("places/new/", structure.place_form, name="place_create"),
    path("places/<int:pk>/edit/", structure.place_form, name="place_edit"),
    path("places/<int:pk>/delete/", structure.place_delete, name="place_delete"),
    # Strategies over several plan years
    path("strategies/", strategies.strategy_list, name="strategies"),
    path("strategies/new/", strategies.strategy_create, name="strategy_create"),
    path("strategies/<str:span>/", strategies.strategy_detail, name="strategy"),
    path("strategies/<str:span>/edit/", strategies.strategy_edit, name="strategy_edit"),
    path("strategies/<str:span>/delete/", strategies.strategy_delete, name="strategy_delete"),
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
