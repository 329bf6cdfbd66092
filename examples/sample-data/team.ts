import type { Rep } from "handoff-kit/handoff";
import type { CalendarSpec } from "handoff-kit/sla";

/** A sales region of the sample team: its reps work the same holidays. */
export type Region = "NA" | "EMEA";

/** Segments the sample team sells to, by company size. */
export type Segment = "smb" | "mid_market" | "enterprise";

/** An SDR in the sample, with the traits that shape their handoffs. */
export interface SdrProfile {
  readonly rep: Rep;
  readonly region: Region;
  /** 0-1: how complete and specific their briefs are. */
  readonly skill: number;
  /** Change in skill per week (a rep gaming volume drifts down). */
  readonly skillDrift: number;
  /** Handoffs booked per week: the range at the start of the quarter. */
  readonly volume: readonly [number, number];
  /** Extra handoffs per week, per week elapsed. */
  readonly volumeDrift: number;
  /** Share of handoffs done warm (intro email, SDR joins the call). */
  readonly warmRate: number;
}

/** An AE in the sample, with how promptly they work. */
export interface AeProfile {
  readonly rep: Rep;
  readonly region: Region;
  readonly segments: readonly Segment[];
  /** Share of decisions made late (past one business day). */
  readonly lateRate: number;
}

/** Public holidays each region's reps do not work in the sample quarter, with their names. */
export const REGION_HOLIDAY_NAMES: Readonly<
  Record<Region, readonly { readonly date: string; readonly name: string }[]>
> = {
  NA: [
    { date: "2026-09-07", name: "Labor Day" },
    { date: "2026-11-11", name: "Veterans Day" },
  ],
  EMEA: [{ date: "2026-08-31", name: "Summer bank holiday" }],
};

/** The same holidays as sets of dates, for quick lookups. */
export const REGION_HOLIDAYS: Readonly<Record<Region, ReadonlySet<string>>> = {
  NA: new Set(REGION_HOLIDAY_NAMES.NA.map((holiday) => holiday.date)),
  EMEA: new Set(REGION_HOLIDAY_NAMES.EMEA.map((holiday) => holiday.date)),
};

/**
 * A rep's working calendar, as a handoff-kit calendar spec: office hours with a lunch break, and
 * the region's holidays.
 */
export function workingCalendar(rep: Rep, region: Region): CalendarSpec {
  const day: [string, string][] =
    region === "NA"
      ? [
          ["09:00", "12:00"],
          ["13:00", "17:30"],
        ]
      : [
          ["09:00", "12:30"],
          ["13:30", "17:30"],
        ];
  return {
    timeZone: rep.timeZone ?? "UTC",
    week: { mon: day, tue: day, wed: day, thu: day, fri: day },
    holidays: REGION_HOLIDAY_NAMES[region].map((holiday) => ({ ...holiday })),
  };
}

const sdr = (
  id: string,
  name: string,
  timeZone: string,
  region: Region,
  traits: Omit<SdrProfile, "rep" | "region">,
): SdrProfile => ({ rep: { id, name, timeZone }, region, ...traits });

const ae = (
  id: string,
  name: string,
  timeZone: string,
  region: Region,
  segments: readonly Segment[],
  lateRate: number,
): AeProfile => ({
  rep: { id, name, timeZone },
  region,
  segments,
  lateRate,
});

/** Eight SDRs: six in North America, two in EMEA. One of them books more every week while quality slides. */
export const SAMPLE_SDRS: readonly SdrProfile[] = [
  sdr("sdr-ana", "Ana Souza", "America/New_York", "NA", {
    skill: 0.82,
    skillDrift: 0,
    volume: [3, 5],
    volumeDrift: 0,
    warmRate: 0.85,
  }),
  sdr("sdr-ben", "Ben Okafor", "America/New_York", "NA", {
    skill: 0.62,
    skillDrift: 0.01,
    volume: [3, 5],
    volumeDrift: 0,
    warmRate: 0.6,
  }),
  sdr("sdr-chloe", "Chloe Martin", "America/New_York", "NA", {
    skill: 0.7,
    skillDrift: 0,
    volume: [2, 5],
    volumeDrift: 0,
    warmRate: 0.7,
  }),
  sdr("sdr-diego", "Diego Alvarez", "America/Chicago", "NA", {
    skill: 0.58,
    skillDrift: -0.035,
    volume: [3, 5],
    volumeDrift: 0.35,
    warmRate: 0.35,
  }),
  sdr("sdr-erin", "Erin Walsh", "America/Chicago", "NA", {
    skill: 0.45,
    skillDrift: 0.02,
    volume: [2, 4],
    volumeDrift: 0,
    warmRate: 0.4,
  }),
  sdr("sdr-farid", "Farid Haddad", "America/Los_Angeles", "NA", {
    skill: 0.66,
    skillDrift: 0,
    volume: [2, 4],
    volumeDrift: 0,
    warmRate: 0.55,
  }),
  sdr("sdr-greta", "Greta Lindqvist", "Europe/London", "EMEA", {
    skill: 0.74,
    skillDrift: 0,
    volume: [2, 4],
    volumeDrift: 0,
    warmRate: 0.75,
  }),
  sdr("sdr-hugo", "Hugo Brandt", "Europe/Berlin", "EMEA", {
    skill: 0.52,
    skillDrift: 0.01,
    volume: [2, 4],
    volumeDrift: 0,
    warmRate: 0.45,
  }),
];

/** Four AEs: three in North America by segment, one covering EMEA. */
export const SAMPLE_AES: readonly AeProfile[] = [
  ae("ae-iris", "Iris Nakamura", "America/New_York", "NA", ["enterprise"], 0.08),
  ae("ae-jamal", "Jamal Reed", "America/Chicago", "NA", ["mid_market"], 0.18),
  ae("ae-kate", "Kate Sullivan", "America/Denver", "NA", ["smb"], 0.1),
  ae("ae-luca", "Luca Romano", "Europe/London", "EMEA", ["smb", "mid_market", "enterprise"], 0.12),
];
