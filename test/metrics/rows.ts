import type { HandoffSummary } from "../../src/handoff/summarize.js";

/** Overrides for a row; `undefined` clears an optional field. */
export type RowOverrides = Partial<HandoffSummary>;

/** A booked, undecided handoff row on 2026-11-02 (a Monday), overridable field by field. */
export function row(overrides: RowOverrides = {}): HandoffSummary {
  return {
    id: "h-1",
    source: "outbound",
    segment: "mid_market",
    sdrId: "sdr-ana",
    aeId: "ae-omar",
    status: "booked",
    cycles: 1,
    createdAt: new Date("2026-11-02T14:00:00Z"),
    bookedAt: new Date("2026-11-02T15:00:00Z"),
    firstBookedAt: new Date("2026-11-02T15:00:00Z"),
    meetingStatus: "scheduled",
    meetingStart: new Date("2026-11-05T15:00:00Z"),
    aeCalendarId: "ae-omar",
    sdrCalendarId: "sdr-ana",
    firstTouchAt: undefined,
    style: undefined,
    acknowledgedAt: undefined,
    decision: undefined,
    decidedAt: undefined,
    reason: undefined,
    firstFollowUpAt: undefined,
    quality: undefined,
    acceptedAmount: undefined,
    acceptedCurrency: undefined,
    wonAmount: undefined,
    wonCurrency: undefined,
    outcome: undefined,
    closedAt: undefined,
    corrections: 0,
    duplicateEvents: 0,
    lateEvents: 0,
    skippedEvents: 0,
    firstSkipped: undefined,
    ...overrides,
  };
}

/** A held, accepted handoff, rated `quality`. */
export const heldAccepted = (id: string, quality: number, overrides: RowOverrides = {}): HandoffSummary =>
  row({
    id,
    status: "accepted",
    decision: "accepted",
    decidedAt: new Date("2026-11-03T09:00:00Z"),
    meetingStatus: "held",
    quality,
    ...overrides,
  });

export const NOW = new Date("2026-11-14T02:00:00Z");
