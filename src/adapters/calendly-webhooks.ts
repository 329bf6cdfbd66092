import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, optionsOf, ownValue, requireList } from "../core/guards.js";
import type { HandoffInput, LeadSource } from "../handoff/index.js";
import { finishAdapter, type AdapterIssue, type AdapterResult, type Assembled } from "./adapter-result.js";
import { defaultsOf, requireKnownOptions } from "./mapping-options.js";
import { readInstant } from "./source-values.js";

/**
 * A rep as Calendly knows them (a user's URI or e-mail) mapped onto the rep of the handoff record.
 *
 * @example
 * ```ts
 * import type { CalendlyRep } from "handoff-kit/adapters";
 * const omar: CalendlyRep = { id: "ae-omar", name: "Omar Haddad" };
 * ```
 * @category Adapters
 */
export interface CalendlyRep {
  readonly id: string;
  readonly name: string;
}

/**
 * Options of {@link fromCalendlyWebhooks}.
 *
 * @example
 * ```ts
 * import type { CalendlyWebhooksOptions } from "handoff-kit/adapters";
 * const options: CalendlyWebhooksOptions = {
 *   reps: { "omar@acme.example": { id: "ae-omar", name: "Omar Haddad" } },
 *   sdrQuestion: "Who booked this call?",
 *   defaults: { source: "outbound", segment: "mid_market" },
 * };
 * ```
 * @category Adapters
 */
export interface CalendlyWebhooksOptions {
  /**
   * Reps by Calendly user URI or e-mail. The host (the first of the scheduled event's memberships)
   * is the AE; a user who scheduled on the invitee's behalf (`invitee_scheduled_by`) is the SDR. A
   * user not listed is named by their e-mail.
   */
  readonly reps?: Readonly<Record<string, CalendlyRep>>;
  /** The booking form's question whose answer is the SDR's id (or e-mail, looked up in `reps`). */
  readonly sdrQuestion?: string;
  /** The booking form's question whose answer is the company; else the invitee's e-mail domain. */
  readonly accountQuestion?: string;
  /** The lead source and segment of every handoff, and the SDR when nothing else names one. */
  readonly defaults?: { readonly source?: LeadSource; readonly segment?: string; readonly sdr?: CalendlyRep };
}

/** The options {@link CalendlyWebhooksOptions} names; any other key in a mapping is a misspelling. */
const CALENDLY_OPTIONS = [
  "reps",
  "sdrQuestion",
  "accountQuestion",
  "defaults",
] as const satisfies readonly (keyof CalendlyWebhooksOptions)[];

function requireRep(rep: unknown, name: string): void {
  const { id, name: repName } = (isRecord(rep) ? rep : {}) as Partial<Record<keyof CalendlyRep, unknown>>;
  if (typeof id !== "string" || id === "" || typeof repName !== "string" || repName.trim() === "")
    throw new HandoffKitError("invalid_argument", {
      detail: `fromCalendlyWebhooks: ${name} must be { id, name }: ${describeValue(rep)}`,
    });
}

/** The webhook events read; the others (routing forms, event types) are about no booking. */
const READ = new Set(["invitee.created", "invitee.canceled", "invitee_no_show.created", "invitee_no_show.deleted"]);

interface Delivery {
  readonly index: number;
  readonly event: string;
  /** When Calendly created the webhook event. */
  readonly at: number | undefined;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The invitee the delivery is about. */
  readonly invitee: string;
}

/**
 * Maps Calendly webhook deliveries (the parsed JSON bodies, in any order, duplicates included) to
 * handoffs, one per booking: `invitee.created` books the meeting, a reschedule (an
 * `invitee.canceled` with `rescheduled: true` and an `invitee.created` whose `old_invitee` points
 * back) moves it, a cancellation cancels it, `invitee_no_show.created` marks a no-show and
 * `invitee_no_show.deleted` corrects it to held. The invitee is the prospect, the host the AE, the
 * user who scheduled on the invitee's behalf (or a form answer) the SDR. Deliveries that cannot be
 * read are issues at their position; a delivery Calendly sent twice counts once.
 *
 * @example
 * ```ts
 * import { fromCalendlyWebhooks } from "handoff-kit/adapters";
 *
 * declare const deliveries: readonly unknown[]; // the webhook bodies, as received
 * const { handoffs, issues } = fromCalendlyWebhooks(deliveries, {
 *   reps: { "omar@acme.example": { id: "ae-omar", name: "Omar Haddad" } },
 *   defaults: { source: "inbound", segment: "smb", sdr: { id: "sdr-ana", name: "Ana Souza" } },
 * });
 * ```
 * @category Adapters
 */
