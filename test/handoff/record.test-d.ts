import { describe, expectTypeOf, it } from "vitest";
import type { Issue } from "../../src/core/issue.js";
import type { ParseOptions, Result, ValidRecord } from "../../src/core/result.js";
import {
  parseHandoff,
  parseHandoffs,
  type Brief,
  type HANDOFF_EVENT_TYPES,
  type Handoff,
  type HandoffEvent,
  type HandoffEventType,
  type HandoffInput,
} from "../../src/handoff/index.js";

describe("record model types", () => {
  it("HANDOFF_EVENT_TYPES lists exactly the event union's types", () => {
    expectTypeOf<(typeof HANDOFF_EVENT_TYPES)[number]>().toEqualTypeOf<HandoffEventType>();
  });

  it("events narrow on type", () => {
    expectTypeOf<Extract<HandoffEvent, { type: "quality_rated" }>["score"]>().toEqualTypeOf<number>();
    expectTypeOf<Extract<HandoffEvent, { type: "rejected" }>["reason"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<HandoffEvent, { type: "booked" }>["meeting"]>().toEqualTypeOf<{
      readonly start: Date;
      readonly end: Date;
    }>();
    // @ts-expect-error a rejection without a reason is not a rejected event
    const rejected: HandoffEvent = { id: "e", type: "rejected", at: new Date(0), by: "ae", note: "x" };
    expectTypeOf(rejected).toEqualTypeOf<HandoffEvent>();
  });

  it("input instants may be strings, numbers or Dates; parsed ones are Dates", () => {
    expectTypeOf<HandoffInput["createdAt"]>().toEqualTypeOf<string | number | Date | undefined>();
    expectTypeOf<Handoff["createdAt"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<Handoff["events"][number]["at"]>().toEqualTypeOf<Date>();
  });

  it("defaults make parsed fields present that inputs may omit", () => {
    expectTypeOf<undefined>().toExtend<HandoffInput["brief"]>();
    expectTypeOf<undefined>().not.toExtend<Handoff["brief"]>();
    expectTypeOf<Handoff["brief"]>().toEqualTypeOf<Brief>();
    expectTypeOf<undefined>().toExtend<HandoffInput["events"]>();
    expectTypeOf<Handoff["events"]>().toEqualTypeOf<readonly HandoffEvent[]>();
  });

  it("parsed records are readonly, all the way down", () => {
    /* eslint-disable @typescript-eslint/no-unsafe-call -- the calls below must not compile; eslint sees
       them unresolved */
    const handoff = {} as Handoff;
    // @ts-expect-error the history is the record's: a new event goes through applyEvent
    handoff.events.push({ id: "e", type: "intro_sent", at: new Date(0), by: "sdr" });
    // @ts-expect-error fields of a parsed record are readonly
    handoff.brief.notes = "edited";
    // @ts-expect-error nested lists too
    handoff.brief.quotes?.push("a quote");
    const event = {} as HandoffEvent;
    // @ts-expect-error an event's instant is part of the history
    event.at = new Date(0);
    /* eslint-enable @typescript-eslint/no-unsafe-call */
  });

  it("parse functions return results, never throw types", () => {
    expectTypeOf(parseHandoff).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseHandoff).returns.toEqualTypeOf<Result<Handoff>>();
    const result = parseHandoff({});
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<Handoff>();
      expectTypeOf(result).not.toHaveProperty("issues");
    } else {
      expectTypeOf(result.issues[0]?.path).toEqualTypeOf<readonly (string | number)[] | undefined>();
    }
    expectTypeOf(parseHandoffs([]).valid[0]).toEqualTypeOf<ValidRecord<Handoff> | undefined>();
    expectTypeOf(parseHandoffs([]).valid[0]?.warnings).toEqualTypeOf<readonly Issue[] | undefined>();
    if (result.ok) expectTypeOf(result.warnings).toEqualTypeOf<readonly Issue[] | undefined>();
    expectTypeOf(parseHandoff).parameter(1).toEqualTypeOf<ParseOptions | undefined>();
    // @ts-expect-error: strict is a boolean
    parseHandoff({}, { strict: "yes" });
  });
});
