"""Theme wordings and section rules, each on real sentences of the corpus reports: the sentences the wording is
for, and a near miss it must leave alone (the same word in another sense, section or context). They test the
rules alone (the rules_nlp fixture); the trained theme model on top of them has tests of its own."""

from __future__ import annotations

import pytest

from loaders.findings import annotate_texts

CIC, LEAVERS, HELP = "children-in-care", "care-leavers", "help-and-protection"

# (sentence, section, theme, whether the sentence gets the theme)
CASES = [
    # early help: family hubs, children's centres, early intervention and preventative services, CAFs
    (
        "The quality of support provided by staff in the family hubs helps build families' resilience and improves "
        "outcomes for children.",
        HELP,
        "early-help",
        True,
    ),
    (
        "The multi-agency safeguarding hub (MASH) is mostly effective, and children and families are supported to "
        "access the right support at the right time.",
        HELP,
        "early-help",
        False,
    ),
    (
        "Children's centres are at the heart of this work, delivering good-quality evidence-based parenting "
        "programmes and focused work with fathers.",
        HELP,
        "early-help",
        True,
    ),
    (
        "The local authority operates four children's homes, all of which were judged as good in their last full "
        "inspection.",
        None,
        "early-help",
        False,
    ),
    (
        "Preventative services for children on the edge of care are a strength, and decisions for children to "
        "become looked after are proportionate.",
        "executive-summary",
        "early-help",
        True,
    ),
    ("Early intervention and targeted support services are effective.", "strengths", "early-help", True),
    ("Many of these children have high-level needs or require statutory intervention.", HELP, "early-help", False),
    ("The quality of many CAFs undertaken by partners is not good enough.", HELP, "early-help", True),
    (
        "Relationships with Cafcass, the family courts and the local Family Justice Board are effective.",
        "leadership",
        "early-help",
        False,
    ),
    # adoption: adoptive placements, fostering to adopt, child permanence reports, letterbox contact
    ("There are no children currently waiting for an adoptive placement.", "improvements", "adoption-services", True),
    (
        "There are no children currently waiting for an adoptive placement.",
        "improvements",
        "placement-sufficiency",
        False,
    ),
    ("There have been no fostering to adopt placements in the past 12 months.", None, "adoption-services", True),
    (
        "There is a clear fostering recruitment strategy to increase the number of local foster carers.",
        CIC,
        "adoption-services",
        False,
    ),
    (
        "Child permanence reports are of variable quality, some contain too much narrative and are over-lengthy, "
        "while others provide concise analysis.",
        CIC,
        "adoption-services",
        True,
    ),
    (
        "Child permanence reports are of variable quality, some contain too much narrative and are over-lengthy, "
        "while others provide concise analysis.",
        CIC,
        "permanence",
        True,
    ),
    ("Permanence plans are routinely developed.", CIC, "adoption-services", False),
    (
        "The letterbox service continues to coordinate contact for approximately 750 children.",
        "adoption",
        "adoption-services",
        True,
    ),
    (
        "Support from the virtual school team, such as the Letterbox Club literacy scheme, has helped to improve "
        "some children's writing, and those children now do better than others nationally at the end of Key Stage 2 "
        "in English and mathematics.",
        CIC,
        "adoption-services",
        False,
    ),
    ("When children need to be adopted this happens quickly.", "summary-for-children", "adoption-services", True),
    (
        "The local authority has adopted a whole-systems approach to electronic case management.",
        HELP,
        "adoption-services",
        False,
    ),
    # child sexual exploitation: disruption of perpetrators, abduction notices, the problem profile
    (
        "Robust action is also being taken to disrupt the activity of perpetrators.",
        HELP,
        "child-sexual-exploitation",
        True,
    ),
    ("Three abduction warning notices have been served.", "lscb-review", "child-sexual-exploitation", True),
    (
        "Intelligence about hotspots is known and shared, although there is currently no problem profile.",
        "lscb-review",
        "child-sexual-exploitation",
        True,
    ),
    (
        "Disruption meetings are not routinely held for individual placement breakdown, so the opportunity to learn "
        "is missed.",
        CIC,
        "child-sexual-exploitation",
        False,
    ),
    # quality assurance: self-assessment, learning from complaints and reviews, external scrutiny, moderation, QA
    ("The local authority's self-assessment is realistic.", "leadership", "quality-assurance", True),
    ("The local authority's self-assessment is realistic.", "leadership", "assessments", False),
    (
        "Most assessments are good and include effective consideration of historical factors, in balancing risks "
        "and strengths.",
        HELP,
        "quality-assurance",
        False,
    ),
    (
        "Learning from complaints is used effectively to inform practice and service development.",
        "leadership",
        "quality-assurance",
        True,
    ),
    (
        "The service is reflecting on the learning from assessments of this group of adopters to inform future "
        "recruitment targeting.",
        "adoption",
        "quality-assurance",
        False,
    ),
    (
        "Senior leaders are open to external scrutiny and respond positively to critical challenge.",
        "leadership",
        "quality-assurance",
        True,
    ),
    (
        "The scrutiny committee does not sufficiently understand and challenge the quality of services for children "
        "effectively.",
        "executive-summary",
        "quality-assurance",
        False,
    ),
    (
        "A process of moderation has been recently introduced to provide added assurance.",
        "leadership",
        "quality-assurance",
        True,
    ),
    (
        "A comprehensive, holistic and learning approach to QA is well established.",
        "leadership",
        "quality-assurance",
        True,
    ),
    ("The quality of CAFs considered by inspectors was variable.", HELP, "quality-assurance", False),
    # education and health of children in care: generic words in their section only, and not an agency's name
    (
        "Children are well supported by their carers to make progress at school.",
        CIC,
        "education-of-children-in-care",
        True,
    ),
    (
        "Children are well supported by their carers to make progress at school.",
        HELP,
        "education-of-children-in-care",
        False,
    ),
    (
        "Most children receive regular and timely health, dental and optical checks.",
        CIC,
        "health-of-children-in-care",
        True,
    ),
    (
        "Senior managers are seeking to resolve this with health partners, but progress has been slow.",
        CIC,
        "health-of-children-in-care",
        False,
    ),
    (
        "For some children who experience poor mental health, there is a delay in accessing child and adolescent "
        "mental health services (CAMHS) and other services.",
        CIC,
        "health-of-children-in-care",
        True,
    ),
    (
        "Vulnerabilities, such as parental mental health and substance misuse, are well considered.",
        HELP,
        "health-of-children-in-care",
        False,
    ),
    (
        "Young people do not receive written information on their health history in preparation for leaving care.",
        LEAVERS,
        "health-of-children-in-care",
        True,
    ),
    # care leavers: their housing and work wherever a sentence names them, transition planning is pathway planning
    ("Care leavers live in safe, good-quality accommodation.", CIC, "care-leaver-accommodation", True),
    (
        "Support under S17 and accommodation under S20 is explained to children, who are well informed and given "
        "choice.",
        HELP,
        "care-leaver-accommodation",
        False,
    ),
    (
        "Care leavers are supported to access relevant benefits and those in education receive grants and bursaries.",
        CIC,
        "care-leaver-education-employment",
        True,
    ),
    (
        "Care leavers are supported to access relevant benefits and those in education receive grants and bursaries.",
        CIC,
        "education-of-children-in-care",
        False,
    ),
    (
        "Too many care leavers are not in work, education or training.",
        LEAVERS,
        "care-leaver-education-employment",
        True,
    ),
    (
        "Leaders, in partnership with the Huddersfield Town Foundation, have developed a preparation for "
        "independence course.",
        LEAVERS,
        "care-leaver-education-employment",
        False,
    ),
    ("This means that transition planning has declined since the last inspection.", LEAVERS, "pathway-plans", True),
    (
        "Children in the transition service who are approaching adulthood have their needs identified well and are "
        "supported towards achieving their goals.",
        HELP,
        "pathway-plans",
        False,
    ),
    # plans: a child protection plan that only names the children's status is not about plans
    (
        "Ninety-eight per cent of visits to children subject to a child protection plan are made within 15 working "
        "days.",
        HELP,
        "plans",
        False,
    ),
    (
        "Child-in-need and child protection plans are thoroughly reviewed at regular intervals and contingency plans "
        "are clear.",
        HELP,
        "plans",
        True,
    ),
    # placement sufficiency: matching beside adoption is adoption's; recruiting foster carers is sufficiency
    (
        "Children with adoption plans are now matched with adopters in a timely manner.",
        CIC,
        "placement-sufficiency",
        False,
    ),
    ("Wherever possible, children are matched appropriately to carers.", CIC, "placement-sufficiency", True),
    (
        "There is a clear fostering recruitment strategy to increase the number of local foster carers.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    (
        "There is a clear fostering recruitment strategy to increase the number of local foster carers.",
        CIC,
        "workforce",
        False,
    ),
    (
        "The local authority's efforts to increase its establishment of in-house foster carers have had limited "
        "impact.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    (
        "Recruitment of social workers is set within the context of a national shortage, so that the reduction in "
        "number of social work vacancies is to be commended.",
        "leadership",
        "placement-sufficiency",
        False,
    ),
    # management oversight: managers' decision-making and its recording, not anyone's decision-making
    (
        "The quality of case recording, including recording of management decision-making.",
        "improvements",
        "management-oversight",
        True,
    ),
    (
        "However, this reflective discussion is not routinely recorded to evidence this additional positive "
        "oversight and to demonstrate a clear record of decision-making for children.",
        None,
        "management-oversight",
        True,
    ),
    ("Decision-making is potentially less than robust as a consequence.", HELP, "management-oversight", False),
    # domestic abuse: the multi-agency risk assessment conference is not an assessment of a child
    (
        "Multi-agency risk assessment conferences (MARAC) are well attended; agencies share information in advance "
        "and follow up any actions from panels.",
        HELP,
        "domestic-abuse",
        True,
    ),
    (
        "Multi-agency risk assessment conferences (MARAC) are well attended; agencies share information in advance "
        "and follow up any actions from panels.",
        HELP,
        "assessments",
        False,
    ),
    # court proceedings: supervision and emergency orders
    (
        "Supervision orders are sometimes used to support kinship carers in the initial stages of a placement.",
        CIC,
        "court-proceedings",
        True,
    ),
    (
        "Supervision orders are sometimes used to support kinship carers in the initial stages of a placement.",
        CIC,
        "supervision",
        False,
    ),
    (
        "When children need immediate protection, social workers respond effectively through the use of emergency "
        "orders.",
        CIC,
        "court-proceedings",
        True,
    ),
    (
        "Social workers receive regular supervision, which is increasingly reflective, but the level of challenge "
        "and oversight is not always effective.",
        "leadership",
        "court-proceedings",
        False,
    ),
    # corporate parenting: corporate and political support, care experience as a protected characteristic
    (
        "There is strong corporate support, with appropriate investment to prioritise services for vulnerable "
        "children.",
        None,
        "corporate-parenting",
        True,
    ),
    (
        "Politicians and leaders have shared objectives and plans and actively pilot and implement new best practice "
        "initiatives.",
        "leadership",
        "corporate-parenting",
        True,
    ),
    (
        "Being a care leaver has recently become a protected characteristic within the council.",
        LEAVERS,
        "corporate-parenting",
        True,
    ),
    (
        "The executive director of children's services and the corporate director of children's services left about "
        "a year ago and there have been interim arrangements in place.",
        "leadership",
        "corporate-parenting",
        False,
    ),
    # performance information: monitoring and understanding performance
    (
        "Although the local authority monitors performance, qualitative information is not being well used to "
        "support service development and drive improvement.",
        "key-findings",
        "performance-information",
        True,
    ),
    (
        "This means that the local authority does not have a full understanding of its performance in this area.",
        CIC,
        "performance-information",
        True,
    ),
    (
        "Virtual school staff monitor the performance of looked after children through a well-considered risk-based "
        "system that identifies some children who are at risk of poor performance and triggers intervention when low "
        "performance is identified.",
        CIC,
        "performance-information",
        False,
    ),
    # workforce: staff who feel supported, are proud to work or enjoy working there
    (
        "Social workers report feeling well supported by their managers in South Gloucestershire.",
        None,
        "workforce",
        True,
    ),
    (
        "Practitioners are proud to work for South Gloucestershire and consistently say that services are improving.",
        "executive-summary",
        "workforce",
        True,
    ),
    ("Social workers say they enjoy working in Cheshire East.", "summary-for-children", "workforce", True),
    (
        "The local authority is in contact with almost all care leavers, and most say they feel safe and are well "
        "supported, though they would like more help with budgeting.",
        CIC,
        "workforce",
        False,
    ),
    # missing children, disabled children, unaccompanied asylum-seeking children
    ("Two missing persons coordinators are based within the MASH.", HELP, "missing-children", True),
    (
        "Children who are missing education are identified effectively and supported to return to school as soon as "
        "possible.",
        HELP,
        "missing-children",
        False,
    ),
    (
        "However, in some teams, such as the 0–25s disability service, agency rates remain too high.",
        "leadership",
        "disabled-children",
        True,
    ),
    (
        "The local authority is responding effectively to the increasing number of unaccompanied asylum seekers who "
        "become care leavers.",
        LEAVERS,
        "unaccompanied-asylum-seeking-children",
        True,
    ),
    # partnership with families, parents or young people is no partnership between agencies (the ninth label set)
    (
        "The local authority is not routinely working in partnership with families in securing parental consent.",
        HELP,
        "partnership-working",
        False,
    ),
    (
        "This is because most plans are not completed in partnership with young people.",
        LEAVERS,
        "partnership-working",
        False,
    ),
    (
        "Work in partnership with the Child Friendly Leeds initiative has ensured that a range of benefits are "
        "available to children in care.",
        CIC,
        "partnership-working",
        True,
    ),
    (
        "Schools spoken to were unanimously positive about partnerships with children's social care.",
        HELP,
        "partnership-working",
        True,
    ),
    # social workers' capacity is the workforce's (the ninth label set)
    (
        "Due to social workers' capacity, some children in care wait too long to receive their life-story books.",
        CIC,
        "workforce",
        True,
    ),
    ("Capacity within social work teams across the county has increased.", "leadership", "workforce", True),
    (
        "Managers have taken action to increase staff capacity but this has not yet had a positive impact.",
        "leadership",
        "workforce",
        True,
    ),
    (
        "Unaccompanied asylum-seeking care leavers receive appropriate support to meet their needs.",
        LEAVERS,
        "unaccompanied-asylum-seeking-children",
        True,
    ),
    # an adopter's or foster carer's assessment is no child's; carers' training and recruitment are not the
    # workforce's; staff morale, stability and appraisals are (the tenth label set)
    (
        "Recruitment of adopters meets the needs of children waiting and adoption assessments are of a good standard.",
        "adoption",
        "assessments",
        False,
    ),
    (
        "The timeliness and quality of assessments of friends and family carers are not yet consistently good.",
        CIC,
        "permanence",
        True,
    ),
    ("Children's assessments are of a good standard.", CIC, "assessments", True),
    (
        "There is a strong training offer to foster carers, although timeliness of training has been affected by the "
        "pandemic.",
        CIC,
        "workforce",
        False,
    ),
    (
        "An ambitious and proactive fostering recruitment programme to recruit 25 new carers commenced in October "
        "2015.",
        CIC,
        "workforce",
        False,
    ),
    ("Social workers benefit from a strong training offer.", "leadership", "workforce", True),
    # ...but a team's training, or the board's multi-agency training, stays the workforce's (the review of 5ad8182)
    (
        "The LSCB ensures that sufficient, high-quality multi-agency training is available and evaluates its "
        "effectiveness and impact on improving front-line practice and the experiences of children, young people, "
        "families and carers.",
        "lscb-review",
        "workforce",
        True,
    ),
    (
        "The adoption team has completed a wide range of relevant specialist training to support their work; "
        "adopters describe the advice and practical support available to them as invaluable.",
        "adoption",
        "workforce",
        True,
    ),
    ("Young people are supported by a well-managed team of personal advisers.", LEAVERS, "workforce", False),
    (
        "Staff stability and confidence in core social work practice have significantly improved.",
        HELP,
        "workforce",
        True,
    ),
    (
        "Social workers in Liverpool are passionate about their work and morale is generally good.",
        "leadership",
        "workforce",
        True,
    ),
    (
        "Every member of staff has a performance appraisal and continuous development plan.",
        "leadership",
        "workforce",
        True,
    ),
    # multi-agency as the adjective of another theme's mention (round two)
    (
        "As a result, child protection investigations take too long, and this delays the development of full "
        "multi-agency plans for children.",
        HELP,
        "partnership-working",
        False,
    ),
    (
        "As a result, child protection investigations take too long, and this delays the development of full "
        "multi-agency plans for children.",
        HELP,
        "plans",
        True,
    ),
    (
        "The vast majority of child protection concerns are appropriately progressed to a timely multi-agency "
        "strategy meeting.",
        HELP,
        "partnership-working",
        False,
    ),
    (
        "Improve the quality and methodology of multi-agency auditing activity to robustly test key areas of "
        "frontline practice and measure the quality of children's experiences and outcomes.",
        "lscb-review",
        "partnership-working",
        False,
    ),
    (
        "Multi-agency approaches to identifying and disrupting exploitation are effective.",
        HELP,
        "partnership-working",
        True,
    ),
    # plans: a status, the organisation's, another theme's kind of plan
    ("Children with child protection plans have access to advocacy support when required.", HELP, "plans", False),
    ("Children's views are used to inform their plans.", HELP, "plans", True),
    ("Leaders recognise this omission and have plans to address this soon.", CIC, "plans", False),
    (
        "Children who regularly go missing receive a high level of support, with specialist support and plans in "
        "place to reduce risk.",
        CIC,
        "plans",
        True,
    ),
    ("For some children, plans for permanence are not considered early enough.", CIC, "plans", False),
    ("For some children, plans for permanence are not considered early enough.", CIC, "permanence", True),
    (
        "Workers are knowledgeable about local resources and use this knowledge to develop bespoke and detailed "
        "plans for disabled children.",
        HELP,
        "plans",
        True,
    ),
    ("Early help plans are specific, measurable and responsive to children's identified needs.", HELP, "plans", False),
    (
        "Placement plans are rarely written to include sufficient detail, and most do not help carers to understand "
        "what they need to do to promote the welfare of children placed in their care.",
        CIC,
        "plans",
        True,
    ),
    # assessments: the strategic needs assessment, team names, another theme's risk assessment; permanence teams
    ("The joint strategic needs assessment gives a clear picture of local needs.", "leadership", "assessments", False),
    (
        "Care leavers' needs assessments require improvement; they are not sufficiently detailed, do not "
        "consistently identify how the young person's needs will be met and are not routinely updated.",
        LEAVERS,
        "assessments",
        True,
    ),
    ("Caseloads in the assessment team are too high.", HELP, "assessments", False),
    (
        "The assessment teams are holding a significant volume of assessments which remain open for completion, "
        "although children are not being seen or offered interventions.",
        HELP,
        "assessments",
        True,
    ),
    (
        "Successful workforce planning and development have resulted in the recruitment of 40% more frontline social "
        "workers to the locality and permanence teams, reducing the average number of cases allocated to each social "
        "worker, although some newly qualified social workers had higher caseloads than expected by national "
        "guidelines.",
        "executive-summary",
        "permanence",
        False,
    ),
    (
        "The redesign has resulted in manageable caseloads and effective spans of control, and has enabled changes "
        "to the workload of the MASH and the safeguarding teams, as well as the creation of a dedicated permanence "
        "service.",
        "executive-summary",
        "permanence",
        True,
    ),
    (
        "Child sexual exploitation risk assessments were used in the majority of cases seen by inspectors.",
        HELP,
        "assessments",
        False,
    ),
    (
        "Use bed and breakfast accommodation for young people only as a time-limited last resort and only when a "
        "multi-agency risk assessment reassures the local authority that the young person is safe.",
        "improvements",
        "assessments",
        True,
    ),
    (
        "Multi agency risk assessment conferences (MARAC) are established, and are well attended by partner "
        "agencies, with good information sharing to plan effective action to reduce risk.",
        HELP,
        "domestic-abuse",
        True,
    ),
    (
        "Multi agency risk assessment conferences (MARAC) are established, and are well attended by partner "
        "agencies, with good information sharing to plan effective action to reduce risk.",
        HELP,
        "assessments",
        False,
    ),
    # permanence: drift in help and protection; child permanence reports are adoption's
    ("This leads to drift and delay for some children.", HELP, "permanence", False),
    (
        "This can mean that a small minority of children experience drift and delay in achieving permanence.",
        HELP,
        "permanence",
        True,
    ),
    (
        "A small number of children in care have experienced drift and delay in the execution of their plans.",
        CIC,
        "permanence",
        True,
    ),
    (
        "Child permanence reports (CPRs), while generally of a standard that is rigorous enough to make informed "
        "decisions, are not always as effective in giving an understanding of the child, and a few require more "
        "detail to understand birth parents' histories.",
        "adoption",
        "permanence",
        False,
    ),
    (
        "Child permanence reports (CPRs), while generally of a standard that is rigorous enough to make informed "
        "decisions, are not always as effective in giving an understanding of the child, and a few require more "
        "detail to understand birth parents' histories.",
        "adoption",
        "adoption-services",
        True,
    ),
    # implied: managers' oversight, staff training
    (
        "Managers have appropriate oversight of assessments and provide a clear rationale about next steps.",
        HELP,
        "management-oversight",
        True,
    ),
    ("The virtual school team has improved its oversight and influence.", CIC, "management-oversight", False),
    (
        "While the board offers a wide range of training, it does not always sufficiently consider its impact on "
        "practice.",
        "lscb-review",
        "workforce",
        True,
    ),
    (
        "Some social workers spoken to said that they had not had training in child sexual exploitation.",
        HELP,
        "workforce",
        True,
    ),
    (
        "Foster carers appreciate and benefit from the support, training and opportunities for development provided "
        "by the fostering service.",
        CIC,
        "workforce",
        False,
    ),
    (
        "Social workers contribute to the development of plans which include engagement in education or training or "
        "access to additional support services.",
        HELP,
        "workforce",
        False,
    ),
    # voice of the child: seen alone, life histories, views, involvement, children's rights; not lived experience
    ("Children are seen and spoken to alone.", HELP, "voice-of-the-child", True),
    ("Children are very well supported to understand their life histories.", CIC, "voice-of-the-child", True),
    (
        "Important key information is sometimes missing and young people's views are not always recorded well.",
        CIC,
        "voice-of-the-child",
        True,
    ),
    ("Children's wishes and views are sought and incorporated into assessments.", HELP, "voice-of-the-child", True),
    (
        "Care leavers are involved in interviewing staff and foster carers and in producing leaflets for social "
        "workers and for children who are entering care.",
        "leadership",
        "voice-of-the-child",
        True,
    ),
    (
        "The right people are actively involved in timely and robust statutory review meetings.",
        CIC,
        "voice-of-the-child",
        False,
    ),
    (
        "However, the involvement of care leavers in the development of their plans is inconsistent.",
        CIC,
        "voice-of-the-child",
        True,
    ),
    (
        "The children's rights officer maintains active involvement until there is a resolution.",
        CIC,
        "voice-of-the-child",
        True,
    ),
    (
        "Workers in the disabled children's services show commitment and dedication in obtaining the views of "
        "disabled children, which then appropriately inform their child-in-need or care plan.",
        HELP,
        "voice-of-the-child",
        True,
    ),
    (
        "Inspectors saw numerous examples of poor-quality assessments which fail to identify the child's lived "
        "experience, are overly adult focused and are too descriptive.",
        "improvements",
        "voice-of-the-child",
        False,
    ),
    # the adoption section; brothers and sisters placed together
    (
        "There are currently 19 children waiting for placements, nine of whom already have matches identified.",
        "adoption",
        "placement-sufficiency",
        False,
    ),
    (
        "There are currently 19 children waiting for placements, nine of whom already have matches identified.",
        "adoption",
        "adoption-services",
        True,
    ),
    (
        "The panel has not formally approved the recently completed 2014−15 report.",
        "adoption",
        "adoption-services",
        True,
    ),
    ("This focus is starting to improve support for younger care leavers.", "adoption", "adoption-services", False),
    ("Brothers and sisters are placed together in most cases.", CIC, "placement-sufficiency", True),
    (
        "Looked after children have appropriate levels of contact with parents and their brothers and sisters.",
        CIC,
        "placement-sufficiency",
        False,
    ),
    (
        "Most children are living in placements that are meeting their needs and helping them to make good progress, "
        "including those children placed out of area and in specialist provision.",
        CIC,
        "placement-sufficiency",
        True,
    ),
]


