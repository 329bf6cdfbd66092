import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { entryPoints } from "../../scripts/entry-points.js";

// Every public export carries TSDoc with an @example, and every example compiles against the real
// sources as a consumer would write it (`import ... from "handoff-kit/sla"`). typedoc checks that
// exports are documented; this checks what typedoc cannot: that the examples exist and are right.

const root = fileURLToPath(new URL("../../", import.meta.url));
const configFile = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path));
const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);

interface Example {
  readonly owner: string;
  readonly code: string;
}

function collectPublicApi(): { missing: string[]; uncategorized: string[]; examples: Example[] } {
  const files = entryPoints.map((entry) => `${root}${entry.source}`);
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  const uncategorized: string[] = [];
  const examples = new Map<string, Example>();
  for (const entry of entryPoints) {
    const source = program.getSourceFile(`${root}${entry.source}`);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`no module symbol for ${entry.source}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const owner = `${entry.specifier}#${exported.name}`;
      const blocks = (symbol.declarations ?? [])
        .flatMap((declaration) => ts.getJSDocTags(declaration))
        .filter((tag) => tag.tagName.text === "example")
        .flatMap((tag) => codeBlocks(ts.getTextOfJSDocComment(tag.comment) ?? ""));
      if (blocks.length === 0) missing.push(owner);
      const tags = (symbol.declarations ?? []).flatMap((declaration) => ts.getJSDocTags(declaration));
      if (!tags.some((tag) => tag.tagName.text === "category")) uncategorized.push(owner);
      for (const code of blocks) if (!examples.has(code)) examples.set(code, { owner, code });
    }
  }
  return { missing, uncategorized, examples: [...examples.values()] };
}

/** The TypeScript blocks of the README and the guides, which readers copy as they are. */
function collectGuideExamples(): Example[] {
  const guides = [
    "README.md",
    ...readdirSync(`${root}docs`)
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  ];
  return guides.flatMap((guide) =>
    codeBlocks(readFileSync(`${root}${guide}`, "utf8")).map((code) => ({ owner: guide, code })),
  );
}

function codeBlocks(text: string): string[] {
  return [...text.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

function compileExamples(examples: readonly Example[]): string[] {
  const virtual = new Map(
    examples.map((example, index) => [
      `${root}test/docs/.examples/example-${String(index)}.ts`,
      `${example.code}\nexport {};\n`,
    ]),
  );
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (path) => virtual.has(path) || fileExists(path);
  host.readFile = (path) => virtual.get(path) ?? readFile(path);
  host.getSourceFile = (path, language, ...rest) => {
    const text = virtual.get(path);
    return text === undefined ? getSourceFile(path, language, ...rest) : ts.createSourceFile(path, text, language);
  };
  const program = ts.createProgram([...virtual.keys()], { ...options, noEmit: true }, host);
  const owners = new Map([...virtual.keys()].map((path, index) => [path, examples[index]?.owner ?? "?"]));
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? (owners.get(diagnostic.file.fileName) ?? diagnostic.file.fileName) : "(program)";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

describe("public API documentation", () => {
  const { missing, uncategorized, examples } = collectPublicApi();

  it("files every export under a @category, so each module's page is grouped by topic", () => {
    expect(uncategorized).toEqual([]);
  });

  it("gives every export of every entry point an @example", () => {
    expect(missing).toEqual([]);
    expect(examples.length).toBeGreaterThan(20);
  });

  it("has examples that compile as a consumer would write them", { timeout: 60_000 }, () => {
    expect(compileExamples(examples)).toEqual([]);
  });

  it("has README and guide examples that compile", { timeout: 60_000 }, () => {
    const guides = collectGuideExamples();
    expect(guides.some((example) => example.owner === "README.md")).toBe(true);
    expect(compileExamples(guides)).toEqual([]);
  });
});