export function fromCalendlyWebhooks(
  deliveries: readonly unknown[],
  options: CalendlyWebhooksOptions = {},
): AdapterResult {
  requireList(deliveries, "fromCalendlyWebhooks", "deliveries");
  const settings = optionsOf(options, "fromCalendlyWebhooks");
  requireKnownOptions(settings, CALENDLY_OPTIONS, "fromCalendlyWebhooks");
  defaultsOf(settings.defaults, "fromCalendlyWebhooks", ["sdr"]);
  if (settings.defaults?.sdr !== undefined) requireRep(settings.defaults.sdr, "options.defaults.sdr");
  const reps = settings.reps ?? {};
  if (!isRecord(reps))
    throw new HandoffKitError("invalid_argument", {
      detail: `fromCalendlyWebhooks: options.reps must be an object: ${describeValue(reps)}`,
    });
  for (const [key, rep] of Object.entries(reps) as [string, unknown][])
    requireRep(rep, `options.reps[${JSON.stringify(key)}]`);
  for (const question of ["sdrQuestion", "accountQuestion"] as const) {
    const value: unknown = settings[question];
    if (value !== undefined && typeof value !== "string")
      throw new HandoffKitError("invalid_argument", {
        detail: `fromCalendlyWebhooks: options.${question} must be a question's text: ${describeValue(value)}`,
      });
  }
  const issues: AdapterIssue[] = [];
  const problem = (index: number, field: string, code: AdapterIssue["code"], message: string, kept?: number): void => {
    const path = field === "" ? [index] : [index, field];
    const row = index + 1;
    issues.push(kept === undefined ? { code, path, row, message } : { code, path, row, kept, message });
  };
  const read: Delivery[] = [];
  const seen = new Map<string, number>();
  deliveries.forEach((body, index) => {
    const delivery = readDelivery(body, index, problem);
    if (delivery === undefined) return;
    // An invitee is created once and canceled once, so a second such delivery is a retry, whatever its
    // time; a no-show is marked and unmarked as often as people change their minds, so it repeats only
    // with the same time.
    const once = delivery.event === "invitee.created" || delivery.event === "invitee.canceled";
    const key = JSON.stringify(
      once ? [delivery.event, delivery.invitee] : [delivery.event, delivery.invitee, delivery.at],
    );
    const first = seen.get(key);
    if (first !== undefined) {
      problem(index, "", "duplicate_row", `The same delivery as row ${String(first + 1)}: counted once`, first);
      return;
    }
    seen.set(key, index);
    read.push(delivery);
  });

  // A reschedule makes a new invitee that points back to the old one: follow the links to the first.
  const previousOf = new Map<string, string>();
  for (const delivery of read) {
    const old = delivery.payload["old_invitee"];
    if (delivery.event === "invitee.created" && typeof old === "string" && old !== "")
      previousOf.set(delivery.invitee, old);
  }
  const rootOf = (invitee: string): string => {
    let current = invitee;
    // A cycle of links (which Calendly never makes) ends where it comes round.
    const visited = new Set<string>([current]);
    for (let previous = previousOf.get(current); previous !== undefined && !visited.has(previous);) {
      current = previous;
      visited.add(current);
      previous = previousOf.get(current);
    }
    return current;
  };
  const chains = new Map<string, Delivery[]>();
  for (const delivery of read) {
    const root = rootOf(delivery.invitee);
    const chain = chains.get(root);
    if (chain === undefined) chains.set(root, [delivery]);
    else chain.push(delivery);
  }

  const assembled: Assembled[] = [];
  for (const [root, chain] of chains) {
    const record = assemble(root, chain, settings, reps, problem);
    if (record !== undefined) {
      assembled.push(record);
      continue;
    }
    // The booking could not be read: each of its deliveries says so, not only the one at fault.
    const told = new Set(issues.map((issue) => issue.path[0]));
    for (const delivery of chain)
      if (!told.has(delivery.index))
        problem(
          delivery.index,
          "",
          "invalid_record",
          "Part of a booking that could not be read (see its other deliveries)",
        );
  }
  return finishAdapter(assembled, issues, fieldOf, "Booking");
}

