"""The vocabulary `generate_records` writes decision records from: topics, people, places, sentences.

Each topic has its own services, providers, funding and reasons, so a record reads as one subject
from its title to its financial implications, and full-text search ranks records about school
places above those that mention a school once. Sentences are templates over a record's `words`
(see `generate_records.Writer`); `{amount}` is the record's amount as the form writes it.
"""

FIRST_NAMES = [
    "Alison", "Amrita", "Andrew", "Anthony", "Beth", "Caroline", "Chris", "Claire", "Craig", "Daniel",
    "David", "Deborah", "Emma", "Fiona", "Gareth", "Hannah", "Helen", "Ian", "James", "Jane",
    "Jo", "John", "Karen", "Kate", "Kevin", "Laura", "Lee", "Louise", "Mark", "Matt",
    "Michelle", "Nadia", "Neil", "Nicola", "Paul", "Peter", "Rachel", "Richard", "Ruth", "Sarah",
    "Simon", "Sophie", "Steve", "Tom", "Tracey", "Wendy", "Yusuf", "Zoe",
]  # fmt: skip

LAST_NAMES = [
    "Ahmed", "Bailey", "Baker", "Bennett", "Brooks", "Carter", "Chapman", "Clarke", "Collins", "Cooper",
    "Davies", "Dawson", "Edwards", "Evans", "Fisher", "Foster", "Gill", "Gray", "Green", "Hall",
    "Harris", "Hughes", "Jackson", "James", "Kaur", "Kelly", "Khan", "Lewis", "Marshall", "Martin",
    "Mason", "Mills", "Morgan", "Murphy", "Owen", "Parker", "Patel", "Pearce", "Phillips", "Price",
    "Reed", "Richards", "Roberts", "Shaw", "Stevens", "Taylor", "Turner", "Walker", "Ward", "Webb",
    "White", "Wood", "Wright", "Young",
]  # fmt: skip

# Decision makers' job titles, by directorate code (a council's directors and heads of service).
DECISION_MAKER_TITLES = {
    "CYP": ["Director of Children's Services", "Service Director for Children, Young People and Families",
            "Service Director for Education, Participation and Skills"],
    "PEO": ["Strategic Director for People", "Service Director for Community Connections",
            "Service Director for Integrated Commissioning"],
    "PLA": ["Strategic Director for Place", "Service Director for Street Services",
            "Service Director for Strategic Planning and Infrastructure", "Service Director for Economic Development"],
    "CCS": ["Service Director for Finance", "Service Director for Human Resources and Organisational Development",
            "Service Director for Customer and Corporate Services"],
    "PH": ["Director of Public Health", "Deputy Director of Public Health"],
    "CEX": ["Chief Executive", "Head of Legal Services", "Head of Policy, Performance and Partnerships"],
}  # fmt: skip

OFFICER_TITLES = [
    "Head of Service", "Commissioning Manager", "Senior Policy Adviser", "Project Manager", "Programme Manager",
    "Strategic Commissioning Officer", "Service Manager", "Operations Manager", "Category Manager",
    "Senior Project Officer", "Business Partner", "Team Manager", "Contracts Manager", "Head of Commissioning",
]  # fmt: skip

COUNCILLORS = [
    "Councillor Laing", "Councillor Dann", "Councillor Haydon", "Councillor Penberthy", "Councillor Briars-Delve",
    "Councillor Lowry", "Councillor Aspinall", "Councillor Coker", "Councillor Smith", "Councillor Evans OBE",
    "Councillor McDonald", "Councillor Stephens", "Councillor Tuffin", "Councillor Allen",
]  # fmt: skip

AREAS = [
    "Devonport", "Stonehouse", "Plympton", "Plymstock", "Southway", "Efford", "Stoke", "Mutley", "Crownhill",
    "Ernesettle", "Honicknowle", "Estover", "Whitleigh", "Barne Barton", "Keyham", "St Budeaux", "Drake",
    "Peverell", "Compton", "Moor View", "Eggbuckland", "Sutton and Mount Gould", "the city centre", "Millbay",
]  # fmt: skip

