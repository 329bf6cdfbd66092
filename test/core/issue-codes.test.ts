// How zod's issues become the library's: each unknown key named on its own path, and a refinement's
// code kept only when the library lists it.
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { fromZodIssues } from "../../src/core/issue.js";

describe("fromZodIssues", () => {
  it("names each unknown key by its own path", () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: "x", note: 1, titel: 2 });
    expect(result.success).toBe(false);
    expect(fromZodIssues(result.error?.issues ?? [], ["brief"])).toEqual([
      { code: "unrecognized_keys", path: ["brief", "note"], message: 'Unknown key "note"' },
      { code: "unrecognized_keys", path: ["brief", "titel"], message: 'Unknown key "titel"' },
    ]);
  });

  it("keeps a refinement's code the library lists, and leaves any other as custom", () => {
    const refined = (code: string) =>
      z
        .string()
        .refine(() => false, { message: "no", params: { code } })
        .safeParse("x").error?.issues ?? [];
    expect(fromZodIssues(refined("end_before_start"))[0]?.code).toBe("end_before_start");
    expect(fromZodIssues(refined("made_up"))[0]?.code).toBe("custom");
  });
});
