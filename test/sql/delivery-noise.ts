// Noise a CRM's event feed carries, for the engines tests: the same delivery twice, and a later correction.
import type { HandoffInput } from "../../src/handoff/index.js";

type Event = NonNullable<HandoffInput["events"]>[number];

/** Every 45th handoff has an event delivered twice; every 40th accepted one a later, larger amount. */
export function withDeliveryNoise(inputs: readonly HandoffInput[]): HandoffInput[] {
  return inputs.map((input, i) => {
    const events: Event[] = [...(input.events ?? [])];
    const second = events[1];
    if (i % 45 === 0 && second !== undefined) events.push(second);
    const accepted = events.find((event) => event.type === "accepted");
    if (i % 40 === 1 && accepted !== undefined && "amount" in accepted && typeof accepted.amount === "number")
      events.push({
        ...accepted,
        id: `${accepted.id}-corrected`,
        at: new Date(Date.parse(String(accepted.at)) + 3_600_000).toISOString(),
        amount: accepted.amount + 1_000,
      });
    return { ...input, events };
  });
}
