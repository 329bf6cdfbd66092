import type { HandoffInput } from "handoff-kit/handoff";
import type { CalendarSpec } from "handoff-kit/sla";
import { addDays, addWorkdays, instantAt, isWorkday, localDateOf, type LocalDate } from "./local-time.js";
import * as words from "./phrases.js";
import { createRandom, type Random } from "./random.js";
import {
  REGION_HOLIDAYS,
  SAMPLE_AES,
  SAMPLE_SDRS,
  workingCalendar,
  type AeProfile,
  type Region,
  type SdrProfile,
  type Segment,
} from "./team.js";

type EventInput = NonNullable<HandoffInput["events"]>[number];
type Brief = NonNullable<HandoffInput["brief"]>;
type Evidence = NonNullable<HandoffInput["qualification"]>["evidence"][string];
type RejectionCode = keyof typeof words.REJECTIONS;

/** What to generate. */
export interface SampleOptions {
  readonly seed: number;
  /** The Monday the quarter starts on. */
  readonly firstMonday: LocalDate;
  readonly weeks: number;
  /** The moment the export was taken: nothing after it has happened yet. */
  readonly asOf: string;
  /** Multiplies every SDR's weekly volume (for benchmarks at scale). */
  readonly volumeScale?: number;
}

/** The bundled sample: a quarter of an 8-SDR, 4-AE team's handoffs, exported at `asOf`. */
export const DEFAULT_SAMPLE_OPTIONS: SampleOptions = {
  seed: 20_261_116,
  firstMonday: { year: 2026, month: 8, day: 17 },
  weeks: 13,
  asOf: "2026-11-14T02:00:00.000Z",
};

