import { isRecord, ownValue } from "../core/guards.js";
import * as z from "zod";
import { instantSchema, writtenInstant } from "../core/schemas.js";
import { EVIDENCE_STATES } from "./evidence.js";
import { evidenceSchemaFor } from "./framework-evidence.js";
import { requireFramework, type Framework } from "./frameworks.js";
import { requireDefinition, type RequirementState, type SqlDefinition } from "./sql-definition.js";

/**
 * A JSON Schema (draft 2020-12) for a form, and the rules it cannot express, listed so that a form
 * builder knows what the server still checks.
 *
 * @example
 * ```ts
 * import type { JsonSchemaExport } from "handoff-kit/qualification";
 * const serverOnly = (exported: JsonSchemaExport): string[] =>
 *   exported.unsupported.map((rule) => `${rule.path}: ${rule.message}`);
 * ```
 * @category Forms
 */
export interface JsonSchemaExport {
  readonly schema: Record<string, unknown>;
  readonly unsupported: readonly { readonly path: string; readonly message: string }[];
}

type Json = Record<string, unknown>;

const isDefinition = (value: Framework | SqlDefinition<Framework>): value is SqlDefinition<Framework> =>
  "requirements" in value;

/**
 * Exports the evidence form of a framework, or of a SQL definition, as JSON Schema (through zod's
 * own export). For a definition, its required criteria are required and their state is limited to the
 * states that meet the bar. Rules JSON Schema cannot express are returned in `unsupported`, never
 * silently dropped: the falsifiability check, text trimmed before its length is checked, instants
 * given as `Date` objects, and ICP or intent thresholds.
 *
 * @example
 * ```ts
 * import { BANT, defineSqlDefinition, toJsonSchema } from "handoff-kit/qualification";
 *
 * const bar = defineSqlDefinition({
 *   id: "smb-sql",
 *   version: 1,
 *   framework: BANT,
 *   requirements: { budget: "noted", need: "validated" },
 * });
 * const { schema, unsupported } = toJsonSchema(bar);
 * console.log(JSON.stringify(schema).length, unsupported.length);
 * ```
 * @category Forms
 */
export function toJsonSchema(source: Framework | SqlDefinition<Framework>): JsonSchemaExport {
  // A source with requirements is read as a definition, anything else as a framework: each checked whole.
  if (isRecord(source) && "requirements" in source) requireDefinition(source, "toJsonSchema");
  else requireFramework(source, "toJsonSchema", "source");
  const framework = isDefinition(source) ? source.framework : source;
  const schema = z.toJSONSchema(evidenceSchemaFor(framework) as z.ZodType, {
    io: "input",
    unrepresentable: "any",
    // instantSchema answers in one transform, which JSON Schema cannot say; it answers by writtenInstant's
    // rules, rendered afresh for each instant so no two parts of the export share an object.
    override: ({ zodSchema, jsonSchema }) => {
      if ((zodSchema as unknown) === instantSchema) Object.assign(jsonSchema, writtenInstantJson());
    },
  }) as Json;
  const evidence = (schema["properties"] as Json)["evidence"] as Json;
  const criteria = evidence["properties"] as Record<string, Json>;
  const unsupported: { path: string; message: string }[] = [];

  for (const [key, criterion] of Object.entries(criteria)) {
    const props = criterion["properties"] as Record<string, Json>;
    const recordedAt = props["recordedAt"];
    // zod renders a Date as `{}` (anything): JSON carries strings and numbers only, so drop it.
    if (recordedAt !== undefined && Array.isArray(recordedAt["anyOf"]))
      recordedAt["anyOf"] = (recordedAt["anyOf"] as Json[]).filter((branch) => Object.keys(branch).length > 0);
    unsupported.push({
      path: `evidence.${key}.recordedAt`,
      message: "Code may also pass a Date object; an ISO date-time must carry Z or an offset",
    });
    unsupported.push({
      path: `evidence.${key}.note`,
      message: "Surrounding white space is trimmed before the length is checked",
    });
  }

  if (isDefinition(source)) {
    const requirements = source.requirements as Readonly<Record<string, RequirementState | undefined>>;
    const required = Object.keys(requirements);
    evidence["required"] = required;
    for (const key of required) {
      const requirement = ownValue(requirements, key);
      const state = ((criteria[key]?.["properties"] as Record<string, Json> | undefined) ?? {})["state"];
      if (state === undefined || requirement === undefined) continue;
      state["enum"] = EVIDENCE_STATES.slice(
        EVIDENCE_STATES.indexOf(requirement),
        EVIDENCE_STATES.indexOf("validated") + 1,
      );
      if (source.requireSpecificEvidence) {
        unsupported.push({
          path: `evidence.${key}.note`,
          message:
            "Falsifiability: the note must name a person or role, a number or a date, " +
            "or the prospect must be quoted",
        });
      }
    }
    if (source.icp !== undefined)
      unsupported.push({
        path: "(lead)",
        message:
          `ICP fit on profile "${source.icp.profile.id}" must reach ${String(source.icp.minScore)}; ` +
          `scored from account data`,
      });
    if (source.intent !== undefined)
      unsupported.push({
        path: "(lead)",
        message: `Intent must reach ${String(source.intent.minScore)}; scored from dated signals`,
      });
    schema["title"] = `${source.id} v${String(source.version)} (${framework.name})`;
  } else {
    schema["title"] = `${framework.name} evidence`;
  }
  return { schema, unsupported };
}

/** An instant as JSON Schema says it: the branches of the rules `instantSchema` answers by. */
function writtenInstantJson(): Json {
  const { $schema: _, ...json } = z.toJSONSchema(writtenInstant.schema, { io: "input", unrepresentable: "any" });
  return json;
}
