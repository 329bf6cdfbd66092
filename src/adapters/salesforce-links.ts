import type { Handoff } from "../handoff/index.js";
import { bookedAt } from "./booking-windows.js";
import { salesforceId18 } from "./salesforce-id.js";
import { cellText, type SourceRow } from "./source-values.js";

// Which lead and which opportunity each handoff (an Event) is about. An Event names its lead or
// contact in WhoId and its opportunity in WhatId; once the lead is converted its activities move
// to the new contact, so a contact is traced back to its lead through the lead's ConvertedContactId,
// and the lead's ConvertedOpportunityId names the opportunity the conversion created.

/** Salesforce's key prefixes: the first three characters of an id name its object. */
const LEAD = "00Q";
const CONTACT = "003";
const OPPORTUNITY = "006";

/** The handoffs of each lead and of each opportunity, by 18-character id, in booking order. */
export interface SalesforceLinks {
  readonly byLead: ReadonlyMap<string, readonly Handoff[]>;
  readonly byOpportunity: ReadonlyMap<string, readonly Handoff[]>;
  /** Each linked handoff's opportunity, where one is known (for the `accepted` of a conversion). */
  readonly opportunityOf: ReadonlyMap<string, string>;
}

/** The columns links are read from: the Event's id and its Who and What, the lead's conversion. */
export interface SalesforceLinkColumns {
  readonly events: { readonly id: string; readonly who: string; readonly what: string };
  readonly leads: { readonly id: string; readonly contactId: string; readonly opportunityId: string };
}

const idIn = (row: SourceRow, column: string): string | undefined => {
  const text = cellText(row, column);
  return text === undefined ? undefined : salesforceId18(text);
};

/**
 * Links each handoff to its lead and opportunity. Event rows of no handoff (those the Event adapter
 * refused) and leads no Event names are passed over: they are no handoff's.
 */
export function salesforceLinks(
  handoffs: readonly Handoff[],
  events: readonly SourceRow[],
  leads: readonly SourceRow[],
  columns: SalesforceLinkColumns,
): SalesforceLinks {
  const byId = new Map(handoffs.map((handoff) => [handoff.id, handoff]));
  const leadOfContact = new Map<string, string>();
  const opportunityOfLead = new Map<string, string>();
  for (const row of leads) {
    const lead = idIn(row, columns.leads.id);
    if (lead === undefined) continue;
    const contact = idIn(row, columns.leads.contactId);
    const opportunity = idIn(row, columns.leads.opportunityId);
    if (contact !== undefined) leadOfContact.set(contact, lead);
    if (opportunity !== undefined) opportunityOfLead.set(lead, opportunity);
  }
  // An Event names a lead, or the contact a converted lead became.
  const leadOf = (who: string): string | undefined => {
    if (who.startsWith(LEAD)) return who;
    return who.startsWith(CONTACT) ? leadOfContact.get(who) : undefined;
  };
  const byLead = new Map<string, Handoff[]>();
  const byOpportunity = new Map<string, Handoff[]>();
  const opportunityOf = new Map<string, string>();
  const add = (map: Map<string, Handoff[]>, key: string, handoff: Handoff): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(handoff)) list.push(handoff);
    map.set(key, list);
  };
  for (const row of events) {
    const eventId = idIn(row, columns.events.id);
    const handoff = eventId === undefined ? undefined : byId.get(eventId);
    if (handoff === undefined) continue;
    const who = idIn(row, columns.events.who);
    const what = idIn(row, columns.events.what);
    const lead = who === undefined ? undefined : leadOf(who);
    const opportunity = what?.startsWith(OPPORTUNITY) === true ? what : opportunityOfLead.get(lead ?? "");
    if (lead !== undefined) add(byLead, lead, handoff);
    if (opportunity !== undefined) {
      add(byOpportunity, opportunity, handoff);
      opportunityOf.set(handoff.id, opportunity);
    }
  }
  for (const list of [...byLead.values(), ...byOpportunity.values()]) list.sort((a, b) => bookedAt(a) - bookedAt(b));
  return { byLead, byOpportunity, opportunityOf };
}
