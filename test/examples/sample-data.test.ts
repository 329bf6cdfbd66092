import { readdirSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs, generateSampleData } from "../../examples/sample-data/generate.js";
import { createRandom } from "../../examples/sample-data/random.js";
import { sampleFiles } from "../../examples/sample-data/files.js";
import { fromChiliPiperMeetings, fromHubSpotMeetings, fromSalesforceEvents } from "../../src/adapters/index.js";
import { defineLifecycle, openGate, parseHandoffs, replay, summarize, type Handoff } from "../../src/handoff/index.js";
import { parseCalendar } from "../../src/sla/index.js";

const committed = readFileSync(new URL("../../examples/data/sample-handoffs.json", import.meta.url), "utf8");
const sample = JSON.parse(committed) as {
  asOf: string;
  team: { sdrs: unknown[]; aes: unknown[] };
  calendars: Record<string, unknown>;
  handoffs: unknown[];
};
const { valid, invalid } = parseHandoffs(sample.handoffs);
const handoffs: Handoff[] = valid.map((record) => record.value);
const asOf = Date.parse(sample.asOf);
const count = (type: string): number => handoffs.filter((h) => h.events.some((e) => e.type === type)).length;

describe("the bundled sample data", () => {
  it("is, every file of examples/data, exactly what the seeded generator produces (npm run sample-data)", () => {
    const files = sampleFiles(generateSampleData(DEFAULT_SAMPLE_OPTIONS));
    expect(readdirSync(new URL("../../examples/data/", import.meta.url)).sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) {
      const bundled = readFileSync(new URL(`../../examples/data/${name}`, import.meta.url), "utf8");
      expect(bundled === text, name).toBe(true);
    }
  });

  it("is valid against the record model, every record", () => {
    expect(invalid).toEqual([]);
    expect(valid).toHaveLength(sample.handoffs.length);
  });

  it("is a quarter of an 8-SDR, 4-AE team with several hundred handoffs", () => {
    expect(sample.team.sdrs).toHaveLength(8);
    expect(sample.team.aes).toHaveLength(4);
    expect(new Set(handoffs.map((h) => h.sdr.id)).size).toBe(8);
    expect(new Set(handoffs.map((h) => h.ae.id)).size).toBe(4);
    expect(handoffs.length).toBeGreaterThanOrEqual(300);
    const booked = handoffs.map((h) => h.events[0]?.at.getTime() ?? Number.NaN);
    const spanWeeks = (Math.max(...booked) - Math.min(...booked)) / (7 * 86_400_000);
    expect(spanWeeks).toBeGreaterThan(12);
    expect(spanWeeks).toBeLessThanOrEqual(13);
  });

  it("gives every rep a working calendar that handoff-kit/sla accepts, under the key a reassignment looks up", () => {
    // A rep a `reassigned` event names is looked up by id (calendarKeyOf), so the sample keys each by id.
    const keys = new Set(handoffs.flatMap((h) => [summarize(h).sdrCalendarId, summarize(h).aeCalendarId]));
    expect(keys).toEqual(new Set([...handoffs.flatMap((h) => [h.sdr.id, h.ae.id])]));
    for (const key of keys) expect(parseCalendar(sample.calendars[key]).ok, key).toBe(true);
  });

  it("times the AE's first follow-up from the handoff, before the meeting, as the cited articles measure it", () => {
    for (const handoff of handoffs) {
      const followUp = handoff.events.find((e) => e.type === "first_follow_up");
      const booked = handoff.events.findLast(
        (e) => e.type === "booked" && (followUp === undefined || e.at <= followUp.at),
      );
      if (followUp === undefined || booked?.type !== "booked") continue;
      expect(followUp.at.getTime()).toBeGreaterThan(booked.at.getTime());
      expect(followUp.at.getTime()).toBeLessThan(booked.meeting.start.getTime() + 1);
    }
  });

  it("replays cleanly under the sample team's rules (gate before the meeting), every history", () => {
    const rules = defineLifecycle({ gate: "before_meeting", bookingGate: openGate });
    const refused = handoffs
      .map((handoff) => replay(handoff.events, rules, { handoff }))
      .filter((result) => result.refusal !== undefined);
    expect(refused.map((result) => result.refusal?.message)).toEqual([]);
  });

  it("holds every outcome the later modules measure", () => {
    for (const type of [
      "meeting_held",
      "no_show",
      "accepted",
      "rejected",
      "recycled",
      "quality_rated",
      "first_follow_up",
      "rescheduled",
      "reassigned",
      "opportunity_won",
      "opportunity_lost",
    ]) {
      expect(count(type), type).toBeGreaterThan(0);
    }
    expect(handoffs.filter((h) => h.events.filter((e) => e.type === "booked").length > 1).length).toBeGreaterThan(0);
    expect(new Set(handoffs.map((h) => h.source))).toEqual(new Set(["outbound", "inbound", "partner"]));
    expect(new Set(handoffs.map((h) => h.meeting?.style))).toEqual(new Set(["warm", "cold"]));
  });

  it("has realistic rates: held and acceptance near the field's bands (the 2027 handoff-process Q&A)", () => {
    const held = count("meeting_held");
    const noShow = count("no_show");
    const accepted = handoffs.reduce((n, h) => n + h.events.filter((e) => e.type === "accepted").length, 0);
    const rejected = handoffs.reduce((n, h) => n + h.events.filter((e) => e.type === "rejected").length, 0);
    expect(held / (held + noShow)).toBeGreaterThan(0.65);
    expect(held / (held + noShow)).toBeLessThan(0.9);
    expect(accepted / (accepted + rejected)).toBeGreaterThan(0.55);
    expect(accepted / (accepted + rejected)).toBeLessThan(0.85);
  });

  it("keeps on the record the AE the handoff was made to; a covering AE comes in by a reassigned event", () => {
    let covered = 0;
    for (const handoff of handoffs) {
      const reassigned = handoff.events.findLast((e) => e.type === "reassigned");
      if (reassigned?.type === "reassigned") {
        covered += 1;
        expect(reassigned.to, handoff.id).not.toBe(handoff.ae.id);
      }
      const owner = reassigned?.type === "reassigned" ? reassigned.to : handoff.ae.id;
      expect(summarize(handoff).aeId).toBe(owner);
      const decision = handoff.events.findLast((e) => e.type === "accepted" || e.type === "rejected");
      if (decision) expect(decision.by).toBe(owner);
    }
    expect(covered).toBeGreaterThan(0);
  });

  it("keeps each history in time order with unique event ids, nothing after the export time", () => {
    for (const handoff of handoffs) {
      const times = handoff.events.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(asOf);
      expect(new Set(handoff.events.map((e) => e.id)).size).toBe(handoff.events.length);
      expect(handoff.events[0]?.type).toBe("booked");
    }
  });

  it("books meetings in the AE's working hours on weekdays, in the AE's zone (a covering AE inherits the slot)", () => {
    const local = (at: Date, timeZone: string) =>
      Object.fromEntries(
        new Intl.DateTimeFormat("en-US", {
          timeZone,
          weekday: "short",
          hour: "numeric",
          minute: "numeric",
          hourCycle: "h23",
        })
          .formatToParts(at)
          .map((part) => [part.type, part.value]),
      );
    for (const handoff of handoffs.filter((h) => !h.events.some((e) => e.type === "reassigned"))) {
      for (const event of handoff.events) {
        if (event.type !== "booked" && event.type !== "rescheduled") continue;
        const start = local(event.meeting.start, handoff.ae.timeZone ?? "UTC");
        expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(start["weekday"]);
        const minutes = Number(start["hour"]) * 60 + Number(start["minute"]);
        expect(minutes).toBeGreaterThanOrEqual(9 * 60);
        expect(minutes).toBeLessThanOrEqual(16 * 60 + 30);
      }
    }
  });
});

