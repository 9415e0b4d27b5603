"""The standard items of a partnership's calendar of duties.

Only two are statutory and carry their citation; the rest are local practice, with no legal due
date: the coordinator sets their dates (ADR 0023). The law changes: the citations are what the
issue asked for, checked against the legislation when written, and the page says to check them.
"""

from dataclasses import dataclass

PLAN_TO_POLICING_BODY = "plan_to_policing_body"
ASB_CASE_REVIEW_FIGURES = "asb_case_review_figures"
LOCAL_PRACTICE_RULE = "Local practice — check the law"


@dataclass(frozen=True)
class StandardDuty:
    key: str
    title: str
    rule: str
    statutory: bool = False
    citation: str = ""


STANDARD_DUTIES: tuple[StandardDuty, ...] = (
    StandardDuty(
        PLAN_TO_POLICING_BODY,
        "Send the partnership plan to the local policing body",
        "After each published version of the plan",
        statutory=True,
        citation="The Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007 "
        "(SI 2007/1830), regulation 13A (not the City of London)",
    ),
    StandardDuty(
        ASB_CASE_REVIEW_FIGURES,
        "Publish the ASB Case Review figures",
        "At least once a year",
        statutory=True,
        citation="Anti-social Behaviour, Crime and Policing Act 2014, section 104",
    ),
    StandardDuty("strategic_assessment", "Annual strategic assessment", LOCAL_PRACTICE_RULE),
    StandardDuty("priorities_workshop", "Priorities workshop", LOCAL_PRACTICE_RULE),
    StandardDuty("plan_publication", "Publish the partnership plan", LOCAL_PRACTICE_RULE),
    StandardDuty("community_engagement", "Community engagement", LOCAL_PRACTICE_RULE),
    StandardDuty("scrutiny", "Crime and disorder scrutiny", LOCAL_PRACTICE_RULE),
    StandardDuty(
        "serious_violence_review", "Serious Violence Duty: review of the strategy", LOCAL_PRACTICE_RULE
    ),
    StandardDuty("domestic_abuse_reviews", "Domestic abuse related death reviews", LOCAL_PRACTICE_RULE),
)
