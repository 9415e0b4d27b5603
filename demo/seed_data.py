"""The seed plan (Tonbridge and Malling CSP, Partnership Plan 2020–2021) transcribed as data.

Texts are copied exactly from `shared/seeds/000_acca528074377805.txt`. Owners are listed with the
name written for them in that row of the seed; `ORGANISATIONS` says which organisation each name
belongs to. Nothing here is made up except where a comment says how it was derived.
"""

from dataclasses import dataclass
from decimal import Decimal

from demo.plans import PLAN_2019_20, PLAN_2020_21, SeedAction, SeedPriority
from partnership.models import OrganisationType as T

SLUG = "tonbridge-malling"
NAME = "Tonbridge and Malling Community Safety Partnership"
SHORT_NAME = "Tonbridge and Malling CSP"
POLICE_FORCE = ("kent", "Kent Police")
DISTRICT_CODE = "E07000115"

# The Kent districts (domain.md) as reference rows; E07000115 is this partnership's area.
KENT_DISTRICTS: list[tuple[str, str]] = [
    ("E07000105", "Ashford"),
    ("E07000106", "Canterbury"),
    ("E07000107", "Dartford"),
    ("E07000108", "Dover"),
    ("E07000109", "Gravesham"),
    ("E07000110", "Maidstone"),
    ("E07000111", "Sevenoaks"),
    ("E07000112", "Folkestone and Hythe"),
    ("E07000113", "Swale"),
    ("E07000114", "Thanet"),
    ("E07000115", "Tonbridge and Malling"),
    ("E07000116", "Tunbridge Wells"),
    ("E06000035", "Medway"),
]

# The contact block on the seed's last page.
CONTACT = {
    "phone": "01732 844522",
    "email": "csp@tmbc.gov.uk",
    "website": "www.tmcommunitysafety.org.uk",
    "social_links": (
        "Twitter: TM_CSP\nFacebook: Search for Tonbridge and Malling Community Safety Partnership"
    ),
}


@dataclass(frozen=True)
class Org:
    name: str
    org_type: str
    short_name: str = ""
    phone: str = ""
    website: str = ""
    other_names: tuple[str, ...] = ()


# "Membership of the Community Safety Partnership and contact details": the 4-column table read
# row by row. Names, phone numbers and websites as printed; short names and other names are the
# spellings the seed uses elsewhere (glossary, action tables, review text).
MEMBERS: list[Org] = [
    Org(
        "Tonbridge & Malling Borough Council",
        T.RESPONSIBLE_AUTHORITY,
        "TMBC",
        "01732 844522",
        "www.tmbc.gov.uk",
        ("Tonbridge and Malling Borough Council",),
    ),
    Org("Kent Police", T.RESPONSIBLE_AUTHORITY, "", "101", "www.kent.police.uk"),
    Org(
        "Kent Fire & Rescue Service",
        T.RESPONSIBLE_AUTHORITY,
        "KFRS",
        "01622 692121",
        "www.kent.fire-uk.org",
        ("Kent Fire and Rescue Service",),
    ),
    Org(
        "Clinical Commissioning Group",
        T.RESPONSIBLE_AUTHORITY,
        "CCG",
        "01732 375200",
        "www.westkentccg.nhs.uk",
    ),
    Org("KCC Integrated Youth Services", T.RESPONSIBLE_AUTHORITY, "", "03000 414 141", "www.kent.gov.uk"),
    Org("KCC Families and Social Care", T.RESPONSIBLE_AUTHORITY, "", "03000 414 141", "www.kent.gov.uk"),
    Org("KCC Trading Standards", T.RESPONSIBLE_AUTHORITY, "", "01732 525291", "www.kent.gov.uk"),
    Org("Clarion Housing", T.HOUSING_PROVIDER, "", "0800 197 2880", "www.myclarionhousing.com"),
    Org("Victim Support", T.VOLUNTARY_SECTOR, "", "0808 168 9276", "www.victimsupport.org.uk"),
    Org("National Probation Service", T.RESPONSIBLE_AUTHORITY, "", "01892 559350", "www.kentprobation.org"),
    Org(
        "Kent, Surrey & Sussex Community Rehabilitation Co.",
        T.RESPONSIBLE_AUTHORITY,
        "CRC",
        "03000 473216",
        "www.ksscrc.co.uk",
        ("Community Rehabilitation Company (Kent, Surrey and Sussex)",),
    ),
    Org("Neighbourhood Watch", T.VOLUNTARY_SECTOR, "", "01622 604395", "www.westkentwatch.com"),
    Org("KCC Community Wardens", T.RESPONSIBLE_AUTHORITY, "", "03000 413455", "www.kent.gov.uk"),
    Org(
        "DAVSS (Domestic Abuse Volunteer Support Services)",
        T.VOLUNTARY_SECTOR,
        "DAVSS",
        "01892 570538",
        "www.davss.org.uk",
        ("Domestic Abuse Volunteer Support Services", "Domestic Abuse Volunteer Support Service"),
    ),
    Org("Choices", T.VOLUNTARY_SECTOR, "", "01622 761146", "www.choicesdaservice.org.uk"),
    Org("Hyde Housing", T.HOUSING_PROVIDER, "", "0800 3282 282", "www.hyde-housing.co.uk"),
    Org("Moat Housing", T.HOUSING_PROVIDER, "", "0300 323 0011", "www.moat.co.uk"),
    Org("Town & Country Housing", T.HOUSING_PROVIDER, "", "0845 8731321", "www.tchg.org.uk"),
    Org("Southern Housing Group", T.HOUSING_PROVIDER, "", "0300 303 1773", "www.shgroup.org.uk"),
    Org(
        "CGL",
        T.VOLUNTARY_SECTOR,
        "",
        "01732 367380",
        "www.changegrowlive.org",
        ("Change, Grow, Live",),
    ),
    Org(
        "Kenward Trust",
        T.VOLUNTARY_SECTOR,
        "",
        "01622 814187",
        "www.kenward.org.uk",
        ("The Kenward Trust",),
    ),
    Org("Young Addaction", T.VOLUNTARY_SECTOR, "", "0300 012 0012", "www.youngaddaction.org.uk"),
    Org("Maidstone Mediation", T.VOLUNTARY_SECTOR, "", "01622 692843", "www.maidstonemediation.co.uk"),
    Org("West Kent Mediation", T.VOLUNTARY_SECTOR, "", "01732 469696", "www.wkm.org.uk"),
]