describe("the generator", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const options = { ...DEFAULT_SAMPLE_OPTIONS, weeks: 2 };
    expect([...generateHandoffs(options)]).toEqual([...generateHandoffs(options)]);
    expect([...generateHandoffs({ ...options, seed: 7 })]).not.toEqual([...generateHandoffs(options)]);
  });

  it("scales volume for benchmarks", () => {
    const options = { ...DEFAULT_SAMPLE_OPTIONS, weeks: 2 };
    const base = [...generateHandoffs(options)].length;
    expect([...generateHandoffs({ ...options, volumeScale: 10 })].length).toBeGreaterThan(8 * base);
  });

  it("draws from a random source that is uniform enough and reproducible", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draws = Array.from({ length: 10_000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 10_000 }, () => b.next()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const buckets = new Array<number>(10).fill(0);
    for (const draw of draws) buckets[Math.floor(draw * 10)] = (buckets[Math.floor(draw * 10)] ?? 0) + 1;
    for (const bucket of buckets) expect(Math.abs(bucket - 1_000)).toBeLessThan(150);
  });
});

const EXPORTS = [
  ["hubspot", "hubspot-meetings", fromHubSpotMeetings],
  ["salesforce", "salesforce-events", fromSalesforceEvents],
  ["chilipiper", "chilipiper-meetings", fromChiliPiperMeetings],
] as const;

describe.each(EXPORTS)("the bundled %s export", (source, file, adapter) => {
  const csv = readFileSync(new URL(`../../examples/data/${file}.csv`, import.meta.url), "utf8");

  it("has a meeting for every booking of the sample, each read by the adapter without an issue", () => {
    const rows = parse<Record<string, string>>(csv, { columns: true });
    // A recycled handoff booked again is a second meeting: one row per booked event.
    expect(rows).toHaveLength(handoffs.flatMap((h) => h.events.filter((e) => e.type === "booked")).length);
    const result = adapter(rows);
    expect(result.issues).toEqual([]);
    expect(result.handoffs).toHaveLength(rows.length);
  });
});
