import { describe, expect, it } from "vitest";
import { accountOwnerOf, domainOf } from "../../src/routing/account-owner.js";
import { matchRules, type RoutingRule } from "../../src/routing/match-rules.js";

const RULES: readonly RoutingRule[] = [
  { id: "enterprise-emea", when: { territory: ["EMEA"], dealSize: { min: 50_000 } }, queue: "emea-enterprise" },
  { id: "emea", when: { territory: ["EMEA"] }, queue: "emea" },
  { id: "fintech-inbound", when: { industry: ["Fintech"], source: ["inbound", "webinar"] }, queue: "fintech" },
];

describe("matchRules", () => {
  it("sends a lead to the first rule whose conditions all hold, explaining the rules before it", () => {
    const match = matchRules({ territory: " emea", dealSize: 20_000 }, RULES, "everyone");
    expect(match.queue).toBe("emea");
    expect(match.rule).toBe("emea");
    expect(match.readings).toEqual([
      { rule: "enterprise-emea", matched: false, failed: ["deal size 20000 is under 50000"] },
      { rule: "emea", matched: true, failed: [] },
    ]);
  });

  it("takes inclusive deal-size bounds", () => {
    expect(matchRules({ territory: "EMEA", dealSize: 50_000 }, RULES, "everyone").rule).toBe("enterprise-emea");
  });

  it("falls back when no rule matches, saying why each failed", () => {
    const match = matchRules({ industry: "fintech", source: "outbound" }, RULES, "everyone");
    expect(match).toEqual({
      queue: "everyone",
      rule: undefined,
      readings: [
        {
          rule: "enterprise-emea",
          matched: false,
          failed: ["territory is missing (wanted EMEA)", "deal size is missing"],
        },
        { rule: "emea", matched: false, failed: ["territory is missing (wanted EMEA)"] },
        { rule: "fintech-inbound", matched: false, failed: ['source "outbound" is not inbound, webinar'] },
      ],
    });
  });
});

describe("accountOwnerOf", () => {
  const owners = { "acme.com": "ae-ana", "eu.acme.com": "ae-ben", "globex.co.uk": "ae-cy" };

  it("matches the email's domain, then its parent domains, never a bare top-level label", () => {
    expect(accountOwnerOf("Jo@EU.Acme.com", owners)).toEqual({ owner: "ae-ben", domain: "eu.acme.com" });
    expect(accountOwnerOf("jo@us.acme.com", owners)).toEqual({ owner: "ae-ana", domain: "acme.com" });
    expect(accountOwnerOf("jo@sales.globex.co.uk", owners)).toEqual({ owner: "ae-cy", domain: "globex.co.uk" });
    expect(accountOwnerOf("jo@initech.com", { com: "ae-nobody" })).toBeUndefined();
    expect(accountOwnerOf(undefined, owners)).toBeUndefined();
  });

  it("normalises a domain: case, a leading www., a trailing dot; refuses text that is not one", () => {
    expect(domainOf("www.Acme.com.")).toBe("acme.com");
    expect(domainOf("someone@")).toBeUndefined();
    expect(domainOf("not a domain.com")).toBeUndefined();
    expect(domainOf("localhost")).toBeUndefined();
  });
});