LEGAL_BASES = [
    "regulation 72(1)(b) of the Public Contracts Regulations 2015",
    "regulation 32(2)(c) of the Public Contracts Regulations 2015",
    "the Procurement Act 2023",
    "section 1 of the Localism Act 2011",
    "section 111 of the Local Government Act 1972",
    "the Council's Contract Standing Orders",
    "the Care Act 2014",
    "section 17 of the Children Act 1989",
    "the Highways Act 1980",
    "the Housing Act 1996",
]

# name, directorate code, portfolio (prefix), committee slug, priority short names, extra departments
# (besides the mandatory ones), capital share, and the words its sentences use.
TOPICS = [
    {
        "name": "school places",
        "directorate": "CYP",
        "portfolio": "Education",
        "committee": "education-and-childrens-social-care",
        "priorities": ["Caring", "Growing"],
        "departments": ["procurement", "corporate-property"],
        "capital": 0.7,
        "service": ["additional primary school places", "a new special school", "secondary school places",
                    "the school expansion programme", "school kitchen refurbishments", "resourced provision for "
                    "pupils with special educational needs", "the Safety Valve capital programme"],
        "thing": ["school places", "classrooms", "the school estate", "pupil places", "special school places"],
        "people": ["pupils", "families", "children with special educational needs", "head teachers"],
        "providers": ["Kier Construction", "Morgan Sindall", "Interserve", "BAM Construction", "Willmott Dixon",
                      "a local multi-academy trust"],
        "funds": ["the Department for Education's Basic Need grant", "High Needs Provision Capital Allocations",
                  "the Council's capital programme", "Section 106 contributions"],
        "need": ["Pupil numbers in {area} are forecast to rise by {pct}% over the next five years",
                 "The number of children with an education, health and care plan has risen by {pct}% since {year}",
                 "Every secondary school in {area} is full in years 7 to 9",
                 "Parents in {area} are travelling more than five miles to a school place"],
    },
    {
        "name": "children's social care",
        "directorate": "CYP",
        "portfolio": "Education",
        "committee": "education-and-childrens-social-care",
        "priorities": ["Caring", "Healthy"],
        "departments": ["procurement", "human-resources"],
        "capital": 0.05,
        "service": ["a managed social work team", "emergency foster care placements", "residential children's "
                    "homes", "the family group conference service", "supported accommodation for care leavers",
                    "the edge of care service", "short breaks for disabled children"],
        "thing": ["placements", "caseloads", "social work capacity", "care leavers' accommodation"],
        "people": ["children in care", "care leavers", "families", "social workers", "foster carers"],
        "providers": ["Innovate Services Limited", "Barnardo's", "Action for Children", "The Children's Society",
                      "Family Group Conferencing South West", "Pertemps", "Caring Together CIC"],
        "funds": ["the Children's Services placements budget", "the Supporting Families grant",
                  "the Covid Outbreak Management Fund", "the Household Support Fund"],
        "need": ["Referrals to children's social care have risen by {pct}% since {year}",
                 "There are not enough in-house foster carers to place every child close to home",
                 "{number} children are placed outside the city because there are no suitable places",
                 "Caseloads are {pct}% above the level at which social workers can practise safely"],
    },
    {
        "name": "adult social care",
        "directorate": "PEO",
        "portfolio": "Health and Adult Social Care",
        "committee": "health-and-adult-social-care",
        "priorities": ["Caring", "Healthy"],
        "departments": ["procurement"],
        "capital": 0.1,
        "service": ["domiciliary care", "the community equipment service", "extra care housing", "day "
                    "opportunities for adults with learning disabilities", "the reablement service", "carers' "
                    "support services", "nursing home placements", "the shared lives scheme"],
        "thing": ["care hours", "hospital discharges", "packages of care", "care home beds"],
        "people": ["older people", "adults with learning disabilities", "unpaid carers", "care workers"],
        "providers": ["Livewell Southwest", "Mears Care", "Caring Hands Plymouth", "Age UK Plymouth",
                      "Plymouth Community Homes", "Improving Lives Plymouth", "Millbrook Healthcare"],
        "funds": ["the Better Care Fund", "the Adult Social Care budget", "the Market Sustainability and "
                  "Improvement Fund", "the Improved Better Care Fund", "the Disabled Facilities Grant"],
        "need": ["{number} people are waiting for a package of care in their own home",
                 "Hospital discharges delayed for want of care have risen by {pct}% since {year}",
                 "The number of people over 85 in Plymouth will rise by {pct}% by {year2}",
                 "Providers report that care worker vacancies are at {pct}%"],
    },
    {
        "name": "highways",
        "directorate": "PLA",
        "portfolio": "Environment and Street Scene",
        "committee": "growth-and-infrastructure",
        "priorities": ["Growing", "Unlocking"],
        "departments": ["procurement"],
        "capital": 0.8,
        "service": ["carriageway resurfacing", "the highways maintenance contract", "street lighting "
                    "replacement with LED lanterns", "pothole repairs", "a new cycle route", "bridge "
                    "strengthening works", "the junction improvement scheme", "traffic signal upgrades"],
        "thing": ["roads", "footways", "the highway network", "junctions", "bus lanes", "cycle lanes"],
        "people": ["road users", "cyclists", "pedestrians", "bus passengers", "residents"],
        "providers": ["South West Highways", "Tarmac", "Balfour Beatty Living Places", "Colas", "Kier Highways",
                      "Volker Highways", "Amey"],
        "funds": ["the Department for Transport's Highways Maintenance Block", "the Local Transport Plan capital "
                  "allocation", "the Transforming Cities Fund", "the Pothole Fund", "the City Change Fund"],
        "need": ["The condition survey rates {pct}% of the roads in {area} as needing repair",
                 "Traffic on the route through {area} has risen by {pct}% since {year}",
                 "Claims for damage caused by potholes rose to {number} last year",
                 "The structure was assessed in {year} and needs strengthening"],
    },
    {
        "name": "housing",
        "directorate": "PEO",
        "portfolio": "Housing and Co-operative Development",
        "committee": "growth-and-infrastructure",
        "priorities": ["Caring", "Growing"],
        "departments": ["corporate-property", "procurement"],
        "capital": 0.6,
        "service": ["temporary accommodation for homeless households", "affordable homes", "the rough "
                    "sleeping initiative", "the private sector leasing scheme", "disabled facilities adaptations",
                    "the empty homes programme", "supported housing for young people"],
        "thing": ["homes", "bed and breakfast placements", "affordable housing", "empty homes", "adaptations"],
        "people": ["homeless households", "rough sleepers", "tenants", "landlords", "families in temporary "
                   "accommodation"],
        "providers": ["Plymouth Community Homes", "LiveWest", "Clarion Housing", "The Zone", "Shekinah",
                      "Bournemouth Churches Housing Association", "Plymouth Access to Housing"],
        "funds": ["the Homelessness Prevention Grant", "the Rough Sleeping Initiative", "Homes England's "
                  "Affordable Homes Programme", "the Housing Revenue Account", "the Local Authority Housing Fund"],
        "need": ["{number} households are in temporary accommodation, {pct}% more than in {year}",
                 "Bed and breakfast placements cost the Council more than any other form of temporary "
                 "accommodation",
                 "There are {number} households on the housing register in {area}",
                 "The number of people sleeping rough rose by {pct}% last winter"],
    },
    {
        "name": "leisure",
        "directorate": "PLA",
        "portfolio": "Economic Development",
        "committee": "growth-and-infrastructure",
        "priorities": ["Healthy", "International"],
        "departments": ["corporate-property", "procurement"],
        "capital": 0.6,
        "service": ["the leisure management contract", "the Life Centre", "the swimming pool refurbishment",
                    "sports pitches", "the Tinside Lido restoration", "the playing pitch strategy",
                    "the outdoor gym programme"],
        "thing": ["leisure centres", "swimming pools", "sports facilities", "play areas"],
        "people": ["visitors", "sports clubs", "schools", "residents"],
        "providers": ["Everyone Active", "Places Leisure", "GLL", "Sport England", "Plymouth Argyle Community "
                      "Trust", "Active Devon"],
        "funds": ["Sport England's Swimming Pool Support Fund", "the Leisure Services budget",
                  "the Council's capital programme", "the Levelling Up Fund"],
        "need": ["Visits to the city's pools have risen by {pct}% since {year}",
                 "The plant at the centre in {area} is more than thirty years old",
                 "The energy costs of the leisure estate rose by {pct}% last year",
                 "{number} people a week use the facilities in {area}"],
    },
    {
        "name": "waste and recycling",
        "directorate": "PLA",
        "portfolio": "Environment and Street Scene",
        "committee": "growth-and-infrastructure",
        "priorities": ["Growing", "Healthy"],
        "departments": ["procurement"],
        "capital": 0.4,
        "service": ["the garden waste collection service", "refuse collection vehicles", "the household "
                    "waste recycling centre", "food waste collections", "the energy from waste contract",
                    "street cleansing", "the bring bank network"],
        "thing": ["recycling rates", "collections", "waste tonnages", "fly-tipping reports"],
        "people": ["households", "crews", "businesses", "residents"],
        "providers": ["MVV Environment", "Biffa", "Veolia", "Dennis Eagle", "FCC Environment", "Viridor"],
        "funds": ["the Street Services budget", "the Simpler Recycling new burdens funding",
                  "the Council's capital programme", "Extended Producer Responsibility payments"],
        "need": ["The recycling rate in {area} is {pct}%, below the national target",
                 "The refuse fleet is more than eight years old and breakdowns rose by {pct}% last year",
                 "Reports of fly-tipping in {area} rose to {number} in {year}",
                 "The Environment Act 2021 requires weekly food waste collections"],
    },
    {
        "name": "regeneration",
        "directorate": "PLA",
        "portfolio": "Economic Development",
        "committee": "growth-and-infrastructure",
        "priorities": ["Growing", "Unlocking", "International"],
        "departments": ["corporate-property", "procurement"],
        "capital": 0.75,
        "service": ["the Freeport", "the city centre regeneration programme", "the Civic Centre redevelopment",
                    "the marine business technology centre", "the Armada Way scheme", "the Oceansgate "
                    "enterprise zone", "workspace for small businesses"],
        "thing": ["jobs", "investment", "floorspace", "footfall", "business rates"],
        "people": ["businesses", "investors", "apprentices", "visitors"],
        "providers": ["Urban Splash", "Plymouth and South Devon Freeport Company", "Homes England",
                      "Nicholas Hare Architects", "Galliford Try", "Midas Group"],
        "funds": ["the Levelling Up Fund", "the UK Shared Prosperity Fund", "Freeport seed capital",
                  "the Future High Streets Fund", "prudential borrowing", "the Town Deal"],
        "need": ["Footfall in {area} is {pct}% lower than in {year}",
                 "The scheme will create an estimated {number} jobs",
                 "Vacancy rates in {area} have reached {pct}%",
                 "The site has been vacant since {year}"],
    },
    {
        "name": "digital and ICT",
        "directorate": "CCS",
        "portfolio": "Finance",
        "committee": "performance-finance-and-customer-focus",
        "priorities": ["Unlocking", "Growing"],
        "departments": ["procurement", "human-resources"],
        "capital": 0.3,
        "service": ["the customer relationship management system", "Microsoft 365 licences", "the network "
                    "refresh", "the social care case management system", "cyber security services", "the "
                    "council tax and benefits system", "laptops for frontline staff"],
        "thing": ["systems", "licences", "online transactions", "calls to the contact centre"],
        "people": ["customers", "staff", "residents who use our services online"],
        "providers": ["Delt Shared Services", "Microsoft", "Civica", "Capita", "Liquidlogic", "Northgate Public "
                      "Services", "Softcat"],
        "funds": ["the ICT capital programme", "the Transformation Fund", "the Delt service budget",
                  "flexible use of capital receipts"],
        "need": ["The current system reaches the end of its support in {year2}",
                 "{pct}% of customer contacts are now made online",
                 "The contact centre took {number} calls last year",
                 "The National Cyber Security Centre's assessment found {number} issues to fix"],
    },
    {
        "name": "public health",
        "directorate": "PH",
        "portfolio": "Health and Adult Social Care",
        "committee": "health-and-adult-social-care",
        "priorities": ["Healthy", "Caring"],
        "departments": ["procurement"],
        "capital": 0.02,
        "service": ["the stop smoking service", "the drug and alcohol treatment service", "sexual health "
                    "services", "the health visiting service", "the school nursing service", "the healthy weight "
                    "programme", "the NHS Health Check programme"],
        "thing": ["treatment places", "health checks", "referrals", "quit attempts"],
        "people": ["residents", "young people", "people in treatment", "new parents"],
        "providers": ["Livewell Southwest", "University Hospitals Plymouth", "Harbour Drug and Alcohol Service",
                      "Together Drug and Alcohol Service", "Plymouth Hope", "Public Health Dorset"],
        "funds": ["the Public Health Grant", "the Supplementary Substance Misuse Treatment and Recovery Grant",
                  "the Smokefree Generation grant", "the Rough Sleeping Drug and Alcohol Treatment Grant"],
        "need": ["Life expectancy in {area} is {number} years lower than the city average",
                 "Smoking prevalence in {area} is {pct}%",
                 "Drug-related deaths in Plymouth rose by {pct}% between {year} and {year2}",
                 "{number} people were referred to the service last year"],
    },
    {
        "name": "grants to the voluntary sector",
        "directorate": "PEO",
        "portfolio": "Housing and Co-operative Development",
        "committee": "performance-finance-and-customer-focus",
        "priorities": ["Caring", "Unlocking"],
        "departments": [],
        "capital": 0.05,
        "service": ["community grants", "the Household Support Fund scheme", "the warm spaces programme",
                    "advice services", "the Crisis Resilience Fund", "holiday activities and food",
                    "community food projects"],
        "thing": ["grants", "households supported", "food parcels", "advice sessions"],
        "people": ["community groups", "families on low incomes", "volunteers", "older residents"],
        "providers": ["Plymouth Octopus Project", "Citizens Advice Plymouth", "Devon Community Foundation",
                      "Plymouth Foodbank", "Nudge Community Builders", "Four Greens Community Trust"],
        "funds": ["the Household Support Fund", "the UK Shared Prosperity Fund", "the Community Grants budget",
                  "the Holiday Activities and Food programme grant"],
        "need": ["Demand for crisis support rose by {pct}% in {year}",
                 "{number} households in {area} received help last winter",
                 "Child poverty in {area} affects {pct}% of children",
                 "Voluntary groups report that volunteer numbers have fallen since {year}"],
    },
    {
        "name": "property and assets",
        "directorate": "CCS",
        "portfolio": "Finance",
        "committee": "performance-finance-and-customer-focus",
        "priorities": ["Growing", "Unlocking"],
        "departments": ["corporate-property"],
        "capital": 0.8,
        "service": ["the disposal of surplus land", "the lease of office space", "the acquisition of industrial "
                    "units", "the decarbonisation of council buildings", "roof repairs to the Guildhall", "the "
                    "corporate landlord programme", "the renewal of a ground lease"],
        "thing": ["buildings", "leases", "the property portfolio", "rental income", "capital receipts"],
        "people": ["tenants", "occupiers", "developers", "staff"],
        "providers": ["Savills", "Stratton Creber Commercial", "Vickery Holman", "Rendle Intelligent Buildings",
                      "a preferred bidder", "the highest bidder"],
        "funds": ["the Council's capital programme", "the Public Sector Decarbonisation Scheme",
                  "capital receipts", "the Corporate Property budget", "prudential borrowing"],
        "need": ["The building in {area} has been vacant since {year}",
                 "The lease ends in {year2} and the tenant has asked to renew",
                 "Maintenance of the site costs the Council £{number} a year",
                 "The condition survey found {number} urgent repairs"],
    },
    {
        "name": "climate and energy",
        "directorate": "PLA",
        "portfolio": "Environment and Street Scene",
        "committee": "growth-and-infrastructure",
        "priorities": ["Growing", "Healthy", "International"],
        "departments": ["procurement", "corporate-property"],
        "capital": 0.7,
        "service": ["solar panels on council buildings", "the heat network", "electric vehicle charge points",
                    "the tree planting programme", "the home energy efficiency scheme", "the Plymouth Sound "
                    "National Marine Park", "retrofit of council homes"],
        "thing": ["carbon emissions", "energy bills", "charge points", "trees planted", "kilowatt hours"],
        "people": ["residents", "households in fuel poverty", "businesses", "schools"],
        "providers": ["Plymouth Energy Community", "Ameresco", "Vital Energi", "Connected Kerb", "the National "
                      "Trust", "Plymouth Natural Grid"],
        "funds": ["the Public Sector Decarbonisation Scheme", "the Green Homes Grant", "the On-Street Residential "
                  "Chargepoint Scheme", "the Heat Network Investment Project", "the Climate Emergency fund"],
        "need": ["The Council declared a climate emergency in 2019 and aims to be net zero by 2030",
                 "Carbon emissions from council buildings were {number} tonnes last year",
                 "{pct}% of households in {area} are in fuel poverty",
                 "Demand for public charge points has risen by {pct}% since {year}"],
    },
    {
        "name": "libraries and culture",
        "directorate": "PLA",
        "portfolio": "Economic Development",
        "committee": "growth-and-infrastructure",
        "priorities": ["International", "Healthy"],
        "departments": ["procurement"],
        "capital": 0.4,
        "service": ["the library service", "The Box museum", "the Mayflower 400 legacy programme", "the city's "
                    "events programme", "the British Firework Championships", "the Theatre Royal partnership",
                    "public art commissions"],
        "thing": ["visitors", "loans", "events", "exhibitions", "ticket sales"],
        "people": ["visitors", "readers", "artists", "schools", "local businesses"],
        "providers": ["Arts Council England", "Theatre Royal Plymouth", "Plymouth Culture", "Destination Plymouth",
                      "the National Lottery Heritage Fund", "Real Ideas Organisation"],
        "funds": ["Arts Council England's National Portfolio funding", "the National Lottery Heritage Fund",
                  "the Culture budget", "the UK Shared Prosperity Fund"],
        "need": ["Visits to the city's libraries rose by {pct}% in {year}",
                 "The programme brought {number} visitors to {area} last year",
                 "Events in {area} are worth £{number} to the local economy",
                 "The collection has outgrown its store"],
    },
    {
        "name": "workforce",
        "directorate": "CCS",
        "portfolio": "Finance",
        "committee": "performance-finance-and-customer-focus",
        "priorities": ["Unlocking", "Caring"],
        "departments": ["human-resources"],
        "capital": 0.0,
        "service": ["the apprenticeship programme", "the agency staff contract", "occupational health services",
                    "the pay and grading review", "the employee assistance programme", "the senior management "
                    "restructure", "the learning management system"],
        "thing": ["posts", "vacancies", "agency spend", "sickness absence", "apprenticeships"],
        "people": ["staff", "managers", "apprentices", "trade unions"],
        "providers": ["Pertemps", "Matrix SCM", "Medigold Health", "Hays", "Reed", "Optima Health"],
        "funds": ["the Human Resources budget", "the Apprenticeship Levy", "the Transformation Fund",
                  "the corporate contingency"],
        "need": ["Agency spend rose by {pct}% in {year}",
                 "Sickness absence averages {number} days per employee",
                 "{number} posts are vacant across the Council",
                 "The trade unions were consulted from {year} onwards"],
    },
]  # fmt: skip