CASES += [
    # "adopted" the verb: a policy or approach adopted, or adopted by someone other than a family (the review's cases)
    ("Eleven children were adopted a year after entering care.", CIC, "adoption-services", True),
    ("Most children are adopted by their foster carers.", CIC, "adoption-services", True),
    ("The council has adopted a new practice model across all teams.", CIC, "adoption-services", False),
    (
        "The approach has been enthusiastically adopted by child protection conference chairs.",
        HELP,
        "adoption-services",
        False,
    ),
    # school leavers are not care leavers
    ("Current school leavers are supported to find college places.", CIC, "care-leaver-education-employment", False),
    ("Care leavers are supported to find college places.", CIC, "care-leaver-education-employment", True),
]


CASES += [
    # round 3: "sexual or criminal exploitation" names both kinds (the longer "criminal exploitation" hid CSE)
    (
        "Recent practice to support children at high risk of sexual or criminal exploitation is resulting in "
        "effective interventions.",
        HELP,
        "child-sexual-exploitation",
        True,
    ),
    (
        "Young people are increasingly at risk of criminal exploitation and county lines.",
        HELP,
        "child-sexual-exploitation",
        False,
    ),
    # children who have a disability
    (
        "Children who have disabilities have thorough assessments, with a clear focus on both the child and "
        "their siblings.",
        HELP,
        "disabled-children",
        True,
    ),
    (
        "Children who have complex health needs receive coordinated, high-quality placements.",
        CIC,
        "disabled-children",
        False,
    ),
    # sufficiency: the choice or range of homes, attracting foster carers
    (
        "Children live in a range of homes that meet their needs and are placed with their brothers and "
        "sisters where possible.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    ("However, the council finds it hard to attract enough foster carers.", CIC, "placement-sufficiency", True),
    ("Children live in homes that meet their needs.", CIC, "placement-sufficiency", False),
    # performance information: scorecards and management reports
    (
        "The board has developed a detailed performance scorecard, assisting it to identify areas of strong "
        "performance.",
        "lscb-review",
        "performance-information",
        True,
    ),
    (
        "The next step is to replace the monthly management reports, which, in their current form, are of "
        "limited value.",
        CIC,
        "performance-information",
        True,
    ),
    ("Managers report that they feel well supported by senior leaders.", CIC, "performance-information", False),
    # court proceedings: court applications and timescales, cases presented to court
    (
        "Occasionally, there are delays in submitting court applications or adoption panel papers.",
        CIC,
        "court-proceedings",
        True,
    ),
    ("Some children's cases are not presented to court at the earliest opportunity.", CIC, "court-proceedings", True),
    (
        "The application for a place at college was presented to the young person's personal adviser.",
        LEAVERS,
        "court-proceedings",
        False,
    ),
    # children missing education: taken off roll
    ("There are few instances where a child is taken off roll by a school.", HELP, "children-missing-education", True),
    ("There are few instances where a child is excluded by a school.", HELP, "children-missing-education", False),
    # the assessment of a foster carer or adopter is no child's assessment; a young carer's, a connected carer's is
    (
        "Most assessments of prospective foster carers are comprehensive and include appropriate checks and "
        "references.",
        CIC,
        "assessments",
        False,
    ),
    (
        "Foster carer assessments are of a good standard and the fostering panel is providing good scrutiny.",
        CIC,
        "assessments",
        False,
    ),
    (
        "Young carer assessments are suitably tailored to the needs of children across all age groups.",
        HELP,
        "assessments",
        True,
    ),
    ("Assessments of connected persons are of good quality.", CIC, "assessments", True),
    # written for this test: a kinship carer is a connected carer by another name
    ("Assessments of kinship carers are thorough and timely.", CIC, "assessments", True),
    ("Assessments of connected carers are thorough and timely.", CIC, "assessments", True),
]


CASES += [
    # the second review's cases: a rule that drops a mention is not undone by a later one, and windows are long
    # enough for the words they look for
    (
        "The needs of children, including parental mental health and domestic abuse, are assessed.",
        CIC,
        "health-of-children-in-care",
        False,
    ),
    ("Foster carers' assessments are thorough and timely.", CIC, "assessments", False),
    ("Young carers' assessments are thorough and timely.", CIC, "assessments", True),
    ("Leaders have well-developed plans to recruit more social workers.", "leadership", "plans", False),
    ("The joint strategic children's needs assessment is used well.", "leadership", "assessments", False),
    ("Some children were adopted by their former foster carers.", CIC, "adoption-services", True),
    ("Plans to increase contact with her mother are clear.", CIC, "plans", True),
    ("Children with plans have them reviewed regularly.", HELP, "plans", True),
    ("Children subject to child protection plans are visited regularly.", HELP, "plans", False),
    ("The multi-agency assessment team responds quickly.", HELP, "partnership-working", True),
    ("Care leavers' transition plans are detailed.", CIC, "plans", False),
    ("Care leavers' transition plans are detailed.", CIC, "pathway-plans", True),
]


CASES += [
    # the fourth round: engagement with children, listening and speaking to them are their voice (not engagement
    # with young parents)
    ("Engagement of children and young people is a strength.", HELP, "voice-of-the-child", True),
    (
        "Senior managers and leaders really listen to children and young people.",
        "leadership",
        "voice-of-the-child",
        True,
    ),
    (
        "Whenever possible, social workers speak with children to gain a holistic picture, to ensure that they get "
        "the right help.",
        HELP,
        "voice-of-the-child",
        True,
    ),
    (
        "With good links to health visitors, the support workers for young fathers and young mothers are increasing "
        "the level of engagement with young parents.",
        HELP,
        "voice-of-the-child",
        False,
    ),
    # a return home from care, reunification, special guardians and kinship arrangements are permanence; a return home
    # interview is not
    (
        "When children return home from care, outcome-focused assessments, planning and support ensure that the "
        "decisions are safe and in the child's best interests.",
        "executive-summary",
        "permanence",
        True,
    ),
    ("Children leave care to return to their families when it is right to do so.", CIC, "permanence", True),
    (
        "Reunification work is offered, and a range of resources are available to support this.",
        HELP,
        "permanence",
        True,
    ),
    ("Connected persons and special guardians benefit from well-crafted support plans.", CIC, "permanence", True),
    (
        "More work is needed to ensure that all children missing from home and care are routinely offered a return "
        "home interview.",
        "executive-summary",
        "permanence",
        False,
    ),
    # recruiting and retaining social workers, an inexperienced workforce, a learning and development offer
    (
        "Managers now have a good understanding of the issues which impact on attracting and retaining social workers.",
        "leadership",
        "workforce",
        True,
    ),
    (
        "Senior leaders recognise that the restructure has created a relatively inexperienced management team.",
        "leadership",
        "workforce",
        True,
    ),
    ("Learning and development opportunities are available to staff.", "leadership", "workforce", True),
    (
        "They provide a clear insight into children's learning and development needs, and how these will be met.",
        CIC,
        "workforce",
        False,
    ),
    # decisions overseen by managers, a management rationale; bare "oversight" of a board is no manager's
    (
        "Decisions to bring children into care are timely and are appropriately overseen by senior managers.",
        CIC,
        "management-oversight",
        True,
    ),
    (
        "Ensure that decisions to step down or close cases are appropriate and that management rationale to do so is "
        "clearly recorded.",
        "improvements",
        "management-oversight",
        True,
    ),
    (
        "Decisions to bring children into care are timely and are appropriately overseen by the court.",
        CIC,
        "management-oversight",
        False,
    ),
    # too few foster carers is sufficiency; a peer review or external evaluation is quality assurance; a dataset is
    # performance information
    ("There are not enough foster carers to meet demand.", CIC, "placement-sufficiency", True),
    (
        "Leaders are acting on feedback from a recent peer review to improve services.",
        "leadership",
        "quality-assurance",
        True,
    ),
    (
        "The dataset reported upon sufficiently enables the LSCB to interrogate its key safeguarding functions.",
        "lscb-review",
        "performance-information",
        True,
    ),
    (
        "This has resulted in one child being placed in an unregistered children's home for a short period of time.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    # personal educational plans are education, not children's plans; an organisation's plans to raise awareness or
    # further improve are no child's
    (
        "The quality of personal educational plans (PEPs) is not good enough to improve outcomes for children.",
        CIC,
        "plans",
        False,
    ),
    (
        "The quality of personal educational plans (PEPs) is not good enough to improve outcomes for children.",
        CIC,
        "education-of-children-in-care",
        True,
    ),
    (
        "The local authority is aware that the number is low and is developing plans to raise awareness among "
        "professionals.",
        HELP,
        "plans",
        False,
    ),
    # an assessment service is a team's name; an assessment of mainstream foster carers is no child's, but an
    # assessment of young carers is
    (
        "Immediate child protection concerns are passed promptly to the referral and assessment service.",
        HELP,
        "assessments",
        False,
    ),
    (
        "Assessments of mainstream foster carers are being undertaken by independent assessors.",
        CIC,
        "assessments",
        False,
    ),
    ("Assessments of young carers are thorough.", HELP, "assessments", True),
    ("Children's assessments are thorough and the assessment service is responsive.", HELP, "assessments", True),
    # a multi-agency dataset is performance information only
    (
        "A detailed multi-agency dataset ensures that the board has oversight of frontline practice.",
        "lscb-review",
        "partnership-working",
        False,
    ),
    # Sixth round: attendance by agencies, services shaped by young people, additional (staffing) capacity.
    ("These meetings are well attended by relevant agencies.", HELP, "partnership-working", True),
    (
        "Meetings to review plans are well attended by key professionals, family members and children when "
        "appropriate.",
        HELP,
        "partnership-working",
        False,
    ),
    (
        "This helps to ensure that services are shaped by the children and families who experience and benefit "
        "from them.",
        "leadership",
        "voice-of-the-child",
        True,
    ),
    (
        "Decisions made by virtual school staff about school placements are informed by children's social and "
        "emotional needs balanced with children's need for stability.",
        "children-in-care",
        "voice-of-the-child",
        False,
    ),
    (
        "Leaders had already identified this pressure prior to the inspection and had begun recruiting additional "
        "capacity.",
        HELP,
        "workforce",
        True,
    ),
    (
        "Consideration has been given by the Chief Executive to ensure sufficient capacity for the statutory duties "
        "required of the DCS role to be delivered effectively.",
        "leadership",
        "workforce",
        False,
    ),
    (
        "Managers give clear direction to social workers completing assessments of children's needs, including "
        "pre-birth, to help workers fully explore parents' capacity to meet children's needs.",
        HELP,
        "management-oversight",
        True,
    ),
    (
        "The LSCB provides clear guidance to practitioners on thresholds.",
        "lscb-review",
        "management-oversight",
        False,
    ),
    ("The search for suitable alternative families starts at the earliest possible stage.", CIC, "permanence", True),
    (
        "Children with disabilities benefit from alternative provision that meets their needs.",
        CIC,
        "permanence",
        False,
    ),
    (
        "A significant proportion of children are placed at a distance from Peterborough.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    (
        "Only a relatively small minority of children live far from their home area and, in most cases seen, they "
        "were not disadvantaged as a result.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    (
        "The local authority is far from achieving its ambitions for children in care.",
        "leadership",
        "placement-sufficiency",
        False,
    ),
    ("Social workers listen to and take note of what children say.", HELP, "voice-of-the-child", True),
    ("Social workers know what children need to make progress.", HELP, "voice-of-the-child", False),
    ("Family time is based appropriately on the needs and wishes of children.", CIC, "voice-of-the-child", True),
    ("Family time is based appropriately on the needs of children.", CIC, "voice-of-the-child", False),
    (
        "Strategy meetings and initial child protection conferences are timely, with improved attendance by partners "
        "and the police.",
        HELP,
        "partnership-working",
        True,
    ),
    ("There is good attendance by agencies, who produce reports as needed.", HELP, "partnership-working", True),
    ("School attendance by children in care has improved.", CIC, "partnership-working", False),
    (
        "This enables senior leaders to track progress against targets and identify effectively where further work "
        "is required in almost all areas.",
        "leadership",
        "performance-information",
        True,
    ),
    (
        "This lack of accurate data, combined with an absence of target-setting or rigorous analysis, means that the "
        "local authority does not fully understand its current position.",
        "leadership",
        "performance-information",
        True,
    ),
    (
        "They capture the voice of the child well, and use this creatively to set targets for the following year.",
        CIC,
        "performance-information",
        False,
    ),
    # seventh round: children listened to, what is important to them, a voice, contributing to reviews
    ("IROs visit children in their homes and ensure that children are listened to.", CIC, "voice-of-the-child", True),
    ("Staff feel listened to and valued in this local authority.", "leadership", "voice-of-the-child", False),
    (
        "They do not consider that their corporate parents ask them about what is important to them.",
        CIC,
        "voice-of-the-child",
        True,
    ),
    ("Children in care have a strong voice, both as individuals and collectively.", CIC, "voice-of-the-child", True),
    (
        "Such work is strengths-based, and skilful practitioners carefully balance risks and feel confident to voice "
        "any uncertainties.",
        HELP,
        "voice-of-the-child",
        False,
    ),
    ("Children attend and contribute to their reviews.", CIC, "voice-of-the-child", True),
    # work with the police, joint work with an agency (not with young people)
    (
        "Work with the police to identify specific risks to children placed in Waltham Forest by other local "
        "authorities is highly effective.",
        "leadership",
        "partnership-working",
        True,
    ),
    (
        "There have been early benefits in improving joint work with early help services, but it is too soon to see "
        "the full impact of the restructure.",
        "leadership",
        "partnership-working",
        True,
    ),
    (
        "Early joint work with young people and their social workers is resulting in better transition planning "
        "when young people reach their 18th birthday.",
        "care-leavers",
        "partnership-working",
        False,
    ),
    # additional or sufficient staff, social workers, personal advisers (not "more personal")
    (
        "Thirty-one additional staff have been recruited, and these are planned to take up their posts in September.",
        "leadership",
        "workforce",
        True,
    ),
    (
        "Parents are actively involved in creating plans for children, including safety plans, so they are more "
        "personal and have greater impact.",
        HELP,
        "workforce",
        False,
    ),
    # living with extended family, viability assessments
    (
        "Children are placed with their extended families when it is safe to do so and is in their best interests.",
        CIC,
        "permanence",
        True,
    ),
    ("Child protection conferences involve parents and extended family members.", HELP, "permanence", False),
    ("Comprehensive viability assessments of family members avoid unnecessary delay.", CIC, "permanence", True),
    ("Comprehensive viability assessments of family members avoid unnecessary delay.", CIC, "assessments", True),
    # the safeguarding board's learning and improvement framework
    ("The LSCB learning and improvement framework is simplistic.", "lscb-review", "quality-assurance", True),
]


@pytest.mark.parametrize(("text", "section", "theme", "expected"), CASES)
def test_theme_wording(rules_nlp, text, section, theme, expected):
    (found,) = annotate_texts([text], rules_nlp, section=section)
    assert (theme in found["themes"]) is expected, found["themes"]


def test_a_demonstrative_names_the_theme_of_the_sentence_before_again(rules_nlp):
    from loaders.findings import annotated_docs, read_doc

    sentences = [
        "Return home interviews are offered routinely when children have been missing.",
        "These interviews are well recorded and lead to purposeful follow-up action.",  # the interviews again
        "This is reviewed regularly by managers.",  # a bare "This" names nothing
        "Strategy meetings are quickly convened.",
        "Records of these interviews are detailed.",  # the interviews were two sentences back: not carried
    ]
    docs = list(annotated_docs(rules_nlp, sentences, [HELP] * len(sentences), in_sequence=True))
    themes = [read_doc(doc)["themes"] for doc in docs]
    assert "return-home-interviews" in themes[1]
    assert themes[2] == []
    assert "return-home-interviews" not in themes[4]
    # sentences annotated one by one (kg annotate) have no sentence before them, even right after it
    (first,) = annotated_docs(rules_nlp, sentences[:1], [HELP])
    (second,) = annotated_docs(rules_nlp, sentences[1:2], [HELP])
    assert "return-home-interviews" in read_doc(first)["themes"]
    assert "return-home-interviews" not in read_doc(second)["themes"]
    # a pointer does not bring back a mention the rules dropped, nor carry into another section
    dropped = ["Children's plans are reviewed regularly.", "These plans are in place to recruit more social workers."]
    # (recruiting social workers is the workforce's)
    assert [read_doc(d)["themes"] for d in annotated_docs(rules_nlp, dropped, [HELP, HELP], in_sequence=True)][1] == [
        "workforce"
    ]
    crossing = list(annotated_docs(rules_nlp, sentences[:2], [HELP, CIC], in_sequence=True))
    assert "return-home-interviews" not in read_doc(crossing[1])["themes"]
    adoption = list(annotated_docs(rules_nlp, sentences[:2], ["adoption", "adoption"], in_sequence=True))
    assert "return-home-interviews" in read_doc(adoption[1])["themes"]


CASES += [
    # round 5. workforce: permanent social workers and employees (not a child's permanent home), changes of worker
    # (not of placement), social work capacity, posts and academies, a place to work, professional development
    (
        "Children now benefit from more permanent social workers who have the time, and make considerable efforts, "
        "to build long-lasting relationships with them.",
        CIC,
        "workforce",
        True,
    ),
    ("Almost all managers at all tiers are now permanent employees.", "leadership", "workforce", True),
    (
        "Most children in care experience stability because they are living in permanent homes that meet their needs.",
        CIC,
        "workforce",
        False,
    ),
    ("As a result, some children still experience too many changes of worker.", "leadership", "workforce", True),
    (
        "A few children have had many changes of placement before they live with well-matched foster carers.",
        CIC,
        "workforce",
        False,
    ),
    ("Social work capacity has not been adequately addressed since 2018.", "leadership", "workforce", True),
    # a stable team or staff, changes of staff or personnel, the workplace culture (not a care leaver's workplace)
    ("A stable staff team builds strong relationships with young people.", CIC, "workforce", True),
    ("There have been too many changes of staff.", "summary-for-children", "workforce", True),
    (
        "They report a vastly improved workplace culture that provides a good balance of support, direction and "
        "challenge.",
        "leadership",
        "workforce",
        True,
    ),
    (
        "The local authority successfully ran the annual 'take-over' day in 2016, providing care leavers with "
        "further opportunities to experience the workplace.",
        LEAVERS,
        "workforce",
        False,
    ),
    ("Additional social work posts have been created to increase capacity.", "leadership", "workforce", True),
    (
        "Leaders have created a social work academy that is central to their programme to grow their own staff.",
        "leadership",
        "workforce",
        True,
    ),
    ("Social workers told inspectors that Peterborough is a great place to work.", "leadership", "workforce", True),
    (
        "Social workers' ongoing professional development is promoted at all stages of their experience.",
        "leadership",
        "workforce",
        True,
    ),
    (
        "This lack of professional curiosity means that managers make decisions without all the relevant information.",
        HELP,
        "workforce",
        False,
    ),
    # permanence: parallel planning, permanent placements and families, a child's return home (a return home
    # conversation after going missing is a return home interview)
    ("Parallel planning is rigorously and systematically applied.", "adoption", "permanence", True),
    (
        "The right permanent families for children who cannot live with their families are not confirmed soon enough.",
        CIC,
        "permanence",
        True,
    ),
    (
        "Lack of focus and timeliness has meant that children wait too long for permanent placements.",
        "leadership",
        "permanence",
        True,
    ),
    (
        "Lack of focus and timeliness has meant that children wait too long for permanent placements.",
        "leadership",
        "placement-sufficiency",
        False,
    ),
    (
        "Children placed in permanent foster care receive a certificate from the assistant director, affirming "
        "their sense of belonging.",
        "executive-summary",
        "permanence",
        True,
    ),
    (
        "When children return home, risks are assessed appropriately beforehand in the majority of cases.",
        CIC,
        "permanence",
        True,
    ),
    (
        "Most children are offered and engage in timely return home conversations that provide useful intelligence "
        "to counteract further risks.",
        CIC,
        "permanence",
        False,
    ),
    (
        "Most children are offered and engage in timely return home conversations that provide useful intelligence "
        "to counteract further risks.",
        CIC,
        "return-home-interviews",
        True,
    ),
    # partnership working: across or between agencies, sharing information or intelligence, inter-agency work, the
    # health and wellbeing board; an inter-agency placement is an adoption's
    (
        "Professionals liaise frequently across agencies and persistently track children's whereabouts.",
        HELP,
        "partnership-working",
        True,
    ),
    (
        "This is informed by an effective sharing of information and intelligence between all key agencies.",
        HELP,
        "partnership-working",
        True,
    ),
    (
        "This approach reduces the opportunity for interagency understanding and learning.",
        "lscb-review",
        "partnership-working",
        True,
    ),
    (
        "However, links with the Health and Wellbeing Board and the Safeguarding Adult Board are not yet defined or "
        "embedded, with no formal protocol in place to drive improvement.",
        "lscb-review",
        "partnership-working",
        True,
    ),
    (
        "For example, the panel now gives closer attention to support for inter-agency placements.",
        "adoption",
        "partnership-working",
        False,
    ),
    # allegations against adults who work with children, by any wording
    (
        "Allegations management processes are followed appropriately, meetings are held and recorded in detail, and "
        "appropriate steps are taken to safeguard children.",
        HELP,
        "allegations-against-professionals",
        True,
    ),
    (
        "Joint working and effective communication with the police help to identify alleged perpetrators.",
        HELP,
        "allegations-against-professionals",
        False,
    ),
    # sufficiency: the recruitment (and retention) of mainstream foster carers is no social workers' recruitment
    (
        "Recruitment and retention of foster carers remains a challenge.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    ("Recruitment and retention of foster carers remains a challenge.", CIC, "workforce", False),
    (
        "Managers have a good overview of the recruitment of mainstream foster carers and continue to recruit to "
        "offset the number of resignations.",
        CIC,
        "placement-sufficiency",
        True,
    ),
    # voice of the child: communicating with children, children who contribute, are consulted or have been
    # involved, the views of care leavers
    (
        "Social workers are experienced in communicating with children who are non-verbal, to inform their "
        "assessment of needs and risks.",
        HELP,
        "voice-of-the-child",
        True,
    ),
    ("Children in care and care leavers regularly contribute to service development.", CIC, "voice-of-the-child", True),
    (
        "This is a missed opportunity to identify trends and contribute to improving practice.",
        HELP,
        "voice-of-the-child",
        False,
    ),
    ("Children are consulted regularly about their wishes and feelings.", CIC, "voice-of-the-child", True),
    (
        "Care leavers have been actively involved in its creation, implementation and review.",
        LEAVERS,
        "voice-of-the-child",
        True,
    ),
    (
        "The views of care leavers are represented well by the active care leaver forum, whose members regularly "
        "attend corporate parenting board and whose views are used effectively to shape service delivery.",
        LEAVERS,
        "voice-of-the-child",
        True,
    ),
    # performance information: a performance and quality (assurance) framework; management oversight: signing off,
    # managers' decisions, senior management panels, management scrutiny and advice
    (
        "Leaders make good use of the improved performance and quality assurance framework.",
        "leadership",
        "performance-information",
        True,
    ),
    (
        "A monthly service-based practice challenge and support event and the introduction of 'Driving quality and "
        "improvement in performance and practice' are influencing and having a positive impact on the quality of "
        "services for children.",
        "leadership",
        "performance-information",
        False,
    ),
    ("Assessments are routinely signed off by practice managers.", HELP, "management-oversight", True),
    (
        "Policies are shared through the priority, delivery and scrutiny group (PDSG) and signed off by the full "
        "board's members.",
        "lscb-review",
        "management-oversight",
        False,
    ),
    (
        "Managers' decisions to close referrals following checks are applied appropriately, and workers actively "
        "encourage parents to accept early help intervention before considering a child's record being closed.",
        HELP,
        "management-oversight",
        True,
    ),
    (
        "Since the last inspection, a number of senior management panels have been established to monitor the "
        "planning for children with the most complex risks and needs.",
        "leadership",
        "management-oversight",
        True,
    ),
    (
        "Most children at risk of exploitation benefit from comprehensive risk assessments which are updated and "
        "reviewed through the multi-agency vulnerable risk management panel.",
        HELP,
        "management-oversight",
        False,
    ),
]
