import { accountOwnerOf } from "./account-owner.js";
import { matchRules, type RoutingLead, type RoutingRule, type RuleReading } from "./match-rules.js";
import { routeInQueue, type QueueLedger, type RoutingQueue, type Skip } from "./route.js";

/** A team's routing: the rules in order, the fallback queue, the queues, and the accounts' owners. */
export interface RoutingSetup {
  readonly rules: readonly RoutingRule[];
  readonly fallback: string;
  readonly queues: readonly RoutingQueue[];
  /** Each account's owner by its domain: a lead from an owned account goes to its owner. */
  readonly accountOwners?: Readonly<Record<string, string>>;
  /** Breaks ties (see `seededRank`); keep it to replay a past day the same way. */
  readonly seed: string;
}

/** The routing state: each queue's ledger, as plain data. */
export interface RoutingState {
  readonly queues: Readonly<Record<string, QueueLedger>>;
}

/** A lead to route: the fields the rules read, and the email its account is found by. */
export interface Lead extends RoutingLead {
  readonly id: string;
  readonly email?: string | undefined;
}

/** Who takes a lead, how, why, and the state after it. */
export interface RouteResult {
  readonly assignee: string | undefined;
  /** `account_owner`: the owner of the lead's account; `queue`: a queue's choice; `none`: no one free. */
  readonly by: "account_owner" | "queue" | "none";
  readonly queue: string | undefined;
  readonly rule: string | undefined;
  readonly explanation: {
    /** The account's owner when there is one, and whether they were away. */
    readonly owner: { readonly owner: string; readonly domain: string; readonly away: boolean } | undefined;
    readonly rules: readonly RuleReading[];
    readonly members: readonly { readonly rep: string; readonly skipped: Skip | undefined }[];
  };
  readonly state: RoutingState;
}

/**
 * Routes one lead: to its account's owner when the account has one who is not away (the owner's
 * queues do not count it), else by the first rule that matches, or the fallback, to that queue's
 * choice. Pure: the state given is not changed, and the same state, lead, setup and instant give the
 * same answer.
 */
export function routeLead(
  state: RoutingState,
  lead: Lead,
  setup: RoutingSetup,
  options: { readonly now: number; readonly away?: ReadonlySet<string> },
): RouteResult {
  const away = options.away ?? new Set<string>();
  const owned = accountOwnerOf(lead.email, setup.accountOwners ?? {});
  const owner = owned === undefined ? undefined : { ...owned, away: away.has(owned.owner) };
  if (owner !== undefined && !owner.away)
    return {
      assignee: owner.owner,
      by: "account_owner",
      queue: undefined,
      rule: undefined,
      explanation: { owner, rules: [], members: [] },
      state,
    };
  const match = matchRules(lead, setup.rules, setup.fallback);
  const queue = setup.queues.find((candidate) => candidate.id === match.queue);
  if (queue === undefined)
    return {
      assignee: undefined,
      by: "none",
      queue: match.queue,
      rule: match.rule,
      explanation: { owner, rules: match.readings, members: [] },
      state,
    };
  const ledger = Object.hasOwn(state.queues, queue.id) ? state.queues[queue.id] : undefined;
  const decision = routeInQueue(queue, ledger, options.now, away, setup.seed);
  return {
    assignee: decision.assignee,
    by: decision.assignee === undefined ? "none" : "queue",
    queue: queue.id,
    rule: match.rule,
    explanation: { owner, rules: match.readings, members: decision.members },
    state: { queues: { ...state.queues, [queue.id]: decision.ledger } },
  };
}
