"""Calendar-month periods and the qualifying-complaint rule of s.104(11) (pure, no database).

The Anti-social Behaviour, Crime and Policing Act 2014, s.104(11): a complaint about anti-social
behaviour is a *qualifying complaint* if it is made within the period of one month beginning with
the date on which the behaviour is alleged to have occurred, and the application for an ASB case
review is made within the period of six months beginning with the date on which the complaint is
made. (The Explanatory Notes, para 231: "made within one month of the incident occurring" and "the
application ... within six months of the original complaint".) ADR 0021 records the reading.
"""

import datetime

from core.months import period_end, within_months

__all__ = ["complaint_qualifies", "period_end", "why_not_qualifying", "within_months"]

COMPLAINT_MONTHS = 1  # s.104(11)(a): the complaint within one month of the behaviour
APPLICATION_MONTHS = 6  # s.104(11)(b): the application within six months of the complaint


def complaint_qualifies(
    behaviour_date: datetime.date, complaint_date: datetime.date, application_date: datetime.date
) -> bool:
    """s.104(11): the complaint was made within the period of one month beginning with the date of
    the behaviour, and the application within the period of six months beginning with the date of
    the complaint. A complaint dated before its behaviour, or an application before its complaint,
    does not qualify."""
    return within_months(behaviour_date, complaint_date, COMPLAINT_MONTHS) and within_months(
        complaint_date, application_date, APPLICATION_MONTHS
    )


def why_not_qualifying(
    behaviour_date: datetime.date, complaint_date: datetime.date, application_date: datetime.date
) -> str:
    """The reason in words a complaint does not qualify under s.104(11), or "" when it does."""
    if complaint_date < behaviour_date:
        return "the complaint is dated before the behaviour"
    if not within_months(behaviour_date, complaint_date, COMPLAINT_MONTHS):
        last = period_end(behaviour_date, COMPLAINT_MONTHS)
        return f"made after {last:%-d %B %Y}, more than one month after the behaviour (s.104(11)(a))"
    if application_date < complaint_date:
        return "the application is dated before the complaint"
    if not within_months(complaint_date, application_date, APPLICATION_MONTHS):
        last = period_end(complaint_date, APPLICATION_MONTHS)
        return (
            f"the application came after {last:%-d %B %Y}, more than six months after the complaint "
            "(s.104(11)(b))"
        )
    return ""
