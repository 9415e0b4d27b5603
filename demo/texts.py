"""The seed plan's prose (Tonbridge and Malling CSP, Partnership Plan 2020–21), as Markdown.

Copied from the seed; the photographs themselves are not in the seed, so their captions stay in the
narrative where the seed prints them.
"""

INTRODUCTION = """\
The Tonbridge and Malling Community Safety Partnership (CSP) produces an annual plan which sets out the objectives that the Partnership will work towards to address community safety issues in the Borough over the coming year. The Plan is based on a Strategic Assessment that looks at current data and trends to address the priorities for the Borough in reducing and tackling crime and disorder. This year the CSP has agreed to focus on five key priorities and these will be explained in further details later in the document.

The Community Safety Partnership continues to develop and work to address different issues as they arise. The Community Safety Unit, based at Tonbridge & Malling Borough Council offices, Kings Hill is the operational arm of the Community Safety Partnership and meets on a weekly basis to share information about vulnerable people and other topics of concern.

In light of its new priorities for 2020/21 the CSP has reviewed the number and type of meetings it holds every year. The CSP Strategy Group will now meet three times a year and will consider strategic issues as well as overseeing the progress of the Action Plans, whereas Working Groups will consider operational matters. Last year we established a West Kent Domestic Abuse Forum to help bring together agencies involved in tackling domestic abuse across the West Kent area and set up a Young Person's Group to consider individual young people at risk within the borough. These meetings will continue during 2020/21.

The CSP links in to the 'Safer in Kent: Community Safety and Criminal Justice Plan' developed by the Police and Crime Commissioner (PCC) and we also link into the joint vision of the Chief Constable and Police and Crime Commissioner which is:

> "Our vision is for Kent to be a safe place for people to live, work and visit and by protecting the public from crime and antisocial behaviour, we will allow our communities to flourish. We will work closely with our partners to ensure that a seamless service is provided and that opportunities for joint working are explored. By working with partners and listening to the public we will provide a first class policing service that places the victim first and is visible and accessible. We will ensure local visible community policing is at the heart of everything we do. We will be there when the public need us and we will act with integrity in all that we do."

Funding for Community Safety Partnerships from the PCC has been confirmed for 2020/21 and we will use this to address our local priorities. We need to ensure that we work to reflect the priorities of the PCC and that the use of the funding reflects these priorities.
"""

REVIEW = """\
Crime levels within Tonbridge and Malling are low and the borough remains one of the safest in the county. From April 2019 to March 2020, there were 8,394 incidents of victim based crime recorded within Tonbridge and Malling (an increase of 0.4% compared to the same period last year). In the same time period there was also an increase in recorded incidents of anti-social behaviour reported to the police (up from 1,452 to 1,693). Although victim based crime levels have risen, the borough is still one of the safest in the county and we have the third lowest victim based crime rate in Kent.

The Coronavirus epidemic had an effect on some services during March 2020 (impacting on quarter 4 data) and although most services were able to continue and provide support/help to their clients, a number had to amend their services/work. This may therefore be seen in the data provided below. The CSP will monitor the impact of the Coronavirus epidemic throughout 2020/21 as there are concerns that it will have an impact on a number of issues such as domestic abuse, mental health, online/internet safety and anti-social behaviour. Our Plan next year will reflect on any issues and challenges that the epidemic caused to the CSP throughout 2020/21.
"""

PROJECTS_INTRODUCTION = """\
During 2019/20 the Community Safety Partnership (CSP) undertook a variety of projects and initiatives linked to the actions above. Below are more details about some of the initiatives/projects mentioned above and also some additional projects which were run during the year to address issues which arose during the year.

Although it is sometimes difficult to measure success rates, the Partnership believes that these projects and their successes have made an impact and has resulted in positive outcomes for local people.
"""

