import type { Handoff } from "./handoff.js";
import { requireHandoff } from "./require-handoff.js";

/**
 * Where a handoff stands: `draft` until booked; `booked` until the AE decides; `accepted` or
 * `rejected`; a rejected lead is `recycled` to the SDR and may be booked again (a new cycle); an
 * accepted one ends `won` or `lost`.
 *
 * @example
 * ```ts
 * import { HANDOFF_STATUSES } from "handoff-kit/handoff";
 * HANDOFF_STATUSES; // ["draft", "booked", "accepted", "rejected", "recycled", "won", "lost"]
 * ```
 * @category States
 */
export const HANDOFF_STATUSES = ["draft", "booked", "accepted", "rejected", "recycled", "won", "lost"] as const;

/**
 * One of {@link HANDOFF_STATUSES}.
 *
 * @example
 * ```ts
 * import type { HandoffStatus } from "handoff-kit/handoff";
 * const open = (status: HandoffStatus): boolean => status !== "won" && status !== "lost";
 * ```
 * @category States
 */
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/**
 * Where the current cycle's meeting stands; it runs alongside the handoff's status. `none` only
 * before the first booking.
 *
 * @example
 * ```ts
 * import { MEETING_STATUSES } from "handoff-kit/handoff";
 * MEETING_STATUSES; // ["none", "scheduled", "rescheduled", "held", "no_show", "cancelled"]
 * ```
 * @category States
 */
export const MEETING_STATUSES = ["none", "scheduled", "rescheduled", "held", "no_show", "cancelled"] as const;

/**
 * One of {@link MEETING_STATUSES}.
 *
 * @example
 * ```ts
 * import type { MeetingStatus } from "handoff-kit/handoff";
 * const happened = (status: MeetingStatus): boolean => status === "held";
 * ```
 * @category States
 */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * The current cycle's meeting once booked: its slot (the latest, after reschedules) and how it went.
 *
 * @example
 * ```ts
 * import type { BookedMeeting } from "handoff-kit/handoff";
 * const minutes = (meeting: BookedMeeting): number => (meeting.end.getTime() - meeting.start.getTime()) / 60_000;
 * ```
 * @category States
 */
export interface BookedMeeting {
  readonly status: Exclude<MeetingStatus, "none">;
  readonly start: Date;
  readonly end: Date;
  readonly reschedules: number;
}

/**
 * Who owns the handoff now: the record's reps, changed by `reassigned` events. Unknown when a
 * history is replayed without its handoff.
 *
 * @example
 * ```ts
 * import type { Owners } from "handoff-kit/handoff";
 * const owners: Owners = { sdr: "sdr-ana", ae: "ae-omar" };
 * ```
 * @category States
 */
export interface Owners {
  readonly sdr?: string;
  readonly ae?: string;
}

/**
 * The AE's acceptance in the current cycle. `at` is the cycle's first decision (the response every
 * SLA clock and time-to-decision reads), even when a correction changed the decision since; the
 * other fields are the latest decision's (undefined where it gave none).
 *
 * @example
 * ```ts
 * import type { Acceptance } from "handoff-kit/handoff";
 * const pipeline = (decision: Acceptance): number => decision.amount ?? 0;
 * ```
 * @category States
 */
export interface Acceptance {
  readonly kind: "accepted";
  readonly at: Date;
  readonly by: string;
  readonly amount: number | undefined;
  readonly currency: string | undefined;
  readonly note: string | undefined;
}

/**
 * The AE's rejection in the current cycle, with its catalogued reason and note; `at` as in
 * {@link Acceptance}.
 *
 * @example
 * ```ts
 * import type { Rejection } from "handoff-kit/handoff";
 * const line = (decision: Rejection): string => `${decision.reason}: ${decision.note}`;
 * ```
 * @category States
 */
export interface Rejection {
  readonly kind: "rejected";
  readonly at: Date;
  readonly by: string;
  readonly reason: string;
  readonly note: string;
}

/**
 * The AE's rating of the meeting (1 to 5), the latest if it was rated again.
 *
 * @example
 * ```ts
 * import type { QualityRating } from "handoff-kit/handoff";
 * const good = (rating: QualityRating): boolean => rating.score >= 4;
 * ```
 * @category States
 */
export interface QualityRating {
  readonly score: number;
  readonly note: string;
  readonly at: Date;
  readonly by: string;
}

/**
 * What every status after the first booking knows about the current cycle.
 *
 * @example
 * ```ts
 * import type { CycleFacts } from "handoff-kit/handoff";
 * const hoursToAcknowledge = (facts: CycleFacts): number | undefined =>
 *   facts.acknowledgedAt === undefined
 *     ? undefined
 *     : (facts.acknowledgedAt.getTime() - facts.bookedAt.getTime()) / 3_600_000;
 * ```
 * @category States
 */
