// `npm run format` and `npm run lint`: Prettier over the code blocks of the README and the guides.
//
//   node scripts/markdown-code.mjs           rewrites each ts/js/json block as Prettier prints it
//   node scripts/markdown-code.mjs --check   lists the blocks Prettier would change, and code lines
//                                            over the print width it cannot break (comments)
//
// The Markdown itself is prose wrapped by hand (.prettierignore); its code is code, held to the same
// format and width as src/. Prose lines are held to the same width too (tables excepted: a row is
// one line), in both modes: wrapping prose is a writer's job, not a formatter's.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";

const check = process.argv.includes("--check");
const files = [
  "CHANGELOG.md",
  "README.md",
  ...readdirSync("docs")
    .filter((name) => name.endsWith(".md"))
    .map((name) => join("docs", name)),
];
const PARSERS = { ts: "typescript", typescript: "typescript", js: "babel", javascript: "babel", json: "json" };
const BLOCK = /^```(\w+)\n([\s\S]*?)^```$/gmu;

const config = (await prettier.resolveConfig("src/index.ts")) ?? {};
const width = config.printWidth ?? 80;
const problems = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  let out = "";
  let last = 0;
  for (const match of text.matchAll(BLOCK)) {
    const [whole, language, code] = match;
    const parser = PARSERS[language];
    if (parser === undefined) continue;
    const line = text.slice(0, match.index).split("\n").length;
    let formatted;
    try {
      formatted = await prettier.format(code, { ...config, parser });
    } catch (error) {
      problems.push(`${file}:${line}: Prettier cannot parse this ${language} block: ${error.message.split("\n")[0]}`);
      continue;
    }
    if (formatted !== code) problems.push(`${file}:${line}: the ${language} block is not formatted`);
    formatted.split("\n").forEach((codeLine, offset) => {
      if (codeLine.length > width)
        problems.push(
          `${file}:${line + 1 + offset}: ${codeLine.length} columns (at most ${width}): ${codeLine.trim()}`,
        );
    });
    out += text.slice(last, match.index) + "```" + language + "\n" + formatted + "```";
    last = match.index + whole.length;
  }
  out += text.slice(last);
  let inCode = false;
  text.split("\n").forEach((line, index) => {
    if (line.startsWith("```")) inCode = !inCode;
    else if (!inCode && !line.startsWith("|") && [...line].length > width)
      problems.push(`${file}:${index + 1}: prose of ${[...line].length} columns (at most ${width}): wrap it by hand`);
  });
  if (!check && out !== text) writeFileSync(file, out);
}
const shown = check
  ? problems
  : problems.filter((problem) => problem.includes("columns") || problem.includes("cannot parse"));
for (const problem of shown) console.error(problem);
if (shown.length > 0) process.exit(1);