# (keyword that identifies the 2019/20 priority, the seed's heading, narrative, quotes)
PROJECTS: list[tuple[str, str, str, list[str]]] = [
    (
        "vulnerable",
        "Vulnerable people – to include mental health, child sexual exploitation, modern slavery and human trafficking, substance misuse, youth diversion and doorstep crime",
        """\
Through funding from the PCC the CSP was able to provide funding towards a Kent wide doorstep crime project. The aim of the project is to look at the systems available to record victims of doorstep crime as currently there are a number of different systems and it is therefore difficult to know the scale of the problem in Kent. This project will continue during 2020/21 and we look forward to continuing to work with KCC on a solution to this issue.

The CSP continues to commission The Kenward Trust to engage with young people in the borough around alcohol and substance misuse (and the associated anti-social behaviour linked to these substances). During the year they were able to visit four different locations and engaged with over 1,800 individuals. We will continue to commission their work (subject to confirmation from the Police and Crime Commissioner) during 2020/21.

Both the Tonbridge Community Alcohol Partnership and Snodland Community Alcohol Partnership continued to run during this year. Pupils at Tonbridge Grammar School were able to successfully complete their Young Health Champions Award (*photograph shows pupils with the Mayor of Tonbridge & Malling who presented them with their certificates*).

Both CAPs were nominated for awards through the national 'Community Alcohol Partnership' and we were pleased that the Snodland CAP received a 'highly commended' award for 'CAP plus of the year' and the Tonbridge CAP also received a 'highly commended' award for 'Excellence in Education'.

The CAPs will continue to work throughout the coming year and develop actions to help reduce underage drinking in their respective locations.

A number of diversionary activities for young people ran during the year. This included the Y2 Crew summer holiday scheme which was organised by Tonbridge & Malling Borough Council and Kent County Council. Over 190 young people attended a number of different activities which meant that they were diverted away from any anti-social behaviour and also, in some cases, were able to learn new skills (e.g. fishing). During the year Kent Police, Kent Fire and Rescue Service, Project Salus and Tonbridge & Malling Borough Council ran the 'Swerve it' bicycle programme in Snodland. This arose from a group of young people who were riding their bicycles in an anti-social way and being a nuisance to the local community. In order to engage with the young people a project was arranged where they were able to learn about bicycle maintenance, learn bicycle skills and were even able to go to Larkfield Fire Station to learn more stunts. This has proved to be very successful with large numbers of young people becoming involved. It is hoped that the project will continue in some form during the next year.
""",
        [],
    ),
    (
        "violent",
        "Violent Crime",
        """\
The Serious and Organised Crime Group continues to meet on a monthly basis and this brings partners together to share information about individuals likely to be involved in organised crime. A number of operations have taken place, led by the Police, leading to a number of arrests, the seizure of large amounts of cannabis and disruption to organised crime within the borough. There is currently one identified organised crime group within the borough and work is ongoing to disrupt this group and stop them from committing crime.

The CSP also arranged some training around gang awareness which was held in June 2019. 40 professionals from Tonbridge & Malling attended the training, which was jointly held with Sevenoaks Community Safety Partnership.

During the year a charity, Restore, Reform, Respect went into Hayesbrook School in Tonbridge to deliver an anti-crime workshop to 382 students. The feedback received from pupils and staff was positive with comments such as:
""",
        [
            "I've learnt that everything you will get caught and there are punishments for it and it's just not worth it",
            "The assembly has helped me to understand that if you break the law then there will be consequences",
            "I learnt in more detail about county lines and the risk of how it can affect us as well as being more careful with the groups of people you get involved in as it can affect your future",
        ],
    ),
    (
        "domestic",
        "Domestic Abuse including stalking",
        """\
The Community Safety Partnership continued to provide funding for DAVSS to work with medium risk victims of domestic abuse and during the year they were able to receive 326 referrals, an increase from 276 the previous year. Of these 283 were low/medium risk and 27 were high risk, with 297 female and 13 male victims. We also continue to support Lookahead (who work with high risk victims of domestic abuse). The Freedom Programme ran in Tonbridge and East Malling with 20 women in total attending this programme looking at how to recognise signs of abuse and how to break the cycle of abuse.

The One Stop Drop In service in Tonbridge continued to run throughout the year. This is supported by Clarion Housing, DAVSS and Lookahead and during the year over 35 people used the service to get advice and support.

The Community Domestic Abuse Perpetrators Programme (CDAP) also continued to run in Tonbridge and 13 men from the borough were on the programme at the end of the year. 13 women and 41 children were also supported through the Programme. We were pleased that CDAP were able to get some funding from the Co-op to support the work that they do (*photograph shows Peter Williams from CDAP receiving a cheque from Co-op workers*).
""",
        [],
    ),
    (
        "anti-social",
        "Anti-social Behaviour",
        """\
Anti-social behaviour continues to be a concern for residents. During the year the Borough Council's Anti-social Behaviour Officer has dealt with 107 residents who have had anti-social behaviour issues. The majority of these related to neighbour disputes. As part of these new powers, 17 Community Protection Warning letters were issued for anti-social behaviour, which led to 3 Community Protection Notices.

We had 2 Community Trigger applications during the year and one of these met the threshold for a Community Trigger. A Review Panel was held to discuss this case but there were no further actions identified as it was agreed that all organisations involved had undertaken appropriate actions at the time. This was communicated to the resident and the issue was monitored by agencies.

During the year a number of hotspot areas for anti-social behaviour were identified through the Community Safety Unit and actions were taken to address these issues including issuing dispersal orders to prevent large groups of people from gathering and causing distress as well as providing outreach work to engage with the people involved in the anti-social behaviour and educate them as to the effects their behaviour has on others.

Representatives from the CSU attended a number of events during the year to provide free crime prevention items and advice to members of the public. During the year 8 events were attended. (Photograph shows CSU representatives at the Tonbridge Sunday Fun Day event in Tonbridge in July 2019.) Funding for the crime prevention items such as purse chains, personal alarms and shed alarms came from the Police and Crime Commissioners funding.
""",
        [],
    ),
    (
        "extremism",
        "Preventing Extremism and Hate",
        """\
Representatives from the Community Safety Unit continue to attend Channel Panels (where individuals who may be at risk of being drawn into extremism are discussed). There were positive outcomes for those individuals referred.

In October and November 2019, Prevent training for Members of the Borough Council was arranged as part of a wider Safeguarding training package. Over 25 members were able to receive this training to enable them to become familiar with Prevent and understand what to look out for when communicating with residents.

The CSP also linked in with Social Media campaigns to raise awareness of 'Prevent' and counter terrorism and a number of messages have been sent out to let the public know about how to report concerns or suspicious activity.
""",
        [],
    ),
]

