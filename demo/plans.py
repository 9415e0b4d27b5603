"""The seed's action tables as data: 2019/20 (with year-end updates) and 2020/21 (no updates).

Texts are copied exactly from `shared/seeds/000_acca528074377805.txt`; owners are listed with the
name written for them in that row of the seed.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SeedAction:
    text: str
    owners: tuple[str, ...]  # as written in the row, in order
    update: str = ""  # the year-end update (2019/20 only); the seed leaves every Status blank


@dataclass(frozen=True)
class SeedPriority:
    title: str
    sub_themes: tuple[str, ...] = ()
    actions: tuple[SeedAction, ...] = field(default_factory=tuple)


A = SeedAction

# "Review of actions 2019/20": the five priorities and their tables, with year-end updates.
PLAN_2019_20: list[SeedPriority] = [
    SeedPriority(
        "Vulnerable people",
        (
            "mental health",
            "child sexual exploitation",
            "modern slavery and human trafficking",
            "substance misuse",
            "youth diversion",
            "doorstep crime",
        ),
        (
            A(
                "Promote mental health attendance at CSU Weekly and other appropriate CSP meetings",
                ("TMBC", "Kent Police"),
                "Mental Health services now attend the Weekly meeting and other meetings when available.",
            ),
            A(
                "Work with KCC Community Wardens to raise awareness of doorstep crime",
                ("KCC", "TMBC"),
                "The CSP has provided funding for a Doorstep Crime analyst. The analyst will look at "
                "systems to ensure all victims of this crime are being recorded correctly.",
            ),
            A(
                "Provide and support diversionary activities for young people including the Y2 Crew "
                "scheme and Safety in Action",
                ("TMBC", "KCC", "Project Salus"),
                "This has been ongoing work throughout the year and diversionary activities have "
                "included the Y2 Crew scheme and the 'Swerve it' project in Snodland which has tackled "
                "bike nuisance.",
            ),
            A(
                "Work with Kenward Trust to identify hotspot areas and individuals at risk of becoming "
                "involved in substance misuse issues",
                ("Kenward Trust",),
                "During this year Kenward Trust engaged with 1,854 young people in Tonbridge, East "
                "Malling, Snodland and West Malling. The main issue seen by the Kenward team was "
                "Cannabis use.",
            ),
            A(
                "Work with schools to raise awareness of substance misuse issues",
                ("Kent Police", "Kenward Trust", "Theatre ADAD"),
                "Theatre ADAD were able to go into 15 schools in the borough and give their 'Wasted' "
                "performance to 865 Year 6 pupils.",
            ),
            A(
                "Promote the Kent Fire & Rescue Service Safe & Well visits to vulnerable people",
                ("KFRS",),
                "This is ongoing work and over the past 3 years 2,086 visits have taken place",
            ),
        ),
    ),
    SeedPriority(
        "Violent Crime",
        (),
        (
            A(
                "Continue to hold a monthly Serious and Organised Crime meeting",
                ("Kent Police", "TMBC"),
                "The meeting runs on a monthly basis and various agencies meet together to discuss "
                "serious and organised crime. At the end of March 2020 there was one identified "
                "organised crime group within the borough.",
            ),
            A(
                "Work with 'Reform, Restore, Respect' to hold educational programmes within schools",
                ("Reform, Restore, Respect",),
                "For the funding we provided RRR were able to deliver their anti-crime assembly to "
                "Hayesbrook School in Tonbridge. 382 pupils saw the performance.",
            ),
            A(
                "Run gangs training for professionals",
                ("TMBC", "KCC"),
                "Gangs training was held on 26 June 2019 with 40 professionals attending.",
            ),
        ),
    ),
    SeedPriority(
        "Domestic Abuse including stalking",
        (),
        (
            A(
                "Work with DAVSS to ensure that all victims of domestic abuse can receive support",
                ("DAVSS",),
                "During the year DAVSS received 326 referrals. Of these 297 were females and 13 were "
                "males. At the end of quarter 4 the repeat victim rate was 8%.",
            ),
            A(
                "Work with the KCC Commissioned Services to ensure all victims in the borough receive "
                "the support they require",
                ("Lookahead", "Choices"),
                "During the year Lookahead and Choices were able to provide support to high risk "
                "victims of domestic abuse. They were also able to support the MARAC meetings and the "
                "One Stop Shop.",
            ),
            A(
                "Continue to support the One Stop Shop in Tonbridge",
                ("DAVSS", "Lookahead", "Clarion Housing"),
                "The One Stop Shop continues to run in Tonbridge on a weekly basis. On average 8 people "
                "attend the drop in on a monthly basis.",
            ),
            A(
                "Run at least one Freedom Programme in the borough during the year",
                ("DAVSS",),
                "Two Freedom Programmes were run in the borough during the year by DAVSS. These were "
                "held in East Malling and Tonbridge with 8 attendees in East Malling and 12 in Tonbridge.",
            ),
            A(
                "Run preventative/educational programmes around healthy relationships (subject to funding)",
                ("DAVSS", "Choices"),
                "The DAY programme (domestic abuse programme for young people) has run across West Kent "
                "during this year with over 300 pupils receiving the programme.",
            ),
            A(
                "Continue to support the CDAP programme in Tonbridge",
                ("CDAP",),
                "At the end of the year there were 13 men active on the programme, with 5 from "
                "Tonbridge & Malling.",
            ),
            A(
                "Progress a pilot perpetrators scheme across West Kent",
                ("TMBC", "Kent Police", "CDAP"),
                "All DA perpetrators who enter Custody now receive a leaflet once they have been "
                "released which will encourage them to sign up to the CDAP scheme. There has been one "
                "referral through this method since the scheme started in March 2020.",
            ),
            A(
                "Raise awareness of stalking with partners and the public",
                ("TMBC", "Protection Against Stalking"),
                "This has been ongoing work throughout the year. A Protection Against Stalking officer "
                "now sits within the CSU to share information with partners.",
            ),
        ),
    ),
    SeedPriority(
        "Anti-Social Behaviour",
        (),
        (
            A(
                "Identify perpetrators of ASB and undertake actions to cease their behaviour",
                ("TMBC", "Housing Associations", "Kent Police"),
                "During the year the TMBC ASB Officer dealt with 107 cases. He also issued 17 Community "
                "Protection Warning Notices and three Community Protection Notices. No fines were issued.",
            ),
            A(
                "Provide and support diversionary activities for young people",
                ("TMBC", "KCC"),
                "This has been ongoing work throughout the year and diversionary activities have "
                "included the Y2 Crew scheme, the Swerve It programme and regular youth groups with "
                "young people.",
            ),
            A(
                "Continue to run a monthly Young Person's Group",
                ("TMBC", "KCC"),
                "The meeting is held on a monthly basis and discusses young people who are at risk in "
                "the borough.",
            ),
            A(
                "Provide mediation to deal with neighbour disputes and family conflicts",
                ("Maidstone Mediation",),
                "During this year Maidstone Mediation received 11 Parent/Teen referrals, 3 Anger "
                "Management referrals and 5 neighbour referrals. They were also able to train 180 "
                "pupils in primary schools to be peer mediators and ran an anger management training "
                "session for school staff.",
            ),
        ),
    ),
    SeedPriority(
        "Preventing Extremism and Hate",
        (),
        (
            A(
                "Promote the Prevent Strategy within the community",
                ("All partners",),
                "This has been ongoing through the year.",
            ),
            A(
                "Attend Chanel Panels where appropriate and provide support to individuals when required.",
                ("TMBC", "Kent Police"),
                "Channel Panels ran throughout the year when required and representatives of the CSU "
                "attended as appropriate.",
            ),
            A(
                "Run Prevent training for staff and Members (as appropriate)",
                ("TMBC",),
                "Training for Members was arranged for 21 October and 4 November 2019 and information "
                "was included around Prevent. This was well attended by Members.",
            ),
            A(
                "Raise awareness with businesses through the Tonbridge Safer Towns Partnership",
                ("TMBC", "Safer Towns Partnership"),
                "This is ongoing work and will be progressed during next year. During 2019 a new Safer "
                "Towns Co-ordinator was appointed and he has worked to ensure that the current "
                "businesses are paying their invoices and trying to encourage new businesses to sign "
                "up to the scheme.",
            ),
            A(
                "Look to develop an Independent Police Advisory Group (IPAG) for Tonbridge & Malling",
                ("Kent Police",),
                "A joint IPAG is in place across Tonbridge & Malling and Tunbridge Wells. This will "
                "remain in place for the time being as these areas are covered by the same policing area.",
            ),
        ),
    ),
]

# "Action Plans 2020 – 2021": the five tables in the seed's order, no updates (the seed has none).
PLAN_2020_21: list[SeedPriority] = [
    SeedPriority(
        "Safeguarding Vulnerable People",
        (
            "mental health",
            "child sexual exploitation",
            "modern slavery and human trafficking",
            "substance misuse",
            "homelessness",
            "fraud and scams",
            "youth diversion",
        ),
        (
            A(
                "Provide and support diversionary activities for young people including the Y2 Crew "
                "scheme and Safety in Action",
                ("TMBC", "KCC", "Project Salus"),
            ),
            A(
                "Work with Kenward Trust to identify hotspot areas and individuals at risk of becoming "
                "involved in substance misuse issues",
                ("Kenward Trust",),
            ),
            A(
                "Work with schools to raise awareness of substance misuse issues",
                ("Kent Police", "Kenward Trust", "Theatre ADAD"),
            ),
            A(
                "Work with the KCC Doorstep crime analyst to progress a database for victims of doorstep crime",
                ("KCC Trading Standards",),
            ),
            A(
                "Communicate effective messages on how to report scams/doorstep crimes and raise "
                "awareness to remove stigma of embarrassment.",
                ("TMBC", "KCC"),
            ),
            A(
                "Work with the Police to address Modern Slavery and Human Trafficking e.g. car washes, "
                "nail bars, and pop up brothels.",
                ("Kent Police",),
            ),
        ),
    ),
    SeedPriority(
        "Violent crime",
        (),
        (
            A(
                "Link in with the work of the Kent Violence Reduction Unit and progress initiatives as appropriate",
                ("TMBC", "Kent Police"),
            ),
            A("Continue to hold a monthly Serious and Organised Crime meeting", ("Kent Police", "TMBC")),
            A(
                "Work in Partnership to disrupt recognised OCGs, emerging trends and county lines",
                ("Serious and Organised Crime Group",),
            ),
            A(
                "Work with 'Reform, Restore, Respect' to hold educational programmes within schools",
                ("Reform, Restore, Respect",),
            ),
            A(
                "Use the knife wands on Police operations and consider running a knife amnesty",
                ("Kent Police",),
            ),
            A("Consider running a parents event around knife crime/gangs", ("TMBC", "Kent Police", "KCC")),
        ),
    ),
    SeedPriority(
        "Preventing extremism and hate",
        (),
        (
            A("Promote the Prevent Strategy within the community via Social Media etc.", ("All partners",)),
            A(
                "Attend Chanel Panels where appropriate and provide support to individuals when required",
                ("TMBC", "Kent Police"),
            ),
            A("Run Prevent training for staff, partners and Members (as appropriate)", ("TMBC",)),
            A(
                "Raise awareness with businesses through the Tonbridge Safer Towns Partnership",
                ("TMBC", "Safer Towns Partnership"),
            ),
        ),
    ),
    SeedPriority(
        "Domestic Abuse – including stalking",
        (),
        (
            A(
                "Work with DAVSS to ensure that all victims of domestic abuse can receive support",
                ("DAVSS",),
            ),
            # The seed writes "Lookahead/Choices": two owners.
            A(
                "Work with the KCC Commissioned services to ensure all victims in the borough receive "
                "the support they require",
                ("Lookahead", "Choices"),
            ),
            A(
                "Continue to support the One Stop Shop in Tonbridge",
                ("DAVSS", "Lookahead", "Clarion Housing"),
            ),
            A("Run at least one Freedom Programme in the borough during the year", ("DAVSS",)),
            A(
                "Run preventative/educational programmes around healthy relationships in schools "
                "(subject to funding)",
                ("DAVSS", "Choices", "Look Ahead"),
            ),
            A("Continue to support the CDAP programme in Tonbridge", ("CDAP",)),
            A("Raise awareness of domestic abuse with partners, staff and the public", ("TMBC", "CCG")),
            A("Raise awareness of stalking with partners and the public", ("Protection Against Stalking",)),
            A("Establish a Cyber-Stalking Café in Tonbridge", ("Look Ahead",)),
        ),
    ),
    SeedPriority(
        "Anti-social behaviour including environmental crime",
        (),
        (
            A(
                "Identify perpetrators of ASB and undertake actions to cease their behaviour",
                ("TMBC", "Housing Associations", "Kent Police"),
            ),
            A("Provide and support diversionary activities for young people", ("TMBC", "KCC")),
            A(
                "Run at least three 'All out day's' or crime prevention events during the year to raise awareness",
                ("TMBC", "Kent Police"),
            ),
            A(
                "Raise awareness of reporting ASB through social media, leaflets etc.",
                ("TMBC", "Kent Police"),
            ),
            A(
                "Provide Mediation to deal with neighbour disputes and family conflicts",
                ("Mediation Services",),
            ),
        ),
    ),
]