# Other bodies and groups the seed names as owners, not in the membership list. "Kent County
# Council" expands the seed's "KCC" (the seed never spells it out); the rest are as written.
OTHER_ORGANISATIONS: list[Org] = [
    Org("Kent County Council", T.RESPONSIBLE_AUTHORITY, "KCC"),
    Org("Project Salus", T.VOLUNTARY_SECTOR),
    Org("Theatre ADAD", T.OTHER),
    Org(
        "Reform Restore Respect",
        T.VOLUNTARY_SECTOR,
        "RRR",
        other_names=("Reform, Restore, Respect", "Restore, Reform, Respect"),
    ),
    Org("Serious and Organised Crime Group", T.GROUP),
    Org("Housing Associations", T.GROUP),
    Org("All partners", T.GROUP),
    Org("Safer Towns Partnership", T.GROUP, other_names=("Tonbridge Safer Towns Partnership",)),
    Org("Protection Against Stalking", T.VOLUNTARY_SECTOR),
    Org(
        "Community Domestic Abuse Programme",
        T.VOLUNTARY_SECTOR,
        "CDAP",
        other_names=("Community Domestic Abuse Perpetrators Programme",),
    ),
    Org("Lookahead", T.VOLUNTARY_SECTOR, other_names=("Look Ahead",)),
    Org("Mediation Services", T.GROUP),
]

GLOSSARY: list[tuple[str, str]] = [
    ("ASB", "Anti-social behaviour"),
    ("CCG", "Clinical Commissioning Group"),
    ("CDAP", "Community Domestic Abuse Programme - for perpetrators of domestic abuse"),
    ("CGL", "Change, Grow, Live – Substance misuse organisation providing rehabilitation services"),
    ("CRC", "Community Rehabilitation Company (Kent, Surrey and Sussex)"),
    ("CSP", "Community Safety Partnership"),
    ("CSE", "Child Sexual Exploitation"),
    ("CSU", "Community Safety Unit"),
    ("DASH", "Domestic Abuse, Stalking and Honour Based Violence risk identification and assessment model"),
    ("DAVSS", "Domestic Abuse Volunteer Support Service"),
    ("FPN", "Fixed Penalty Notice"),
    ("IDVA", "Independent Domestic Violence Advisor"),
    ("KFRS", "Kent Fire and Rescue Service"),
    ("NPS", "New Psychoactive Substance (legal highs)"),
    ("OCG", "Organised Crime Group"),
    ("PCC", "Police and Crime Commissioner"),
    ("PCSO", "Police Community Support Officer"),
    ("TMBC", "Tonbridge and Malling Borough Council"),
]


