import { describe, expectTypeOf, it } from "vitest";
import type { Result } from "../../src/core/result.js";
import type { HandoffEvent } from "../../src/handoff/index.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  addBusinessTime,
  businessTimeBetween,
  defineCalendar,
  defineSlaPolicy,
  evaluateSla,
  nextClose,
  openIntervals,
  parseCalendar,
  type Calendar,
  type CalendarSpec,
  type OpenInterval,
} from "../../src/sla/index.js";

describe("sla types", () => {
  it("only defineCalendar makes a Calendar", () => {
    // @ts-expect-error a look-alike object is not a calendar
    const fake: Calendar = { timeZone: "UTC", spec: { timeZone: "UTC", week: {}, holidays: [] } };
    expectTypeOf(fake).toEqualTypeOf<Calendar>();
    expectTypeOf(defineCalendar).returns.toEqualTypeOf<Calendar>();
    expectTypeOf(parseCalendar).returns.toEqualTypeOf<Result<Calendar>>();
  });

  it("specs name weekdays and windows as pairs of times", () => {
    expectTypeOf<{ timeZone: string; week: { mon: [["09:00", "17:00"]] } }>().toExtend<CalendarSpec>();
    // @ts-expect-error "funday" is not a weekday
    const bad: CalendarSpec = { timeZone: "UTC", week: { funday: [] } };
    expectTypeOf(bad).toEqualTypeOf<CalendarSpec>();
    expectTypeOf<{ timeZone: string; week: { mon: [["09:00"]] } }>().not.toExtend<CalendarSpec>();
  });

  it("instants in are Date or epoch ms; out are Date; durations are ms", () => {
    expectTypeOf(addBusinessTime).parameter(0).toEqualTypeOf<Date | number>();
    expectTypeOf(addBusinessTime).parameter(2).toEqualTypeOf<Calendar>();
    expectTypeOf(addBusinessTime).returns.toEqualTypeOf<Date>();
    expectTypeOf(businessTimeBetween).returns.toEqualTypeOf<number>();
    expectTypeOf(nextClose).returns.toEqualTypeOf<Date | null>();
    expectTypeOf(openIntervals).returns.toEqualTypeOf<Generator<OpenInterval, void, undefined>>();
  });
});

describe("handoff events drive the built-in policies", () => {
  it("evaluateSla takes parsed handoff events as they are", () => {
    const events: HandoffEvent[] = [];
    expectTypeOf(evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now: 0 }).state).toEqualTypeOf<
      "not_started" | "running" | "paused" | "met" | "breached" | "cancelled"
    >();
  });

  it("a policy over handoff events lists only their types", () => {
    const target = { kind: "calendar_time", ms: 3_600_000 } as const;
    const policy = defineSlaPolicy<HandoffEvent>({
      id: "ack",
      label: "Acknowledge within an hour",
      start: ["booked"],
      stop: ["acknowledged"],
      target,
    });
    expectTypeOf(policy.start).toEqualTypeOf<readonly HandoffEvent["type"][]>();
    defineSlaPolicy<HandoffEvent>({
      id: "ack",
      label: "Acknowledge within an hour",
      // @ts-expect-error "bokked" is not a handoff event type
      start: ["bokked"],
      stop: ["acknowledged"],
      target,
    });
    // Over events of any type, any name goes.
    expectTypeOf(
      defineSlaPolicy({ id: "triage", label: "Triage", start: ["created"], stop: ["triaged"], target }).start,
    ).toEqualTypeOf<readonly string[]>();
  });
});
