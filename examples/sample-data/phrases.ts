// Word banks for the sample data. Every name, company and quote is invented.

export const FIRST_NAMES = [
  "Dana",
  "Lee",
  "Priya",
  "Marcus",
  "Sofia",
  "Tomas",
  "Aisha",
  "Noah",
  "Mei",
  "Carlos",
  "Hannah",
  "Yusuf",
  "Ines",
  "Oliver",
  "Zara",
  "Kenji",
  "Lucia",
  "Samuel",
  "Freya",
  "Ravi",
] as const;
export const LAST_NAMES = [
  "Ruiz",
  "Park",
  "Shah",
  "Bennett",
  "Rossi",
  "Novak",
  "Khan",
  "Fischer",
  "Chen",
  "Mendes",
  "Olsen",
  "Demir",
  "Costa",
  "Hughes",
  "Ito",
  "Duarte",
  "Moreau",
  "Kowalski",
  "Byrne",
  "Iyer",
] as const;
export const COMPANY_WORDS = [
  "Northwind",
  "Bluefin",
  "Cobalt",
  "Harbor",
  "Summit",
  "Ironwood",
  "Lumen",
  "Meridian",
  "Quarry",
  "Redline",
  "Saffron",
  "Tidewater",
  "Vantage",
  "Willow",
  "Zephyr",
  "Granite",
  "Beacon",
  "Copperleaf",
] as const;
export const COMPANY_SUFFIXES = [
  "Logistics",
  "Health",
  "Software",
  "Analytics",
  "Payments",
  "Foods",
  "Robotics",
  "Energy",
  "Labs",
  "Retail",
  "Freight",
  "Security",
] as const;

/** Industries the sample product sells into, and two it does not. */
export const ICP_INDUSTRIES = ["software", "logistics", "fintech", "healthcare", "manufacturing", "retail"] as const;
export const OFF_ICP_INDUSTRIES = ["government", "education"] as const;

export const CHAMPION_TITLES = [
  "VP Revenue Operations",
  "Director of Sales Operations",
  "Head of RevOps",
  "VP Sales",
  "Chief Revenue Officer",
] as const;
export const USER_TITLES = [
  "Sales Operations Analyst",
  "Account Executive",
  "Marketing Coordinator",
  "Business Development Rep",
] as const;

export const PROBLEMS = [
  "Board reporting takes the team three days every month",
  "Forecast calls run on spreadsheets nobody trusts",
  "Pipeline data lives in four tools and never agrees",
  "Reps spend Fridays updating the CRM by hand",
  "Territory changes break every dashboard each quarter",
] as const;

export const QUOTES = [
  "We rebuild the same board deck by hand every month.",
  "I can't tell my CEO what the quarter looks like until the last week.",
  "If this isn't fixed before our Series C close, I'm the one explaining it.",
  "Our reps hate the CRM and I don't blame them.",
  "We tried building this in-house twice and gave up.",
] as const;

export const SPECIFIC_NOTES = [
  "Runs RevOps for a {size}-person company; the monthly board pack takes her team three days. Owns the tooling budget.",
  "New CRO started last month and asked for a weekly forecast; " +
    "today it is assembled from two spreadsheets. Wants it live before Q1 planning.",
  "Migrating off a legacy CRM by March; needs reporting ready on day one. Evaluating two vendors, we are one.",
  "Compliance audit in January needs pipeline history they cannot produce today. " +
    "Budget set aside for a fix this quarter.",
] as const;

export const VAGUE_NOTES = [
  "Good call. Has some reporting pain, open to seeing what we do.",
  "Seems interested in forecasting. Might have budget next year.",
] as const;

/** Boilerplate notes the rubric will flag as generic (the handoff-checklist article; see docs/sources.md). */
export const GENERIC_NOTES = [
  "Interested, wants demo",
  "Wants to learn more",
  "Good call, send info",
  "Interested",
] as const;

export const TRIGGERS = [
  { kind: "new_hire", description: "New CRO started in September", timing: "Wants a plan before January's kickoff" },
  { kind: "funding", description: "Closed a Series B in August", timing: "Board expects a forecast process by Q1" },
  { kind: "tool_migration", description: "Leaving their legacy CRM", timing: "Cut-over planned for March 31" },
  { kind: "compliance_deadline", description: "SOC 2 audit needs pipeline history", timing: "Audit starts January 15" },
  {
    kind: "leadership_change",
    description: "New CFO reviewing all sales tooling",
    timing: "Decisions due by end of quarter",
  },
] as const;