/** The sample file's shape: the options that made it, the team, and the handoffs. */
export interface SampleData {
  readonly description: string;
  readonly seed: number;
  readonly firstMonday: string;
  readonly weeks: number;
  readonly asOf: string;
  readonly team: { readonly sdrs: readonly SdrProfile["rep"][]; readonly aes: readonly AeProfile["rep"][] };
  /** Each rep's working calendar by calendar id, as calendar specs for handoff-kit/sla. */
  readonly calendars: Readonly<Record<string, CalendarSpec>>;
  readonly handoffs: readonly HandoffInput[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const iso = (ms: number): string => new Date(Math.round(ms / MINUTE) * MINUTE).toISOString();
const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Generates the sample data set for `options`; the same options always give the same data. */
export function generateSampleData(options: SampleOptions = DEFAULT_SAMPLE_OPTIONS): SampleData {
  const { year, month, day } = options.firstMonday;
  return {
    description:
      "A synthetic quarter of SDR-to-AE handoffs for handoff-kit's examples and tests. " +
      "Names, companies and quotes are invented. Regenerate with `npm run sample-data`.",
    seed: options.seed,
    firstMonday: `${String(year)}-${pad(month, 2)}-${pad(day, 2)}`,
    weeks: options.weeks,
    asOf: options.asOf,
    team: { sdrs: SAMPLE_SDRS.map((s) => s.rep), aes: SAMPLE_AES.map((a) => a.rep) },
    calendars: Object.fromEntries(
      [...SAMPLE_SDRS, ...SAMPLE_AES].map(({ rep, region }) => [
        rep.calendarId ?? rep.id,
        workingCalendar(rep, region),
      ]),
    ),
    handoffs: [...generateHandoffs(options)],
  };
}

/** Yields the sample's handoffs one at a time, week by week, so large volumes need no buffer. */
export function* generateHandoffs(options: SampleOptions = DEFAULT_SAMPLE_OPTIONS): Generator<HandoffInput> {
  const root = createRandom(options.seed);
  const asOf = Date.parse(options.asOf);
  let sequence = 0;
  for (let week = 0; week < options.weeks; week += 1) {
    for (const sdr of SAMPLE_SDRS) {
      const random = root.fork(`${sdr.rep.id}/week-${String(week)}`);
      const [low, high] = sdr.volume;
      const scale = options.volumeScale ?? 1;
      const count = Math.round((random.int(low, high) + sdr.volumeDrift * week) * scale);
      for (let k = 0; k < count; k += 1) {
        const day = addDays(options.firstMonday, week * 7 + random.int(0, 4));
        if (!isWorkday(day, REGION_HOLIDAYS[sdr.region])) continue;
        const qualifiedAt = instantAt(sdr.rep.timeZone ?? "UTC", day, random.int(9 * 60, 17 * 60));
        if (qualifiedAt + HOUR > asOf) continue;
        sequence += 1;
        const id = `h-${pad(sequence, Math.max(4, String(sequence).length))}`;
        yield generateHandoff(id, sdr, week, qualifiedAt, asOf, random.fork(id));
      }
    }
  }
}

function generateHandoff(
  id: string,
  sdr: SdrProfile,
  week: number,
  qualifiedAt: number,
  asOf: number,
  random: Random,
): HandoffInput {
  const segment = pickSegment(sdr.region, random);
  const employees = pickEmployees(segment, random);
  const offIcp = random.chance(0.07);
  const industry = offIcp ? random.pick(words.OFF_ICP_INDUSTRIES) : random.pick(words.ICP_INDUSTRIES);
  const quality = clamp01(sdr.skill + sdr.skillDrift * week + random.between(-0.25, 0.25));
  const warm = random.chance(sdr.warmRate);
  const ae = assignAe(sdr.region, segment);
  const company = `${random.pick(words.COMPANY_WORDS)} ${random.pick(words.COMPANY_SUFFIXES)}`;
  const prospectName = `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}`;
  const strongContact = quality > 0.35 || random.chance(0.5);

  const source = random.weighted<HandoffInput["source"]>([
    ["outbound", 65],
    ["inbound", 27],
    ["partner", 8],
  ]);
  const context: HandoffContext = {
    id,
    sdr,
    ae,
    segment,
    employees,
    offIcp,
    quality,
    warm,
    asOf,
    random,
    strongContact,
  };
  const { events, meeting, sdrJoined } = simulateEvents(context, qualifiedAt);

  return {
    id,
    source,
    segment,
    createdAt: iso(qualifiedAt),
    sdr: sdr.rep,
    // The AE the handoff was made to: a covering AE is the `reassigned` event's, not the record's.
    ae: ae.rep,
    prospect: {
      name: prospectName,
      title: strongContact ? random.pick(words.CHAMPION_TITLES) : random.pick(words.USER_TITLES),
      role: strongContact
        ? random.pick(["champion", "economic_buyer", "decision_maker"] as const)
        : random.pick(["user", "unknown"] as const),
      influence: strongContact ? random.pick(["medium", "high"] as const) : random.pick(["none", "low"] as const),
      email: `${prospectName.toLowerCase().replace(" ", ".")}@${company.toLowerCase().replace(" ", "-")}.example`,
    },
    account: {
      name: company,
      domain: `${company.toLowerCase().replace(" ", "-")}.example`,
      industry,
      employees,
      region: sdr.region,
    },
    brief: generateBrief(quality, employees, qualifiedAt, random),
    qualification: {
      framework: segment === "enterprise" ? "meddpicc" : "bant",
      evidence: generateEvidence(segment, quality, sdr.rep.id, qualifiedAt, random),
    },
    ...(meeting === undefined
      ? {}
      : {
          meeting: {
            ...meeting,
            style: warm ? ("warm" as const) : ("cold" as const),
            introSent: events.some((e) => e.type === "intro_sent"),
            sdrJoined,
          },
        }),
    events,
  };
}

interface HandoffContext {
  readonly id: string;
  readonly sdr: SdrProfile;
  readonly ae: AeProfile;
  readonly segment: Segment;
  readonly employees: number;
  readonly offIcp: boolean;
  readonly quality: number;
  readonly warm: boolean;
  readonly asOf: number;
  readonly random: Random;
  readonly strongContact: boolean;
}

interface Slot {
  readonly start: number;
  readonly end: number;
}

interface DraftEvent {
  readonly at: number;
  readonly by: string;
  readonly body: DistributiveOmit<EventInput, "id" | "at" | "by">;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Plays the handoff forward from qualification (a before-meeting acceptance gate, as the
 * handoff-checklist article has it) and keeps what happened by `asOf`.
 */
function simulateEvents(
  context: HandoffContext,
  qualifiedAt: number,
): { events: EventInput[]; meeting: { start: string; end: string } | undefined; sdrJoined: boolean } {
  const drafts: DraftEvent[] = [];
  const { random } = context;
  let sdrJoined = false;
  let owner = context.ae;

  let cycleStart = qualifiedAt;
  for (let cycle = 1; cycle <= 2; cycle += 1) {
    const quality = clamp01(context.quality + (cycle - 1) * 0.25);
    const bookedAt = cycleStart + random.int(5, 40) * MINUTE;
    let slot = meetingSlot(context, bookedAt, random.int(1, 7));
    drafts.push({ at: bookedAt, by: context.sdr.rep.id, body: { type: "booked", meeting: isoSlot(slot) } });
    const decisionAt = decisionTime(context, bookedAt, slot.start);
    if (context.warm) {
      // The intro goes out before the AE decides: nobody introduces an AE who has already said no.
      drafts.push({
        at: Math.min(bookedAt + random.int(5, 90) * MINUTE, decisionAt - MINUTE),
        by: context.sdr.rep.id,
        body: { type: "intro_sent" },
      });
    }
    const cover = coveringAe(owner, random);
    if (cover !== undefined && decisionAt - bookedAt > 2 * HOUR) {
      // The AE is out (leave, territory change): revenue operations hands the meeting to a colleague.
      drafts.push({
        at: bookedAt + HOUR,
        by: "ops-revops",
        body: { type: "reassigned", role: "ae", to: cover.rep.id },
      });
      owner = cover;
    }
    const acknowledgedAt = Math.min(acknowledgeTime(bookedAt, random), decisionAt - MINUTE);
    drafts.push({ at: Math.max(acknowledgedAt, bookedAt + MINUTE), by: owner.rep.id, body: { type: "acknowledged" } });

    const rejection = rejectionFor(context, quality);
    if (rejection !== undefined) {
      drafts.push({
        at: decisionAt,
        by: owner.rep.id,
        body: { type: "rejected", reason: rejection, note: words.REJECTIONS[rejection] },
      });
      drafts.push({
        at: decisionAt + random.int(2, 30) * MINUTE,
        by: owner.rep.id,
        body: { type: "cancelled", note: "Meeting released after rejection" },
      });
      if (rejection === "duplicate" || !random.chance(0.7)) break;
      const recycledAt = decisionAt + random.int(1, 4) * DAY;
      const nextTouchAt = recycledAt + nextTouchDays(rejection, random) * DAY;
      drafts.push({
        at: recycledAt,
        by: context.sdr.rep.id,
        body: {
          type: "recycled",
          reason: rejection,
          nextTouchAt: iso(nextTouchAt),
          nurturePlan: random.pick(words.NURTURE_PLANS),
        },
      });
      if (cycle === 2 || nextTouchAt > context.asOf - 3 * DAY || !random.chance(0.5)) break;
      cycleStart = nextTouchAt + random.int(0, 5) * DAY;
      continue;
    }

    const amount = dealAmount(context.segment, random);
    drafts.push({
      at: decisionAt,
      by: owner.rep.id,
      body: { type: "accepted", opportunityId: `opp-${context.id}`, amount, currency: "USD" },
    });
    // The AE's first touch with the prospect (the confirmation email), timed from the handoff as the
    // cited articles measure it (docs/sources.md), and sent before the meeting.
    const followUpAt = Math.max(
      bookedAt + 2 * MINUTE,
      Math.min(bookedAt + followUpDelay(random), slot.start - 10 * MINUTE),
    );
    drafts.push({
      at: followUpAt,
      by: owner.rep.id,
      body: { type: "first_follow_up", channel: random.pick(["email", "call"] as const) },
    });

    if (random.chance(0.06)) {
      const movedAt = slot.start - random.int(2, 40) * HOUR;
      slot = meetingSlot(context, Math.max(movedAt, decisionAt + MINUTE), random.int(1, 5));
      drafts.push({
        at: Math.max(movedAt, decisionAt + MINUTE),
        by: owner.rep.id,
        body: { type: "rescheduled", meeting: isoSlot(slot), note: "Prospect asked for a later slot" },
      });
    } else if (random.chance(0.03)) {
      drafts.push({
        at: Math.max(decisionAt + MINUTE, slot.start - random.int(1, 30) * HOUR),
        by: context.sdr.rep.id,
        body: { type: "cancelled", note: "Prospect cancelled; travelling" },
      });
      break;
    }

    const heldProbability = Math.min(0.95, Math.max(0.4, 0.66 + (context.warm ? 0.14 : 0) + 0.16 * (quality - 0.5)));
    if (!random.chance(heldProbability)) {
      drafts.push({ at: slot.start + random.int(10, 15) * MINUTE, by: owner.rep.id, body: { type: "no_show" } });
      break;
    }
    sdrJoined = context.warm && random.chance(0.8);
    drafts.push({ at: slot.end, by: owner.rep.id, body: { type: "meeting_held" } });
    const score = Math.min(5, Math.max(1, Math.round(1 + 4 * quality + random.between(-0.7, 0.7)))) as
      1 | 2 | 3 | 4 | 5;
    drafts.push({
      at: slot.end + random.int(30, 20 * 60) * MINUTE,
      by: owner.rep.id,
      body: { type: "quality_rated", score, note: words.QUALITY_NOTES[score] },
    });

    const closedAt = slot.end + random.int(14, 70) * DAY;
    if (random.chance(0.3 + 0.2 * quality)) {
      drafts.push({ at: closedAt, by: owner.rep.id, body: { type: "opportunity_won", amount, currency: "USD" } });
    } else if (random.chance(0.45)) {
      const [reason, note] = random.pick(words.LOSS_REASONS);
      drafts.push({ at: closedAt, by: owner.rep.id, body: { type: "opportunity_lost", reason, note } });
    }
    break;
  }

  const kept = drafts
    .map((draft) => ({ ...draft, at: Math.round(draft.at / MINUTE) * MINUTE }))
    .filter((draft) => draft.at <= context.asOf)
    .sort((a, b) => a.at - b.at);
  const events = kept.map(({ at, by, body }, index): EventInput => ({
    id: `${context.id}-e${String(index + 1)}`,
    at: iso(at),
    by,
    ...body,
  }));
  const lastSlot = kept.findLast((d) => d.body.type === "booked" || d.body.type === "rescheduled");
  const meeting = lastSlot !== undefined && "meeting" in lastSlot.body ? lastSlot.body.meeting : undefined;
  return {
    events,
    meeting: meeting as { start: string; end: string } | undefined,
    sdrJoined: sdrJoined && events.some((e) => e.type === "meeting_held"),
  };
}

function meetingSlot(context: HandoffContext, after: number, workdaysAhead: number): Slot {
  const zone = context.ae.rep.timeZone ?? "UTC";
  const day = addWorkdays(localDateOf(zone, after), workdaysAhead, REGION_HOLIDAYS[context.ae.region]);
  const start = instantAt(zone, day, 9 * 60 + 30 * context.random.int(0, 15));
  return { start, end: start + context.random.pick([30, 45]) * MINUTE };
}

const isoSlot = (slot: Slot): { start: string; end: string } => ({ start: iso(slot.start), end: iso(slot.end) });

/** Now and then (3%) a North American AE is out and a colleague in the region covers. */
function coveringAe(ae: AeProfile, random: Random): AeProfile | undefined {
  if (ae.region !== "NA" || !random.chance(0.03)) return undefined;
  return random.pick(SAMPLE_AES.filter((other) => other.region === ae.region && other !== ae));
}

function decisionTime(context: HandoffContext, bookedAt: number, meetingStart: number): number {
  const { random } = context;
  const late = random.chance(context.ae.lateRate);
  const delay = late ? random.between(26, 60) * HOUR : random.between(0.5, 20) * HOUR;
  const latest = meetingStart - 15 * MINUTE;
  return Math.max(bookedAt + 5 * MINUTE, Math.min(bookedAt + delay, latest));
}

function acknowledgeTime(bookedAt: number, random: Random): number {
  const band = random.weighted<"fast" | "hours" | "days">([
    ["fast", 70],
    ["hours", 25],
    ["days", 5],
  ]);
  const minutes =
    band === "fast" ? random.int(5, 55) : band === "hours" ? random.int(60, 360) : random.int(24 * 60, 48 * 60);
  return bookedAt + minutes * MINUTE;
}

function followUpDelay(random: Random): number {
  const band = random.weighted<"within_hour" | "same_day" | "next_day" | "late">([
    ["within_hour", 40],
    ["same_day", 30],
    ["next_day", 20],
    ["late", 10],
  ]);
  const hours =
    band === "within_hour"
      ? random.between(0.05, 1)
      : band === "same_day"
        ? random.between(1, 6)
        : band === "next_day"
          ? random.between(16, 40)
          : random.between(48, 96);
  return hours * HOUR;
}

function rejectionFor(context: HandoffContext, quality: number): RejectionCode | undefined {
  const { random } = context;
  let acceptance = 0.3 + 0.6 * quality;
  if (context.employees < 50) acceptance -= 0.35;
  if (context.offIcp) acceptance -= 0.4;
  if (!context.strongContact) acceptance -= 0.15;
  if (random.chance(Math.min(0.95, Math.max(0.05, acceptance)))) return undefined;
  if (context.employees < 50 && random.chance(0.8)) return "under_minimum_size";
  if (context.offIcp && random.chance(0.8)) return "wrong_vertical";
  if (!context.strongContact && random.chance(0.6)) return "wrong_economic_buyer";
  return random.weighted<RejectionCode>([
    ["no_budget", 24],
    ["timing", 22],
    ["no_real_pain", quality < 0.5 ? 22 : 8],
    ["competitor", 9],
    ["wrong_economic_buyer", 8],
    ["duplicate", 4],
    ["other", 5],
  ]);
}

function nextTouchDays(reason: RejectionCode, random: Random): number {
  if (reason === "timing") return random.int(21, 90);
  if (reason === "no_budget") return random.int(60, 150);
  return random.int(30, 120);
}

function dealAmount(segment: Segment, random: Random): number {
  const [low, high] =
    segment === "smb" ? [8_000, 25_000] : segment === "mid_market" ? [25_000, 90_000] : [90_000, 400_000];
  return Math.round(random.between(low, high) / 500) * 500;
}

function pickSegment(region: Region, random: Random): Segment {
  return region === "NA"
    ? random.weighted<Segment>([
        ["smb", 40],
        ["mid_market", 40],
        ["enterprise", 20],
      ])
    : random.weighted<Segment>([
        ["smb", 20],
        ["mid_market", 50],
        ["enterprise", 30],
      ]);
}

function pickEmployees(segment: Segment, random: Random): number {
  if (segment === "smb") return random.chance(0.15) ? random.int(12, 49) : random.int(50, 199);
  if (segment === "mid_market") return random.int(200, 1_999);
  return random.int(2_000, 20_000);
}

function assignAe(region: Region, segment: Segment): AeProfile {
  const ae = SAMPLE_AES.find((candidate) => candidate.region === region && candidate.segments.includes(segment));
  if (ae === undefined) throw new RangeError(`no AE covers ${region}/${segment}`);
  return ae;
}

function generateBrief(quality: number, employees: number, qualifiedAt: number, random: Random): Brief {
  const notes =
    quality > 0.55
      ? random.pick(words.SPECIFIC_NOTES).replace("{size}", String(employees))
      : quality > 0.3
        ? random.pick(words.VAGUE_NOTES)
        : random.pick(words.GENERIC_NOTES);
  const trigger = random.pick(words.TRIGGERS);
  const engagement = Array.from({ length: random.int(1, 5) }, () => ({
    channel: random.pick(["call", "email", "content", "webinar", "form"] as const),
    at: iso(qualifiedAt - random.int(1, 40) * DAY + random.int(0, 8) * HOUR),
  })).sort((a, b) => a.at.localeCompare(b.at));
  return {
    notes,
    ...(quality > 0.5 ? { quotes: [random.pick(words.QUOTES)] } : {}),
    ...(quality > 0.35
      ? {
          discovery: {
            prospectRole: random.pick(words.CHAMPION_TITLES),
            prompt: "Replied to an outbound sequence about board reporting",
            problem: random.pick(words.PROBLEMS),
          },
        }
      : {}),
    ...(quality > 0.4
      ? { icpFit: { signal: `Hiring ${String(random.int(2, 6))} RevOps roles this quarter`, verified: quality > 0.6 } }
      : {}),
    ...(quality > 0.45
      ? { trigger: { kind: trigger.kind, description: trigger.description, timing: trigger.timing } }
      : quality > 0.3
        ? { trigger: { kind: trigger.kind, description: trigger.description } }
        : {}),
    techStack: {
      inUse: [random.pick(words.TOOLS_IN_USE), random.pick(words.TOOLS_IN_USE)].filter(
        (tool, i, all) => all.indexOf(tool) === i,
      ),
      ...(quality > 0.4 ? { unhappyWith: ["spreadsheets"] } : {}),
    },
    ...(quality > 0.5
      ? {
          budget: {
            controller: "VP Revenue Operations",
            allocated: random.pick(["yes", "unknown"] as const),
            buyingProcess: "Procurement review above $25k",
          },
        }
      : quality > 0.3
        ? { budget: { allocated: "unknown" as const } }
        : {}),
    ...(random.chance(0.4) ? { objections: [random.pick(words.OBJECTIONS)] } : {}),
    ...(random.chance(0.3) ? { competitors: [random.pick(words.COMPETITORS)] } : {}),
    ...(quality > 0.6
      ? {
          stakeholders: [
            {
              name: `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}`,
              title: "CFO",
              role: "economic_buyer" as const,
              influence: "high" as const,
            },
          ],
        }
      : {}),
    nextStep:
      quality > 0.5
        ? { inProspectWords: random.pick(words.NEXT_STEPS), promised: "A tailored demo" }
        : { promised: "A demo" },
    engagement,
  };
}

const CRITERIA = {
  bant: ["budget", "authority", "need", "timing"],
  meddpicc: ["metrics", "economicBuyer", "decisionCriteria", "identifyPain", "champion"],
} as const;

function generateEvidence(
  segment: Segment,
  quality: number,
  sdrId: string,
  qualifiedAt: number,
  random: Random,
): Record<string, Evidence> {
  const criteria = segment === "enterprise" ? CRITERIA.meddpicc : CRITERIA.bant;
  const evidence: Record<string, Evidence> = {};
  for (const criterion of criteria) {
    const roll = quality + random.between(-0.3, 0.3);
    const state = roll > 0.7 ? "validated" : roll > 0.45 ? "noted" : roll > 0.25 ? "suggested" : "unknown";
    const notes = words.EVIDENCE_NOTES[criterion];
    // Strong reps write specific notes; weaker ones, and AI suggestions, are often vague.
    const vague = state === "suggested" || random.chance(Math.max(0, 0.6 - quality));
    const note = notes === undefined ? undefined : random.pick(vague ? notes.vague : notes.specific);
    evidence[criterion] =
      state === "unknown"
        ? { state }
        : {
            state,
            ...(note === undefined ? {} : { note }),
            source: state === "suggested" ? "ai_notes" : "call",
            recordedBy: sdrId,
            recordedAt: iso(qualifiedAt),
          };
  }
  return evidence;
}
