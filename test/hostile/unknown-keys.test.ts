// Typos must not vanish (issue "Every input answered", silent loss): fields the model does not know
// are dropped but reported as warnings with their path, and refused with `strict: true`.
import { describe, expect, it } from "vitest";
import { parseBrief, parseCalendar, parseHandoff, parseHandoffs } from "../fixtures/all-exports.js";
import { handoffInput } from "../fixtures/handoff.js";

const paths = (issues: readonly { readonly path: readonly (string | number)[] }[] | undefined): string[] =>
  (issues ?? []).map((issue) => issue.path.join("."));

describe("unknown fields", () => {
  const typos = {
    ...handoffInput(),
    brief: {
      ...handoffInput().brief,
      note: "She owns the budget",
      quote: "We rebuild the deck by hand",
      icp_fit: { signal: "Hiring" },
    },
    prospect: { name: "Dana Ruiz", titel: "VP RevOps" },
  };

  it("are dropped and reported as warnings, typos and a CRM's own fields alike", () => {
    const result = parseHandoff(typos);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // handoffInput() carries crmOwnerId, a CRM's own field; the other four are typos.
    expect(paths(result.warnings).sort()).toEqual([
      "brief.icp_fit",
      "brief.note",
      "brief.quote",
      "crmOwnerId",
      "prospect.titel",
    ]);
    expect(result.warnings?.every((warning) => warning.code === "unknown_key")).toBe(true);
    expect(result.value.brief).not.toHaveProperty("note");
  });

  it("are refused with strict: true", () => {
    const result = parseHandoff(typos, { strict: true });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(paths(result.issues).sort()).toEqual([
        "brief.icp_fit",
        "brief.note",
        "brief.quote",
        "crmOwnerId",
        "prospect.titel",
      ]);
  });

  it("a clean record has no warnings; a key whose value is undefined says nothing", () => {
    const { crmOwnerId: _dropped, ...clean } = handoffInput();
    const result = parseHandoff({ ...clean, brief: { ...clean.brief, notes: clean.brief?.notes, extra: undefined } });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.warnings).toBeUndefined();
  });

  it("a __proto__ key from JSON is reported, and the parsed value keeps its prototype", () => {
    const result = parseBrief(JSON.parse('{"notes": "Board pack takes 3 days", "__proto__": {"polluted": true}}'));
    expect(result.ok && paths(result.warnings)).toEqual(["__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("a batch carries each valid record's warnings, by index, and strict moves them to invalid", () => {
    const { crmOwnerId: _dropped, ...clean } = handoffInput();
    const batch = parseHandoffs([clean, typos]);
    expect(batch.valid.map((entry) => [entry.index, paths(entry.warnings).length])).toEqual([
      [0, 0],
      [1, 5],
    ]);
    expect(parseHandoffs([clean, typos], { strict: true }).invalid.map((entry) => entry.index)).toEqual([1]);
  });
});

describe("unknown fields of a calendar spec", () => {
  // `holiday` for `holidays` would leave the calendar with no holidays at all; `nmae` loses a name.
  const spec = {
    timeZone: "Europe/London",
    week: { mon: [["09:00", "17:00"]] },
    holiday: ["2026-12-25"],
    holidays: [{ date: "2026-12-26", nmae: "Boxing Day" }],
  };

  it("are warnings with their path, and issues with strict: true", () => {
    const result = parseCalendar(spec);
    expect(result.ok && paths(result.warnings).sort()).toEqual(["holiday", "holidays.0.nmae"]);
    const strict = parseCalendar(spec, { strict: true });
    expect(strict.ok ? [] : paths(strict.issues).sort()).toEqual(["holiday", "holidays.0.nmae"]);
    expect(parseCalendar({ timeZone: "UTC", week: {} })).toEqual({ ok: true, value: expect.anything() as unknown });
  });
});
