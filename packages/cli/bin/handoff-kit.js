#!/usr/bin/env node
// The `handoff-kit` command. A published package holds its build (dist/) and no sources; a clone of
// the repository runs the TypeScript sources through tsx, one of the repository's development
// dependencies, with the repository's tsconfig (which maps `handoff-kit/*` onto the library's
// sources), so `npx handoff-kit` works after `npm ci` and never runs a build older than the sources.
import { existsSync } from "node:fs";
import { fileURLToPath, URL } from "node:url";

const source = new URL("../src/main.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)) });
  await import(source.href);
} else {
  await import(new URL("../dist/main.js", import.meta.url).href);
}
