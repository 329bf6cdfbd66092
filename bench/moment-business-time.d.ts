// moment-business-time adds methods to moment's prototype without declaring them.
import "moment";

declare module "moment" {
  interface Moment {
    workingDiff(other: Moment, unit: "minutes" | "hours" | "days", precise?: boolean): number;
    addWorkingTime(amount: number, unit: "minutes" | "hours"): Moment;
  }
}