export interface CycleFacts {
  /** How many times the handoff was booked; a recycled lead booked again starts cycle 2. */
  readonly cycle: number;
  readonly owners: Owners;
  readonly meeting: BookedMeeting;
  /** The first cycle's booking. */
  readonly firstBookedAt: Date;
  /** The current cycle's booking. */
  readonly bookedAt: Date;
  readonly introSentAt: Date | undefined;
  readonly acknowledgedAt: Date | undefined;
  readonly firstFollowUpAt: Date | undefined;
  readonly quality: QualityRating | undefined;
  /** Corrections applied across all cycles: a changed meeting outcome, decision, rating or amount. */
  readonly corrections: number;
}

/**
 * A handoff's state: a fold of its events with {@link evolve}, one shape per status, so each status
 * carries exactly its fields (an accepted handoff always has its acceptance, a draft no meeting).
 *
 * @example
 * ```ts
 * import type { LifecycleState } from "handoff-kit/handoff";
 * const pipeline = (state: LifecycleState): number => (state.status === "accepted" ? (state.decision.amount ?? 0) : 0);
 * ```
 * @category States
 */
export type LifecycleState =
  | {
      readonly status: "draft";
      readonly cycle: 0;
      readonly owners: Owners;
      readonly meeting: { readonly status: "none" };
      readonly corrections: 0;
    }
  | (CycleFacts & { readonly status: "booked" })
  | (CycleFacts & { readonly status: "accepted"; readonly decision: Acceptance })
  | (CycleFacts & { readonly status: "rejected"; readonly decision: Rejection })
  | (CycleFacts & {
      readonly status: "recycled";
      readonly decision: Rejection;
      readonly recycle: { readonly reason: string; readonly nextTouchAt: Date; readonly at: Date };
    })
  | (CycleFacts & {
      readonly status: "won";
      readonly decision: Acceptance;
      readonly outcome: {
        readonly kind: "won";
        readonly at: Date;
        readonly amount: number | undefined;
        readonly currency: string | undefined;
      };
    })
  | (CycleFacts & {
      readonly status: "lost";
      readonly decision: Acceptance;
      readonly outcome: { readonly kind: "lost"; readonly at: Date; readonly reason: string | undefined };
    });

/**
 * The state of a handoff with no events: a draft owned by the record's reps (owners unknown without
 * the record). The start of every fold.
 *
 * @example
 * ```ts
 * import { initialState } from "handoff-kit/handoff";
 * initialState().status; // "draft"
 * ```
 * @category Decider
 */
export function initialState(handoff?: Handoff): LifecycleState & { readonly status: "draft" } {
  if (handoff !== undefined) requireHandoff(handoff, "initialState");
  return draftOf(handoff);
}

/** Every key any state has. */
type StateKey = LifecycleState extends infer S ? (S extends unknown ? keyof S : never) : never;
/** What a key holds across the states: its type where a status has it, undefined where one lacks it. */
type StateField<K extends StateKey> = LifecycleState extends infer S
  ? S extends unknown
    ? K extends keyof S
      ? S[K]
      : undefined
    : never
  : never;

/**
 * Every field of every state, unset ones undefined: the one shape all states share at run time, so
 * reads of a state stay monomorphic (their types show each status only its own fields). Derived from
 * {@link LifecycleState}, so a field added to a status must be added to the two literals below, or
 * they do not compile. Written only while `evolve` fills in a new state, before anyone else sees it.
 */
export type StateRecord = { -readonly [K in StateKey]: StateField<K> };

/** {@link initialState} for the folds, whose handoff is checked already. */
export function draftOf(handoff: Handoff | undefined): LifecycleState & { readonly status: "draft" } {
  const owners = handoff === undefined ? {} : { sdr: handoff.sdr.id, ae: handoff.ae.id };
  // Every field, in StateRecord's order, as in nextState: one hidden class for every state.
  const draft: StateRecord = {
    status: "draft",
    cycle: 0,
    owners,
    meeting: { status: "none" },
    firstBookedAt: undefined,
    bookedAt: undefined,
    introSentAt: undefined,
    acknowledgedAt: undefined,
    firstFollowUpAt: undefined,
    quality: undefined,
    corrections: 0,
    decision: undefined,
    recycle: undefined,
    outcome: undefined,
  };
  return draft as LifecycleState & { readonly status: "draft" };
}

/**
 * A copy of `state` for {@link evolve} to change before it returns it: `state` is never written,
 * and the copy only until it is returned. Copies by spread made a hidden class for each kind of
 * change (eight in a fold of the sample data), so every read of a state went megamorphic and evolve
 * cost 0.5 µs an event; one literal with every field keeps one.
 */
export function nextState(state: LifecycleState): StateRecord {
  const s = state as unknown as StateRecord;
  return {
    status: s.status,
    cycle: s.cycle,
    owners: s.owners,
    meeting: s.meeting,
    firstBookedAt: s.firstBookedAt,
    bookedAt: s.bookedAt,
    introSentAt: s.introSentAt,
    acknowledgedAt: s.acknowledgedAt,
    firstFollowUpAt: s.firstFollowUpAt,
    quality: s.quality,
    corrections: s.corrections,
    decision: s.decision,
    recycle: s.recycle,
    outcome: s.outcome,
  };
}
