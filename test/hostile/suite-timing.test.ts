// The hostile suite's time bound: about fifty hostile cases posted to a worker thread, each call
// required to return within 2 s of wall time. The worker times every call and says when one starts,
// so a call that never returns is caught from here: the worker is terminated, the call reported,
// and a fresh worker takes the next case. The slowest calls are printed.
//
// Timing runs in a worker, not as a timed unit test of normal code: a hang in the library must
// fail this test, not stall the run, and the other tests must not depend on the machine's speed.
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { caseAt, casesOf, HOSTILE, RECORDS, SAMPLE, type Bases } from "./hostile-arbitraries.js";
import {
  CALENDAR_BASES,
  CALENDAR_LIST,
  EVENT_LISTS,
  labelOf,
  QUALIFICATION_BASES,
  ROWS,
  type TimingCase,
} from "./hostile-harness.js";
import type { TimingMessage, TimingRequest } from "./hostile-worker.js";

const BOUND_MS = 2_000;
/** How long past the bound a call may run before the worker is stopped (the call has failed already). */
const GIVE_UP_MS = BOUND_MS + 500;

interface Timed {
  readonly fn: string;
  readonly mode: string;
  readonly ms: number;
  readonly outcome: string;
  readonly label: string;
  /** The call never returned: the worker was terminated. */
  readonly hung: boolean;
}

/** A worker running the harness through tsx: Node's workers run JavaScript, so the entry imports tsx's loader first. */
function startWorker(): { worker: Worker; ready: Promise<void> } {
  const entry = new URL("./hostile-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: TimingMessage): void => {
      if (message.type !== "ready") return;
      worker.off("message", onMessage);
      resolve();
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
  });
  return { worker, ready };
}

class TimingPool {
  private current: { worker: Worker; ready: Promise<void> } | undefined;
  private next = 0;

