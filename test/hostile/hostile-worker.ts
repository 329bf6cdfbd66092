// The worker of the hostile suite's timing test: it rebuilds each case it is sent and runs every
// call of it, posting `start` before a call and `end` (with its wall time) after, so the test can
// time each call and stop the worker when one does not return. Loaded through tsx (see
// suite-timing.test.ts), since worker threads do not run TypeScript themselves.
import { parentPort } from "node:worker_threads";
import { HandoffKitError, runTimingCase, type Mode, type Probe, type TimingCase } from "./hostile-harness.js";

export interface TimingRequest {
  readonly id: number;
  readonly timing: TimingCase;
}

export type TimingMessage =
  | { readonly type: "ready" }
  | { readonly type: "start"; readonly id: number; readonly seq: number; readonly fn: string; readonly mode: Mode }
  | { readonly type: "end"; readonly id: number; readonly seq: number; readonly ms: number; readonly outcome: string }
  | { readonly type: "done"; readonly id: number };

const port = parentPort;

if (port !== null) {
  const post = (message: TimingMessage): void => {
    port.postMessage(message);
  };
  port.on("message", ({ id, timing }: TimingRequest) => {
    let seq = 0;
    const probe: Probe = (call) => {
      const current = seq;
      seq += 1;
      post({ type: "start", id, seq: current, fn: `${call.fn}${call.args ?? ""}`, mode: call.mode });
      const started = performance.now();
      let result: unknown;
      let outcome = "returned";
      try {
        result = call.run();
      } catch (error) {
        outcome =
          error instanceof HandoffKitError
            ? `HandoffKitError ${error.code}`
            : `threw ${error instanceof Error ? error.name : typeof error}`;
      }
      post({ type: "end", id, seq: current, ms: performance.now() - started, outcome });
      return outcome === "returned" ? result : undefined;
    };
    runTimingCase(timing, probe);
    post({ type: "done", id });
  });
  post({ type: "ready" });
}
