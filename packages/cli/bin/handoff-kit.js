#!/usr/bin/env node
// The `handoff-kit` command. A published package runs its build (dist/); a clone of the repository,
// where nothing is built after `npm ci`, runs the TypeScript sources through tsx, one of the
// repository's development dependencies, with the repository's tsconfig (which maps `handoff-kit/*`
// onto the library's sources).
import { existsSync } from "node:fs";
import { fileURLToPath, URL } from "node:url";

const built = new URL("../dist/main.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)) });
  await import(new URL("../src/main.ts", import.meta.url).href);
}