@dataclass(frozen=True)
class SeedMeasure:
    name: str
    value: Decimal
    unit: str
    source: str  # a name of the source organisation
    note: str = ""
    value_qualifier: str = ""
    comparison_value: Decimal | None = None
    comparison_period_label: str = ""
    stated_change: str = ""
    period_label: str = "2019/20"  # April 2019 to March 2020 unless stated


D = Decimal
M = SeedMeasure

# The figures the seed quotes for 2019/20 ("Review of actions" and "Review of projects").
MEASURES_2019_20: list[SeedMeasure] = [
    M(
        "Victim-based crime recorded",
        D(8394),
        "incidents",
        "Kent Police",
        "April 2019 to March 2020; an increase of 0.4% compared to the same period last year.",
        stated_change="+0.4%",
    ),
    M(
        "Anti-social behaviour incidents reported to the police",
        D(1693),
        "incidents",
        "Kent Police",
        "Up from 1,452.",
        comparison_value=D(1452),
        comparison_period_label="2018/19",
    ),
    M(
        "DAVSS referrals",
        D(326),
        "referrals",
        "DAVSS",
        "An increase from 276 the previous year.",
        comparison_value=D(276),
        comparison_period_label="2018/19",
    ),
    M("DAVSS referrals: female victims", D(297), "victims", "DAVSS"),
    M("DAVSS referrals: male victims", D(13), "victims", "DAVSS"),
    M("DAVSS referrals: low/medium risk", D(283), "referrals", "DAVSS"),
    M("DAVSS referrals: high risk", D(27), "referrals", "DAVSS"),
    M("DAVSS repeat victim rate", D(8), "%", "DAVSS", "At the end of quarter 4."),
    M("Anti-social behaviour cases dealt with by the TMBC ASB Officer", D(107), "cases", "TMBC"),
    M("Community Protection Warnings issued", D(17), "warnings", "TMBC"),
    M("Community Protection Notices issued", D(3), "notices", "TMBC"),
    M("Fines issued for anti-social behaviour", D(0), "fines", "TMBC", "No fines were issued."),
    M("Community Trigger applications", D(2), "applications", "TMBC"),
    M("Community Trigger applications meeting the threshold", D(1), "", "TMBC"),
    M(
        "Young people engaged by Kenward Trust",
        D(1854),
        "young people",
        "Kenward Trust",
        "In Tonbridge, East Malling, Snodland and West Malling.",
    ),
    M(
        "Pupils who saw Theatre ADAD's 'Wasted' performance",
        D(865),
        "pupils",
        "Theatre ADAD",
        "Year 6 pupils in 15 schools in the borough.",
    ),
    M("Schools visited by Theatre ADAD", D(15), "schools", "Theatre ADAD"),
    M(
        "Pupils who saw the Reform Restore Respect anti-crime assembly",
        D(382),
        "pupils",
        "Reform Restore Respect",
        "Hayesbrook School, Tonbridge.",
    ),
    M(
        "Professionals attending gangs training",
        D(40),
        "professionals",
        "TMBC",
        "Held on 26 June 2019, jointly with Sevenoaks Community Safety Partnership.",
    ),
    M(
        "KFRS Safe & Well visits",
        D(2086),
        "visits",
        "KFRS",
        "Over the past 3 years.",
        period_label="2017–2020",
    ),
    M(
        "Young people attending the Y2 Crew summer holiday scheme",
        D(190),
        "young people",
        "TMBC",
        "Organised by Tonbridge & Malling Borough Council and Kent County Council.",
        value_qualifier="over",
    ),
    M("Crime prevention events attended by the CSU", D(8), "events", "TMBC"),
    M(
        "Freedom Programme attendees",
        D(20),
        "women",
        "DAVSS",
        "Tonbridge (12) and East Malling (8).",
    ),
    M("Borough Council Members receiving Prevent training", D(25), "members", "TMBC", value_qualifier="over"),
]


__all__ = [
    "CONTACT",
    "GLOSSARY",
    "KENT_DISTRICTS",
    "MEASURES_2019_20",
    "MEMBERS",
    "OTHER_ORGANISATIONS",
    "PLAN_2019_20",
    "PLAN_2020_21",
    "SeedAction",
    "SeedMeasure",
    "SeedPriority",
]