function readDelivery(
  body: unknown,
  index: number,
  problem: (index: number, field: string, code: AdapterIssue["code"], message: string) => void,
): Delivery | undefined {
  if (!isRecord(body)) {
    problem(index, "", "invalid_type", `Expected a webhook body: ${describeValue(body)}`);
    return undefined;
  }
  const { event, payload, created_at: createdAt } = body as Record<string, unknown>;
  if (typeof event !== "string" || !isRecord(payload)) {
    problem(
      index,
      typeof event === "string" ? "payload" : "event",
      "invalid_type",
      "Expected a Calendly webhook body: { event, created_at, payload }",
    );
    return undefined;
  }
  if (!READ.has(event)) {
    problem(index, "event", "unknown_value", `"${event}" is about no booking: left out`);
    return undefined;
  }
  const fields = payload as Readonly<Record<string, unknown>>;
  // A no-show event's payload is the no-show (with its invitee) or the invitee itself.
  const invitee = typeof fields["invitee"] === "string" ? fields["invitee"] : fields["uri"];
  if (typeof invitee !== "string" || invitee === "") {
    problem(index, "payload.uri", "missing_value", "The invitee's URI is missing");
    return undefined;
  }
  let at: number | undefined;
  if (typeof createdAt === "string") {
    const instant = readInstant(createdAt, undefined);
    if (instant.ok) at = instant.ms;
    else problem(index, "created_at", instant.code, instant.message);
  }
  return { index, event, at, payload: fields, invitee };
}

/** The instant a payload field holds, or undefined with an issue when it holds something else. */
function instantAt(
  delivery: Delivery,
  path: readonly string[],
  problem: (index: number, field: string, code: AdapterIssue["code"], message: string) => void,
): number | undefined {
  let value: unknown = delivery.payload;
  for (const key of path) value = isRecord(value) ? (value as Record<string, unknown>)[key] : undefined;
  const field = ["payload", ...path].join(".");
  if (typeof value !== "string" || value === "") {
    problem(delivery.index, field, "missing_value", `${field} is missing`);
    return undefined;
  }
  const read = readInstant(value, undefined);
  if (read.ok) return read.ms;
  problem(delivery.index, field, read.code, read.message);
  return undefined;
}

