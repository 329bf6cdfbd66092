import { describe, expect, it } from "vitest";
import {
  EVIDENCE_STATES,
  evidenceSchema,
  frameworkKeySchema,
  qualificationRecordSchema,
  verdictSnapshotSchema,
} from "../../src/qualification/index.js";

describe("evidence", () => {
  it("orders states from no evidence to ruled out", () => {
    expect(EVIDENCE_STATES).toEqual(["unknown", "suggested", "noted", "validated", "disqualifying"]);
  });

  it("parses a rep's validated evidence with its quote, source, author and time", () => {
    const evidence = evidenceSchema.parse({
      state: "validated",
      note: "Dana Ruiz owns the budget",
      quote: "It's my budget line.",
      source: "call",
      recordedBy: "sdr-ana",
      recordedAt: "2026-11-03T10:20:00-05:00",
    });
    expect(evidence.recordedAt).toEqual(new Date(Date.UTC(2026, 10, 3, 15, 20)));
    expect(evidence.source).toBe("call");
  });

  it("names the bad field", () => {
    const result = evidenceSchema.safeParse({ state: "confirmed", source: "gut feeling", note: "" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["state", "note", "source"]);
  });
});

describe("qualification record", () => {
  it("keeps evidence by criterion key", () => {
    const record = qualificationRecordSchema.parse({
      framework: "meddpicc_lite",
      evidence: { economicBuyer: { state: "noted", note: "CFO Lee Park signs" }, metrics: { state: "unknown" } },
    });
    expect(Object.keys(record.evidence)).toEqual(["economicBuyer", "metrics"]);
  });

  it("refuses keys that are not identifiers and framework keys that are not lower case", () => {
    const result = qualificationRecordSchema.safeParse({
      framework: "BANT",
      evidence: { "bad key": { state: "noted" } },
    });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["framework", "evidence.bad key"]);
    expect(frameworkKeySchema.safeParse("1bant").success).toBe(false);
  });

  it("stores a verdict snapshot naming the definition version", () => {
    expect(
      verdictSnapshotSchema.safeParse({
        status: "qualified",
        definitionId: "sql",
        definitionVersion: 0,
        evaluatedAt: 0,
      }).success,
    ).toBe(false);
    expect(
      verdictSnapshotSchema.safeParse({ status: "maybe", definitionId: "sql", definitionVersion: 1, evaluatedAt: 0 })
        .success,
    ).toBe(false);
    expect(
      verdictSnapshotSchema.safeParse({
        status: "disqualified",
        definitionId: "sql",
        definitionVersion: 1,
        evaluatedAt: 0,
      }).success,
    ).toBe(true);
  });
});
