"""Writes to plans: keyword-only functions with the acting user, each inside a transaction.

The functions live in modules by topic; they are all re-exported here, so callers keep writing
`from planning import services` or `from planning.services import plan_year_create`.
"""

from planning.services.contributions import (
    ReportConflicts,
    ReportEntry,
    action_contribution_record,
    period_reports_record,
)
from planning.services.measures import (
    MEASURE_FIELDS,
    measure_delete,
    measure_save,
    measure_value_delete,
    measure_value_save,
)
from planning.services.plans import (
    action_create,
    action_delete,
    action_edit,
    action_move,
    plan_year_actions_delete,
    priority_create,
    priority_delete,
    priority_edit,
    priority_fingerprint,
    priority_match,
    priority_move,
    tags_set,
)
from planning.services.roll_forward import plan_year_roll_forward, priority_key, priority_match_loose
from planning.services.structure import (
    approach_delete,
    approach_save,
    lsoa_codes_clean,
    outcome_delete,
    outcome_save,
    place_delete,
    place_save,
    theme_delete,
    theme_save,
)
from planning.services.updates import UpdateFigure, action_update_record, only_open_period
from planning.services.vocabulary import (
    status_move,
    status_save,
    statuses_seed,
)
from planning.services.years import (
    PLAN_YEAR_STATE_CHANGES,
    default_periods,
    plan_year_create,
    plan_year_create_next,
    plan_year_open_period,
    plan_year_set_current,
    plan_year_set_open_periods,
    plan_year_set_owner_layout,
    plan_year_set_state,
    plan_year_set_up,
    reporting_period_edit,
    unreviewed_actions,
)

__all__ = [
    "approach_delete",
    "approach_save",
    "lsoa_codes_clean",
    "outcome_delete",
    "outcome_save",
    "place_delete",
    "place_save",
    "theme_delete",
    "theme_save",
    "ReportConflicts",
    "ReportEntry",
    "period_reports_record",
    "action_contribution_record",
    "only_open_period",
    "MEASURE_FIELDS",
    "PLAN_YEAR_STATE_CHANGES",
    "UpdateFigure",
    "action_create",
    "tags_set",
    "action_delete",
    "action_edit",
    "action_move",
    "action_update_record",
    "default_periods",
    "measure_delete",
    "measure_save",
    "measure_value_delete",
    "measure_value_save",
    "plan_year_actions_delete",
    "plan_year_create",
    "plan_year_create_next",
    "plan_year_open_period",
    "plan_year_set_open_periods",
    "plan_year_set_owner_layout",
    "plan_year_roll_forward",
    "plan_year_set_current",
    "plan_year_set_state",
    "plan_year_set_up",
    "priority_create",
    "priority_delete",
    "priority_edit",
    "priority_fingerprint",
    "priority_key",
    "priority_match",
    "priority_match_loose",
    "priority_move",
    "reporting_period_edit",
    "status_move",
    "status_save",
    "statuses_seed",
    "unreviewed_actions",
]