# Title templates: {service}, {provider}, {months}, {years}, {area}.
TITLES = {
    "contract": [
        "Award of contract for {service} for {years} years",
        "Direct award to {provider} for {service}",
        "Extension of the contract for {service} for {months} months",
        "Variation of the contract with {provider} for {service}",
        "Procurement of {service} in {area}",
        "Call-off from a framework for {service}",
    ],
    "grant": [
        "Acceptance of grant funding for {service}",
        "Grant award to {provider} for {service}",
        "Allocation of {fund} to {service}",
    ],
    "policy": [
        "Approval of the {topic} strategy {year}-{year2}",
        "Changes to {service} in {area}",
        "Approval of the business case for {service}",
        "Fees and charges for {service} {year}/{year2}",
        "Review of {service}",
    ],
}

DECISIONS = {
    "contract": [
        "To award a contract for {service} to {provider} for {years} years, to the value of {amount}.",
        "To direct award a contract for {service} to {provider}, to the value of {amount}, relying on {legal}.",
        "To extend the contract with {provider} for {service} by {months} months, to the value of {amount}.",
        "To vary the contract with {provider} for {service}, increasing its value by {amount}.",
    ],
    "grant": [
        "To accept {amount} from {fund} for {service}, and to delegate its spending to the {job}.",
        "To award a grant of {amount} to {provider} for {service} in {area}.",
        "To allocate {amount} of {fund} to {service} for {months} months.",
    ],
    "policy": [
        "To approve the {topic} strategy and its action plan, with a budget of {amount}.",
        "To approve changes to {service} in {area}, at a cost of {amount}.",
        "To approve the business case for {service} and to spend {amount} on its first phase.",
        "To approve the fees and charges for {service} from 1 April, raising an estimated {amount}.",
    ],
}

