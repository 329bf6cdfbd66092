/**
 * Lead routing as pure, replayable, explainable functions: rules as data read in order (territory,
 * segment, industry, lead source, deal size, and the account's owner by email domain), queues with
 * weighted round robin (Balinski and Young's quota method), least recently assigned or lightest load,
 * caps per day, week or month in a zone, resets, out-of-office periods and working hours that skip a
 * rep with catch-up or keep-place, credit back, reassignment, and a what-if replay of past handoffs.
 *
 * @module handoff-kit/routing
 */
export { defineRouting, type RepAvailabilitySpec, type Routing, type RoutingSetup } from "./define-routing.js";
export { explainRoute } from "./explain-route.js";
export type { RoutingLead, RoutingRule, RuleConditions, RuleReading } from "./match-rules.js";
export type { Choice, QueueMember, QueueState, QueueStrategy, RoutingQueue, Skip } from "./route-in-queue.js";
export {
  creditBack,
  reassignLead,
  route,
  routeLeads,
  standing,
  type Lead,
  type MemberStanding,
  type RouteExplanation,
  type RouteOptions,
  type RouteResult,
  type RoutingState,
} from "./route.js";
export { whatIf, type WhatIfAssignment, type WhatIfOptions, type WhatIfReport, type WhatIfShare } from "./what-if.js";
