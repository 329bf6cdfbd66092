// `npm run bench [name]`: runs every benchmark, or those whose file name contains `name`.
import { run as adapters } from "./adapters.bench.js";
import { run as e2e } from "./e2e.bench.js";
import { run as lifecycle } from "./lifecycle.bench.js";
import { run as metrics } from "./metrics.bench.js";
import { run as parse } from "./parse.bench.js";
import { run as path } from "./path.bench.js";
import { run as routing } from "./routing.bench.js";
import { run as sla } from "./sla.bench.js";
import { run as slaSql } from "./sla-sql.bench.js";
import { run as sql } from "./sql.bench.js";

const benches: Record<string, () => void | Promise<void>> = {
  parse,
  lifecycle,
  sla,
  metrics,
  adapters,
  sql,
  "sla-sql": slaSql,
  path,
  routing,
  e2e,
};

const filter = process.argv[2];
console.log(`handoff-kit benchmarks: node ${process.version}, ${process.platform}/${process.arch}`);
for (const [name, run] of Object.entries(benches)) {
  if (filter === undefined || name.includes(filter)) await run();
}