DECISION_FOLLOW_UPS = [
    "The {job} will sign the contract documents once the standstill period has ended.",
    "The arrangement will be reviewed after {months} months and reported to the Cabinet Member.",
    "Progress will be reported to the {committee} in the next municipal year.",
    "Delegated authority is given to the {job} to agree the final terms.",
    "The service will start on 1 {month} and run until the end of the financial year.",
    "Any extension will be the subject of a further decision.",
]

REASON_SENTENCES = [
    "{need}.",
    "{need}, and the current arrangements cannot meet that demand.",
    "This demand exceeds our capacity to respond, and {people} are waiting longer for help.",
    "The Council has a statutory duty under {legal} and must make suitable arrangements.",
    "{provider} has a track record of delivering {service} for local authorities in the South West.",
    "We have undertaken due diligence and spoken to other councils that use {provider}.",
    "The current contract for {service} ends on 31 {month}, and a new arrangement must be in place by then.",
    "An ordinary procurement process would take too long, and {people} would go without a service.",
    "A competitive tender attracted {bids} bids, and {provider} scored highest on quality and price.",
    "The proposal will improve outcomes for {people} in {area} and reduce the need for more costly "
    "interventions later.",
    "Performance data shows that {thing} in {area} compare poorly with similar cities.",
    "The {topic} needs assessment found that {pct}% of {people} were not getting the support they need.",
    "Feedback from {people} in {area} supports the change.",
    "The proposal has been developed with {provider} and with {people}.",
    "It supports the Council's corporate priorities and the Plymouth Plan.",
    "The decision will secure {thing} for {people} for the next {years} years.",
    "Delaying the decision would put the funding at risk, because it must be committed by 31 {month}.",
    "The service will be monitored through quarterly contract meetings and an annual review.",
    "Social value commitments include {number} apprenticeships and local supply chain spending.",
    "The approach follows the Council's commissioning strategy for {topic}.",
    "Demand for {service} has grown every year since {year}.",
    "The proposal reduces risk to the Council and protects {people}.",
    "The scheme was tested in {area} in {year}, and the evaluation recommended that it continue.",
]

