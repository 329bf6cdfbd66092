import type { Rep } from "handoff-kit/handoff";

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

/** Public holidays each region's reps do not work in the sample quarter. */
export const REGION_HOLIDAYS: Readonly<Record<Region, ReadonlySet<string>>> = {
  NA: new Set(["2026-09-07", "2026-11-11"]), // Labor Day; Veterans Day (observed by the sample team)
  EMEA: new Set(["2026-08-31"]), // UK summer bank holiday
};

const sdr = (
  id: string,
  name: string,
  timeZone: string,
  region: Region,
  traits: Omit<SdrProfile, "rep" | "region">,
): SdrProfile => ({ rep: { id, name, calendarId: `cal-${id}`, timeZone }, region, ...traits });

const ae = (id: string, name: string, timeZone: string, region: Region, segments: readonly Segment[], lateRate: number): AeProfile => ({
  rep: { id, name, calendarId: `cal-${id}`, timeZone },
  region,
  segments,
  lateRate,
});

/** Eight SDRs: six in North America, two in EMEA. One of them books more every week while quality slides. */
export const SAMPLE_SDRS: readonly SdrProfile[] = [
  sdr("sdr-ana", "Ana Souza", "America/New_York", "NA", { skill: 0.82, skillDrift: 0, volume: [3, 5], volumeDrift: 0, warmRate: 0.85 }),
  sdr("sdr-ben", "Ben Okafor", "America/New_York", "NA", { skill: 0.62, skillDrift: 0.01, volume: [3, 5], volumeDrift: 0, warmRate: 0.6 }),
  sdr("sdr-chloe", "Chloe Martin", "America/New_York", "NA", { skill: 0.7, skillDrift: 0, volume: [2, 5], volumeDrift: 0, warmRate: 0.7 }),
  sdr("sdr-diego", "Diego Alvarez", "America/Chicago", "NA", { skill: 0.58, skillDrift: -0.035, volume: [3, 5], volumeDrift: 0.35, warmRate: 0.35 }),
  sdr("sdr-erin", "Erin Walsh", "America/Chicago", "NA", { skill: 0.45, skillDrift: 0.02, volume: [2, 4], volumeDrift: 0, warmRate: 0.4 }),
  sdr("sdr-farid", "Farid Haddad", "America/Los_Angeles", "NA", { skill: 0.66, skillDrift: 0, volume: [2, 4], volumeDrift: 0, warmRate: 0.55 }),
  sdr("sdr-greta", "Greta Lindqvist", "Europe/London", "EMEA", { skill: 0.74, skillDrift: 0, volume: [2, 4], volumeDrift: 0, warmRate: 0.75 }),
  sdr("sdr-hugo", "Hugo Brandt", "Europe/Berlin", "EMEA", { skill: 0.52, skillDrift: 0.01, volume: [2, 4], volumeDrift: 0, warmRate: 0.45 }),
];

/** Four AEs: three in North America by segment, one covering EMEA. */
export const SAMPLE_AES: readonly AeProfile[] = [
  ae("ae-iris", "Iris Nakamura", "America/New_York", "NA", ["enterprise"], 0.08),
  ae("ae-jamal", "Jamal Reed", "America/Chicago", "NA", ["mid_market"], 0.18),
  ae("ae-kate", "Kate Sullivan", "America/Denver", "NA", ["smb"], 0.1),
  ae("ae-luca", "Luca Romano", "Europe/London", "EMEA", ["smb", "mid_market", "enterprise"], 0.12),
];
