import type { SourcesRead } from "../sources.js";
import type { Style } from "../style.js";
import { counted } from "../counted.js";

/** How many issues of a file are listed before "and N more". */
const SHOWN = 50;

/**
 * What each file held: its records and every issue by row and field; then the handoffs the files
 * made together (a record in two files is one handoff, a booking's deliveries in two logs one
 * booking), and the issue codes counted over all files.
 */
export function renderCheck(read: SourcesRead, style: Style, all: boolean): string {
  const results = read.files;
  const out: string[] = [];
  const codes = new Map<string, number>();
  for (const file of results) {
    out.push(
      `${style.bold(file.path)} (${file.label}): ${counted(file.records, "record")}, ` +
        (file.issues.length === 0 ? "no issues" : counted(file.issues.length, "issue")),
    );
    const shown = all ? file.issues : file.issues.slice(0, SHOWN);
    for (const issue of shown) {
      const field = issue.path.slice(1).map(String).join(".");
      out.push(
        `  row ${String(issue.row)}${field === "" ? "" : `, ${field}`}: ${style.dim(issue.code)}: ${issue.message}`,
      );
    }
    if (shown.length < file.issues.length)
      out.push(`  ... and ${String(file.issues.length - shown.length)} more (--all lists every one)`);
    for (const issue of file.issues) codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
  }
  const made = counted(read.handoffs.length, "handoff");
  out.push("", results.length === 1 ? `${made}.` : `${made} from the ${String(results.length)} files.`);
  if (codes.size > 0)
    out.push(
      `Issues by code: ${[...codes]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([code, count]) => `${code} ${String(count)}`)
        .join(", ")}`,
    );
  return `${out.join("\n")}\n`;
}
