// The bundled sample team's bookings as the webhook deliveries Calendly's v2 API sends (invitee
// created, canceled, marked a no-show), in the order they were received, for the command line's
// examples and the adapter's round trip. Calendly records no held meeting: a meeting that took place
// is one nobody marked a no-show.
import type { CalendlyRep } from "../../src/adapters/index.js";
import type { SampleData } from "./generate.js";

const API = "https://api.calendly.com";

interface Event {
  readonly type: string;
  readonly at: string;
  readonly by?: string;
  readonly meeting?: { readonly start: string; readonly end: string };
}

/** A rep's Calendly user, by the sample's rep id. */
const userOf = (repId: string): string => `${API}/users/${repId.toUpperCase()}`;
/** Calendly writes instants with microseconds. */
const micro = (iso: string): string => new Date(iso).toISOString().replace("Z", "000Z");

/** The reps by Calendly user URI, as the adapter's `reps` option takes them. */
export function calendlyReps(data: SampleData): Record<string, CalendlyRep> {
  return Object.fromEntries(
    [...data.team.aes, ...data.team.sdrs].map((rep) => [userOf(rep.id), { id: rep.id, name: rep.name }]),
  );
}

/**
 * Every booking of every handoff as Calendly's deliveries: `invitee.created` when booked, the
 * `invitee.canceled` (rescheduled) and `invitee.created` (with `old_invitee`) pair of a reschedule,
 * `invitee.canceled` of a cancellation (by the host when the AE cancelled), and
 * `invitee_no_show.created` of a no-show; sorted by when each was sent.
 */
export function calendlyDeliveries(data: SampleData): unknown[] {
  const deliveries: { at: number; order: number; body: unknown }[] = [];
  const aes = new Set(data.team.aes.map((rep) => rep.id));
  let n = 0;
  const push = (at: string, body: unknown): void => {
    deliveries.push({ at: Date.parse(at), order: deliveries.length, body });
  };
  for (const handoff of data.handoffs) {
    const events = [...(handoff.events as readonly Event[])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const ae = handoff.ae.id;
    let current: string | undefined;
    const invitee = (id: string): string => `${API}/scheduled_events/EV-${id}/invitees/${id}`;
    const created = (at: string, slot: { start: string; end: string }, sdr: string, old?: string): void => {
      n += 1;
      const id = `INV${String(n).padStart(6, "0")}`;
      push(at, {
        event: "invitee.created",
        created_at: micro(at),
        created_by: userOf(sdr),
        payload: {
          uri: invitee(id),
          email: handoff.prospect.email ?? `${handoff.prospect.name.toLowerCase().replace(/\W+/gu, ".")}@example.com`,
          name: handoff.prospect.name,
          created_at: micro(at),
          status: "active",
          rescheduled: false,
          old_invitee: old === undefined ? null : invitee(old),
          new_invitee: null,
          no_show: null,
          invitee_scheduled_by: userOf(sdr),
          questions_and_answers: [{ question: "Company", answer: handoff.account.name, position: 0 }],
          scheduled_event: {
            uri: `${API}/scheduled_events/EV-${id}`,
            start_time: micro(slot.start),
            end_time: micro(slot.end),
            event_memberships: [{ user: userOf(ae), user_email: `${ae}@example.com` }],
          },
        },
      });
      current = id;
    };
    const canceled = (at: string, rescheduled: boolean, byHost: boolean): void => {
      if (current === undefined) return;
      push(at, {
        event: "invitee.canceled",
        created_at: micro(at),
        payload: {
          uri: invitee(current),
          rescheduled,
          cancellation: { canceler_type: byHost ? "host" : "invitee", reason: null },
        },
      });
    };
    for (const event of events) {
      if (event.type === "booked" && event.meeting !== undefined)
        created(event.at, event.meeting, event.by ?? handoff.sdr.id);
      else if (event.type === "rescheduled" && event.meeting !== undefined && current !== undefined) {
        const old = current;
        canceled(event.at, true, false);
        created(event.at, event.meeting, handoff.sdr.id, old);
      } else if (event.type === "cancelled") canceled(event.at, false, aes.has(event.by ?? ""));
      else if (event.type === "no_show" && current !== undefined)
        push(event.at, {
          event: "invitee_no_show.created",
          created_at: micro(event.at),
          payload: {
            uri: `${API}/invitee_no_shows/NS-${current}`,
            invitee: invitee(current),
            created_at: micro(event.at),
          },
        });
    }
  }
  return deliveries.sort((a, b) => a.at - b.at || a.order - b.order).map((delivery) => delivery.body);
}
