import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import { ERROR_MESSAGES, MESSAGE_PREFIX, type ErrorCode } from "../../src/core/messages.js";

describe("HandoffKitError", () => {
  it("carries its code, issues and a message built from the code's message", () => {
    const issues = [{ code: "invalid_type" as const, path: ["week", "mon", 0], message: "Expected a window" }];
    const error = new HandoffKitError("invalid_calendar", { issues, detail: "spec" });
    expect(error.code).toBe("invalid_calendar");
    expect(error.issues).toBe(issues);
    expect(error.name).toBe("HandoffKitError");
    expect(error.message).toBe(
      `${MESSAGE_PREFIX} invalid_calendar: ${ERROR_MESSAGES.invalid_calendar} (spec): week.mon[0]: Expected a window`,
    );
  });

  it("lists the first three issues and counts the rest", () => {
    const issues = ["a", "b", "c", "d", "e"].map((key) => ({
      code: "custom" as const,
      path: [key],
      message: `bad ${key}`,
    }));
    const message = new HandoffKitError("invalid_config", { issues }).message;
    expect(message).toContain("a: bad a; b: bad b; c: bad c; and 2 more");
    expect(message).not.toContain("bad d");
  });

  it("names the root when an issue has no path", () => {
    const error = new HandoffKitError("invalid_argument", {
      issues: [{ code: "invalid_type", path: [], message: "Expected an array" }],
    });
    expect(error.message).toMatch(/: \(root\): Expected an array$/);
  });

  it("keeps the cause", () => {
    const cause = new RangeError("boom");
    expect(new HandoffKitError("invalid_time_zone", { cause }).cause).toBe(cause);
    expect("cause" in new HandoffKitError("invalid_time_zone")).toBe(false);
  });

  it("is an Error, and instanceof holds across copies of the library but not for other errors", () => {
    const error = new HandoffKitError("invalid_duration");
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(HandoffKitError);
    expect(new Error("x")).not.toBeInstanceOf(HandoffKitError);
    expect(null).not.toBeInstanceOf(HandoffKitError);
    // A second copy of the library (its CJS build beside the ESM one) brands its errors the same way.
    const fromOtherCopy = Object.assign(new Error("x"), { [Symbol.for("handoff-kit.HandoffKitError")]: true });
    expect(fromOtherCopy).toBeInstanceOf(HandoffKitError);
  });
});

describe("messages", () => {
  it("has one message per code, each a sentence without a trailing period", () => {
    const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(ERROR_MESSAGES[code]).toMatch(/^[A-Z][^\n]*[^.]$/);
    }
  });

  it("puts the fixed prefix and the code first", () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
      expect(new HandoffKitError(code).message.startsWith(`[handoff-kit] ${code}: `)).toBe(true);
    }
  });
});