function assemble(
  root: string,
  chain: readonly Delivery[],
  options: CalendlyWebhooksOptions,
  reps: Readonly<Record<string, CalendlyRep>>,
  problem: (index: number, field: string, code: AdapterIssue["code"], message: string) => void,
): Assembled | undefined {
  const created = chain.filter((delivery) => delivery.event === "invitee.created");
  const first = created.find((delivery) => delivery.invitee === root);
  if (first === undefined) {
    const lone = chain[0] as Delivery;
    problem(lone.index, "payload.uri", "missing_value", "No invitee.created for this invitee: the booking is unknown");
    return undefined;
  }
  const payload = first.payload;
  const slotOf = (delivery: Delivery): { start: Date; end: Date } | undefined => {
    const start = instantAt(delivery, ["scheduled_event", "start_time"], problem);
    const end = instantAt(delivery, ["scheduled_event", "end_time"], problem);
    return start === undefined || end === undefined ? undefined : { start: new Date(start), end: new Date(end) };
  };
  const bookedAt = instantAt(first, ["created_at"], problem);
  const slot = slotOf(first);
  const email = typeof payload["email"] === "string" ? payload["email"] : undefined;
  const name = typeof payload["name"] === "string" && payload["name"].trim() !== "" ? payload["name"] : email;
  if (bookedAt === undefined || slot === undefined || name === undefined) {
    if (name === undefined) problem(first.index, "payload.name", "missing_value", "The invitee has no name or e-mail");
    return undefined;
  }
  const repOf = (key: unknown): CalendlyRep | undefined =>
    typeof key === "string" && key !== "" ? (ownValue(reps, key) ?? undefined) : undefined;
  const memberships = (payload["scheduled_event"] as Record<string, unknown>)["event_memberships"];
  const host: unknown = Array.isArray(memberships) ? memberships[0] : undefined;
  const hostFields = (isRecord(host) ? host : {}) as Record<string, unknown>;
  const hostEmail = typeof hostFields["user_email"] === "string" ? hostFields["user_email"] : undefined;
  const ae =
    repOf(hostFields["user"]) ??
    repOf(hostEmail) ??
    (hostEmail === undefined
      ? undefined
      : { id: hostEmail, name: typeof hostFields["user_name"] === "string" ? hostFields["user_name"] : hostEmail });
  if (ae === undefined) {
    problem(first.index, "payload.scheduled_event.event_memberships", "missing_value", "The event has no host");
    return undefined;
  }
  const answer = (question: string | undefined): string | undefined => {
    const answers = payload["questions_and_answers"];
    if (question === undefined || !Array.isArray(answers)) return undefined;
    for (const entry of answers as unknown[]) {
      const fields = (isRecord(entry) ? entry : {}) as Record<string, unknown>;
      if (fields["question"] === question && typeof fields["answer"] === "string" && fields["answer"].trim() !== "")
        return fields["answer"].trim();
    }
    return undefined;
  };
  const sdrAnswer = answer(options.sdrQuestion);
  const scheduledBy = payload["invitee_scheduled_by"];
  if (typeof scheduledBy === "string" && scheduledBy !== "" && repOf(scheduledBy) === undefined)
    problem(
      first.index,
      "payload.invitee_scheduled_by",
      "unknown_value",
      `${scheduledBy} scheduled it but is not in reps: the SDR is taken from the form or the default`,
    );
  const sdr =
    repOf(payload["invitee_scheduled_by"]) ??
    repOf(sdrAnswer) ??
    (sdrAnswer === undefined ? undefined : { id: sdrAnswer, name: sdrAnswer }) ??
    options.defaults?.sdr;
  if (sdr === undefined) {
    problem(
      first.index,
      "payload.invitee_scheduled_by",
      "missing_value",
      "No SDR: nobody scheduled on the invitee's behalf, and no sdrQuestion answer or default SDR names one",
    );
    return undefined;
  }
  const domain = email?.includes("@") === true ? email.slice(email.lastIndexOf("@") + 1) : undefined;
  const answered = answer(options.accountQuestion ?? "Company");
  const company = answered ?? domain;
  if (company === undefined) {
    problem(
      first.index,
      "payload.email",
      "missing_value",
      "No company: no answer to the account question, and no e-mail domain to name it by",
    );
    return undefined;
  }
  const id = root.slice(root.lastIndexOf("/") + 1) || root;
  const events: Record<string, unknown>[] = [
    { id: `${id}:booked`, type: "booked", at: new Date(bookedAt), by: sdr.id, meeting: slot },
  ];
  for (const delivery of chain) {
    const when = (fallback: number | undefined): Date | undefined => {
      const at = delivery.at ?? fallback;
      return at === undefined ? undefined : new Date(at);
    };
    if (delivery.event === "invitee.created" && delivery.invitee !== first.invitee) {
      const moved = slotOf(delivery);
      const at = instantAt(delivery, ["created_at"], problem);
      if (moved !== undefined && at !== undefined)
        events.push({
          id: `${delivery.invitee}:rescheduled`,
          type: "rescheduled",
          at: new Date(at),
          by: sdr.id,
          meeting: moved,
        });
    } else if (delivery.event === "invitee.canceled" && delivery.payload["rescheduled"] !== true) {
      const cancellation = delivery.payload["cancellation"];
      const byHost = isRecord(cancellation) && (cancellation as Record<string, unknown>)["canceler_type"] === "host";
      const at = when(undefined);
      if (at === undefined) problem(delivery.index, "created_at", "missing_value", "created_at is missing");
      else
        events.push({ id: `${delivery.invitee}:cancelled`, type: "cancelled", at, by: byHost ? ae.id : (email ?? id) });
    } else if (delivery.event === "invitee_no_show.created" || delivery.event === "invitee_no_show.deleted") {
      const at = when(undefined);
      const type = delivery.event === "invitee_no_show.created" ? "no_show" : "meeting_held";
      if (at === undefined) problem(delivery.index, "created_at", "missing_value", "created_at is missing");
      else events.push({ id: `${delivery.invitee}:${type}:${String(at.getTime())}`, type, at, by: ae.id });
    }
  }
  events.sort((a, b) => (a["at"] as Date).getTime() - (b["at"] as Date).getTime());
  const handoff = {
    id,
    source: options.defaults?.source,
    segment: options.defaults?.segment,
    createdAt: new Date(bookedAt),
    sdr,
    ae,
    prospect: { name, ...(email === undefined ? {} : { email }) },
    account: answered === undefined ? { name: company, domain } : { name: company },
    events,
  } as unknown as HandoffInput;
  return { index: first.index, row: first.index + 1, record: handoff, idField: "payload.uri", version: undefined };
}

/** The payload field behind what the handoff model refuses in a booking. */
function fieldOf(path: readonly (string | number)[]): string | undefined {
  const [head, second, third, fourth] = path;
  // A booking's prospect has a name and maybe an e-mail, nothing else the model could refuse.
  // Stryker disable next-line ConditionalExpression: equivalent: see above
  if (head === "prospect" && (second === "email" || second === "name")) return `payload.${second}`;
  // The account's name and domain both come from the e-mail unless the form names the company, and
  // an answer is never blank: whatever of the account the model refuses came from the e-mail.
  if (head === "account") return "payload.email";
  // A slot's start is a Date read from a valid instant, never refused: only its end (end_before_start) is,
  // under events.N.meeting, so no other path ending in start or end reaches this test.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent: see above
  if (head === "events" && third === "meeting" && (fourth === "start" || fourth === "end"))
    return `payload.scheduled_event.${fourth}_time`;
  return undefined;
}