  /** Runs one case; resolves with each call's time, and the call that did not return if one did not. */
  async run(timing: TimingCase): Promise<Timed[]> {
    this.current ??= startWorker();
    const { worker, ready } = this.current;
    await ready;
    const id = (this.next += 1);
    const label = labelOf(timing);
    return new Promise<Timed[]>((resolve, reject) => {
      const calls: Timed[] = [];
      let running: { fn: string; mode: string; since: number } | undefined;
      const finish = (): void => {
        clearInterval(watchdog);
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolve(calls);
      };
      const onMessage = (message: TimingMessage): void => {
        if (message.type === "ready" || message.id !== id) return;
        if (message.type === "start") running = { fn: message.fn, mode: message.mode, since: performance.now() };
        else if (message.type === "end") {
          calls.push({
            fn: running?.fn ?? "?",
            mode: running?.mode ?? "?",
            ms: message.ms,
            outcome: message.outcome,
            label,
            hung: false,
          });
          running = undefined;
        } else finish();
      };
      const onError = (error: unknown): void => {
        clearInterval(watchdog);
        this.current = undefined;
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const watchdog = setInterval(() => {
        if (running === undefined || performance.now() - running.since < GIVE_UP_MS) return;
        calls.push({
          fn: running.fn,
          mode: running.mode,
          ms: performance.now() - running.since,
          outcome: "no answer: worker terminated",
          label,
          hung: true,
        });
        this.current = undefined;
        void worker.terminate();
        finish();
      }, 100);
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.postMessage({ id, timing } satisfies TimingRequest);
    });
  }

  async close(): Promise<void> {
    await this.current?.worker.terminate();
    this.current = undefined;
  }
}

const hostileIndex = (label: string): number => {
  const index = HOSTILE.findIndex((hostile) => hostile.label === label);
  if (index < 0) throw new Error(`no hostile value ${label}`);
  return index;
};

const at = caseAt;

/** The first sample record (its base index) with a rejection, and the index of that event. */
const rejected = ((): { base: number; event: number } => {
  for (const [index, handoff] of SAMPLE.handoffs.entries()) {
    const events = handoff["events"] as readonly { type: string }[];
    const event = events.findIndex((candidate) => candidate.type === "rejected");
    if (event >= 0) return { base: index + 1, event };
  }
  throw new Error("the sample has a rejection");
})();

const SPACES = "50k spaces";
const DOTS = "50k dots";
const AS = '50k "a"';
const DOT_SPACES = '25k ". "';

/** Long runs where text is read: notes, quotes, names, ids, a rejection note, evidence. */
const LONG_TEXT: TimingCase[] = [
  ...[SPACES, DOTS, AS, DOT_SPACES].map((label): TimingCase => ({
    domain: "record",
    case: at(RECORDS, 0, "brief.notes", label),
  })),
  { domain: "record", case: at(RECORDS, 0, "brief.quotes.0", AS) },
  { domain: "record", case: at(RECORDS, 0, "brief.nextStep.inProspectWords", DOT_SPACES) },
  { domain: "record", case: at(RECORDS, 0, "brief.discovery.problem", DOTS) },
  { domain: "record", case: at(RECORDS, 0, "events.6.note", DOTS) },
  { domain: "record", case: at(RECORDS, 0, "prospect.name", AS) },
  { domain: "record", case: at(RECORDS, 0, "account.name", AS) },
  { domain: "record", case: at(RECORDS, 0, "events.0.id", AS) },
  { domain: "record", case: at(RECORDS, 0, "qualification.evidence.authority.note", SPACES) },
  { domain: "record", case: at(RECORDS, rejected.base, `events.${String(rejected.event)}.note`, AS) },
  { domain: "record", case: at(RECORDS, rejected.base, `events.${String(rejected.event)}.note`, DOT_SPACES) },
  ...[SPACES, DOTS, AS, DOT_SPACES].map((label): TimingCase => ({
    domain: "text",
    case: { index: hostileIndex(label), spliced: true },
  })),
];

const calendarIndex = (timeZone: string): number =>
  CALENDAR_LIST.findIndex((calendar) => calendar.timeZone === timeZone);

/** Business-day counts near 2^53 and past the Date range, which must be beyond_date_range at once. */
const HUGE_COUNTS: TimingCase[] = [
  { domain: "arithmetic", case: { calendar: 0, instant: -1, duration: hostileIndex(String(2 ** 53)) } },
  {
    domain: "arithmetic",
    case: { calendar: calendarIndex("Asia/Kolkata"), instant: -1, duration: hostileIndex(String(2 ** 53 - 1)) },
  },
  { domain: "arithmetic", case: { calendar: 0, instant: -1, duration: hostileIndex("1e+308") } },
  { domain: "arithmetic", case: { calendar: calendarIndex("UTC"), instant: -1, duration: hostileIndex("-1e+308") } },
];

/** SLA clocks and business time between a 2026 booking and instants at the ends of the Date range. */
const FAR_INSTANTS: TimingCase[] = ["-8640000000000000", "8640000000000000"].flatMap((label): TimingCase[] => [
  { domain: "record", case: at(RECORDS, 0, "events.0.meeting.start", label) },
  { domain: "record", case: at(RECORDS, 0, "events.1.at", label) },
  {
    domain: "arithmetic",
    case: {
      calendar: calendarIndex("Australia/Lord_Howe"),
      instant: hostileIndex(label),
      duration: hostileIndex("1e+200"),
    },
  },
]);

/** Random cases from each generator: different every run. */
const sampled = (domain: TimingCase["domain"], bases: Bases, count: number): TimingCase[] =>
  fc.sample(casesOf(bases), count).map((c) => ({ domain, case: c }));

const pool = new TimingPool();
afterAll(async () => {
  await pool.close();
});

async function timeAll(cases: readonly TimingCase[]): Promise<Timed[]> {
  const all: Timed[] = [];
  for (const timing of cases) all.push(...(await pool.run(timing)));
  return all;
}

const line = (call: Timed): string =>
  `${call.hung ? ">" : ""}${call.ms.toFixed(0)} ms ${call.fn} [${call.mode}] (${call.outcome}) on ${call.label}`;

describe("every call on a hostile case returns within 2 s (timed in a worker)", () => {
  it("long text, huge counts and random hostile cases", { timeout: 60_000 }, async () => {
    const cases = [
      ...LONG_TEXT,
      ...HUGE_COUNTS,
      ...FAR_INSTANTS,
      ...sampled("record", RECORDS, 20),
      ...sampled("row", ROWS, 4),
      ...sampled("sla", EVENT_LISTS, 4),
      ...sampled("qualification", QUALIFICATION_BASES, 2),
      ...sampled("calendar", CALENDAR_BASES, 2),
    ];
    const calls = await timeAll(cases);
    const slowest = [...calls].sort((a, b) => b.ms - a.ms).slice(0, 10);
    console.log(
      `hostile timing: ${String(cases.length)} cases, ` +
        `${String(calls.length)} calls; the slowest:\n${slowest.map(line).join("\n")}`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(calls.filter((call) => call.hung || call.ms > BOUND_MS).map(line)).toEqual([]);
  });
});
