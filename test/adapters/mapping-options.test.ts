// A mapping is often a JSON file written by hand: a misspelt option or a default that is none is
// refused once, naming it, rather than failing (or mapping wrongly) on every row.
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  fromCalendlyWebhooks,
  fromChiliPiperMeetings,
  fromHubSpotMeetings,
  fromSalesforceEvents,
} from "../../src/adapters/index.js";

const MEETING_OPTIONS = "exportTimeZone, columns, outcomes, reasons, lifecycle, defaults, pastScheduled";

describe("the meetings adapters' options", () => {
  it.each([
    ["fromHubSpotMeetings", fromHubSpotMeetings],
    ["fromSalesforceEvents", fromSalesforceEvents],
    ["fromChiliPiperMeetings", fromChiliPiperMeetings],
  ] as const)("%s refuses an option it does not read, listing those it does", (fn, adapter) => {
    expect(() => adapter([], { colums: { sdrId: "x" } } as never)).toThrow(
      new HandoffKitError("invalid_argument", { detail: `${fn}: options.colums is no option (${MEETING_OPTIONS})` }),
    );
    expect(() => adapter([], { exportTimezone: "UTC" } as never)).toThrow(`${fn}: options.exportTimezone is no option`);
  });

  it("refuses defaults that are no object, name a key it does not read, or hold a value that is none", () => {
    const detail = (options: unknown): string => {
      try {
        fromHubSpotMeetings([], options as never);
      } catch (error) {
        return (error as HandoffKitError).message.replace(/^[^(]*\((.*)\)$/, "$1");
      }
      return "accepted";
    };
    expect(detail({ defaults: "outbound" })).toBe("fromHubSpotMeetings: options.defaults must be an object: outbound");
    expect(detail({ defaults: { segmnt: "smb" } })).toBe(
      "fromHubSpotMeetings: options.defaults.segmnt is no option (source, segment)",
    );
    expect(detail({ defaults: { source: "outbund" } })).toBe(
      "fromHubSpotMeetings: options.defaults.source must be outbound, inbound, partner: outbund",
    );
    expect(detail({ defaults: { segment: " " } })).toBe(
      "fromHubSpotMeetings: options.defaults.segment must be a segment's name:  ",
    );
    expect(detail({ defaults: { segment: 3 } })).toBe(
      "fromHubSpotMeetings: options.defaults.segment must be a segment's name: 3",
    );
    // Each lead source, a segment, and no defaults at all are read.
    for (const source of ["outbound", "inbound", "partner"])
      expect(detail({ defaults: { source, segment: "smb" } })).toBe("accepted");
    expect(detail({})).toBe("accepted");
    expect(detail({ defaults: {} })).toBe("accepted");
  });
});

describe("fromCalendlyWebhooks' options", () => {
  it("refuses an option it does not read, and a default SDR that is no rep", () => {
    expect(() => fromCalendlyWebhooks([], { rep: {} } as never)).toThrow(
      "fromCalendlyWebhooks: options.rep is no option (reps, sdrQuestion, accountQuestion, defaults)",
    );
    expect(() => fromCalendlyWebhooks([], { defaults: { source: "web" } } as never)).toThrow(
      "fromCalendlyWebhooks: options.defaults.source must be outbound, inbound, partner: web",
    );
    expect(() => fromCalendlyWebhooks([], { defaults: { ae: {} } } as never)).toThrow(
      "fromCalendlyWebhooks: options.defaults.ae is no option (source, segment, sdr)",
    );
    expect(() => fromCalendlyWebhooks([], { defaults: { sdr: { id: "sdr-ana" } } } as never)).toThrow(
      "fromCalendlyWebhooks: options.defaults.sdr must be { id, name }: an object",
    );
    expect(() =>
      fromCalendlyWebhooks([], { defaults: { source: "inbound", sdr: { id: "sdr-ana", name: "Ana Souza" } } }),
    ).not.toThrow();
  });
});