PRIORITY_ISSUES_BEFORE = """\
The Strategic Assessment undertaken during the autumn of 2019 identified the priority areas for the Partnership to tackle during 2020 – 2021 and the Partnership held a ‘workshop’ in March 2020 to discuss the areas that they would focus on during the next year. The Strategic Assessment used data provided by partners to recommend priorities for the forthcoming year.

The priorities agreed through the Strategic Assessment for 2020/21 are:
"""

PRIORITY_ISSUES_AFTER = """\
Action Plans will be developed which will establish specific actions for each of the priorities.

Reducing reoffending is a statutory requirement for the Community Safety Partnership and the Partnership will also consider this in the work that it does. The National Probation Service has been working closely with the Community Safety Unit to raise this issue and although reoffending rates are low we are not complacent and will be linking in with Offender Management monthly meetings and with the Integrated Offender Management Unit.

Although the main focus of the CSP will be the priorities as mentioned above, it will still continue to monitor other types of crime. The Community Safety Unit holds weekly meetings where issues of concern are raised and partners can be tasked to address issues as they arise. Information on repeat and vulnerable victims of anti-social behaviour is shared with partners on a regular basis.

The following pages set out the actions for the CSP for 2020/21. The action plans do not include details about the numerous activities already undertaken by partners, town and parish councils, the voluntary sector and others as part of their day to day work, but will highlight activities in addition to core work, which partners will undertake throughout the forthcoming year.

Funding for actions included within the Action Plan is available from a number of different sources, including the funding from the Police and Crime Commissioner (PCC) and Tonbridge & Malling Borough Council. The amount of funding that the CSP will receive from the PCC has remained the same as last year and we have also again been given a 'tactical pot' of funding from the PCC that we can access during the year. Regular monitoring of each project will be undertaken by the Partnership and an evaluation will be provided on completion of the project.

When preparing the action plans, issues such as equality and diversity will be considered to ensure that any person, regardless of their protected characteristic feels safe in the Borough. The CSP takes reports of hate crimes seriously and works together to ensure that information is shared to ensure any issues are resolved.
"""

CONTACT_BLOCK = """\
Tel: 01732 844522

Email: csp@tmbc.gov.uk

Web: www.tmcommunitysafety.org.uk

Twitter: TM_CSP

Facebook: Search for Tonbridge and Malling Community Safety Partnership
"""