# Added to a few records' reasons only (see `generate_records.INNOVATIVE_SHARE`): "innovate" is a word the
# register benchmark searches for, and English stemming matches "innovative" and "innovation" too.
INNOVATION_SENTENCES = [
    "It is an innovative model that other councils are now adopting.",
    "The approach builds on the innovation fund pilot in {area}.",
]

ALTERNATIVES = [
    "Do nothing: {people} would continue to wait, and the Council would not meet its duties.",
    "Continue the current arrangements: they cost more and do not meet the level of demand.",
    "Deliver {service} in-house: the Council does not have the staff, premises or systems ready.",
    "Run a full open tender: it would take at least {months} months, which is too long.",
    "Spot purchase {thing} as needed: more expensive and less reliable.",
    "Join a regional framework: none currently covers {service} in Plymouth.",
    "Reduce the scope of {service}: this would not address the need in {area}.",
    "Delay the decision until the next financial year: the funding would be lost.",
    "Share the service with a neighbouring authority: explored, but their timetable does not match ours.",
    "Use agency staff instead: there is a national shortage and costs are higher.",
]

FINANCE_SENTENCES = [
    "{amount} from {fund}.",
    "The cost of {amount} will be met from {fund} over {years} years.",
    "This is {spend} expenditure, within the approved budget for {topic}.",
    "There is no additional cost to the Council beyond the approved budget.",
    "The contract price is fixed for the first {years} years and then rises with the Consumer Price Index.",
    "The decision is expected to save {saving} a year from {year2} onwards.",
    "Finance has reviewed the figures and confirms that the funding is available.",
    "Any overspend will be reported through the Council's monthly budget monitoring.",
    "The grant conditions require the funding to be spent by 31 {month} {year2}.",
    "The value includes contingency of {pct}% for inflation and unforeseen costs.",
]