export const TOOLS_IN_USE = [
  "Salesforce",
  "HubSpot",
  "Excel",
  "Google Sheets",
  "Looker",
  "Outreach",
  "Gong",
  "Pipedrive",
] as const;
export const COMPETITORS = ["Clari", "an in-house build", "a BI consultancy"] as const;
export const OBJECTIONS = [
  "Worried about implementation time",
  "Already pays for a BI tool",
  "Needs security review",
  "Team bandwidth is tight this quarter",
] as const;

export const NEXT_STEPS = [
  "Show me how the board pack builds itself.",
  "Walk my ops lead through the forecast view.",
  "Bring pricing for 40 seats and a security overview.",
  "Prove it reads our Salesforce data without a migration.",
] as const;

/** Reason codes the sample's AEs reject with, each with a specific note. */
export const REJECTIONS = {
  no_budget: "No budget this fiscal year; their fiscal year starts in April.",
  wrong_economic_buyer: "Contact is an analyst; the VP who signs was never involved.",
  timing: "Project is six months out, after their CRM migration.",
  under_minimum_size: "Company has under 50 employees and our minimum is 50.",
  wrong_vertical: "Public-sector buyer; we do not sell to government this year.",
  no_real_pain: "Reporting works for them today; they were curious, not hurting.",
  competitor: "Signed a two-year contract with a competitor last month.",
  duplicate: "Already an open opportunity owned by another AE.",
  other: "Prospect asked to revisit after their reorganisation closes in March.",
} as const;

/** What an AE writes when rating a meeting 1-5 (one line on what made it that score). */
export const QUALITY_NOTES = {
  1: "Prospect did not know why we were meeting.",
  2: "Right company, but no pain or timeline came through on the call.",
  3: "Pain was real, but budget and buyer still unknown.",
  4: "Pain and timeline confirmed; economic buyer still to meet.",
  5: "Pain, budget owner and timeline all confirmed before the call.",
} as const;

export const NURTURE_PLANS = [
  "Monthly content on forecasting; call back after their planning cycle.",
  "Add to the RevOps webinar series; SDR checks in quarterly.",
  "Re-engage when the new fiscal year budget opens.",
] as const;

export const LOSS_REASONS = [
  ["pricing", "Chose a cheaper tool after procurement review."],
  ["competitor", "Incumbent BI vendor bundled a forecasting module."],
  ["no_decision", "Project shelved after a reorganisation."],
] as const;

/** Evidence notes per criterion: specific ones (a name, a role, a number, a date) and vague ones. */
export const EVIDENCE_NOTES: Readonly<
  Record<string, { readonly specific: readonly string[]; readonly vague: readonly string[] }>
> = {
  budget: {
    specific: [
      "About $40k set aside for Q1",
      "VP Finance approved $25k for the pilot",
      "Budget of $60k in the FY27 plan",
    ],
    vague: ["Seemed open to spending", "Budget might exist"],
  },
  authority: {
    specific: [
      "VP RevOps signs up to $50k",
      "CFO signs; the prospect reports to the CFO",
      "Head of Sales Ops owns the decision",
    ],
    vague: ["Seemed interested", "Probably involved in the decision"],
  },
  need: {
    specific: [
      "Board pack takes 3 days a month",
      "Forecast misses by 20% each quarter",
      "Reps spend Fridays updating the CRM",
    ],
    vague: ["Has some pain", "Wants to learn more"],
  },
  timing: {
    specific: ["Live before 2027-03-31", "Decision by end of Q1", "Audit starts January 15"],
    vague: ["Maybe next year", "Open to a chat later"],
  },
  metrics: {
    specific: ["Cut reporting from 3 days to 1", "Forecast accuracy from 80% to 95%"],
    vague: ["Wants better reporting"],
  },
  economicBuyer: {
    specific: ["CFO owns the budget and will join the second call", "VP RevOps holds the budget line"],
    vague: ["Not sure who signs"],
  },
  decisionCriteria: {
    specific: ["Must read Salesforce data without a migration", "SOC 2 report and SSO are must-haves"],
    vague: ["Wants something easy"],
  },
  identifyPain: {
    specific: ["Board deck rebuilt by hand every month", "Forecast off by 20% two quarters running"],
    vague: ["Some pain around reporting"],
  },
  champion: {
    specific: ["Director of Sales Ops will present it internally", "VP RevOps asked for the business case template"],
    vague: ["Seemed interested"],
  },
};