URGENCY = [
    "The service must be in place before {month}; waiting for the call-in period would leave {people} without support.",
    "The funding must be committed within {days} days or it will be withdrawn.",
    "The provider can hold its price for only {days} days.",
    "There is an immediate risk to the safety of {people} in {area}.",
]

ENVIRONMENT = [
    "There are no environmental impacts of the decision.",
    "There are no direct environmental impacts of the decision.",
    "The contract requires the provider to report its carbon emissions and to use electric vehicles where it can.",
    "The scheme will reduce carbon emissions by an estimated {number} tonnes a year.",
    "A climate impact assessment has been completed and is attached.",
]

PLAN_LINKS = [
    "This decision supports the Corporate Plan priority of {priority}.",
    "The decision aligns with the Plymouth Plan's ambitions for {topic}.",
    "It contributes to the Corporate Plan priority of {priority} in {area}.",
]

APPENDIX_TITLES = [
    "Business case",
    "Equality impact assessment",
    "Climate impact assessment",
    "Tender evaluation summary",
    "Consultation report",
    "Site plan",
    "Financial model",
    "Risk register",
    "Service specification",
    "Data protection impact assessment",
]

EXEMPT_APPENDIX_TITLES = [
    "Tender evaluation and pricing",
    "Bidders' prices",
    "Valuation report",
    "Legal advice",
    "Staffing implications",
    "Commercial terms",
]

BACKGROUND_PAPERS = [
    "{topic} needs assessment {year}",
    "Cabinet report on {service}, {year}",
    "Market engagement report",
    "Options appraisal for {service}",
    "Procurement strategy for {service}",
    "Internal audit report on {topic}",
    "Provider's tender submission",
    "Condition survey of the site in {area}",
]

PART2_TITLES = [
    "{service}: tender evaluation and bidders' prices",
    "{service}: commercial terms",
    "{service}: valuation and negotiating position",
    "{service}: staffing proposals",
]

PART2_SUMMARIES = [
    "The evaluation scores and prices of the {bids} bids, and the recommended bidder.",
    "The price agreed with {provider} and the Council's negotiating position.",
    "The independent valuation of the site and the offers received.",
    "The posts affected and the consultation with staff and trade unions.",
]

# Schedule 12A paragraph -> public interest reasoning.
EXEMPTION_REASONS = {
    1: "The information relates to individual members of staff; publishing it would be unfair to them.",
    3: "The bidders' prices and business information are commercially sensitive; publishing them would harm "
    "their interests and the Council's position in future procurements.",
    4: "The information relates to consultations with staff and trade unions that have not yet concluded.",
    5: "The information is legal advice subject to legal professional privilege.",
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
