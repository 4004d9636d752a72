/**
 * Builds the schema table (definitions.json) from the `kubernetes-types` declaration files.
 *
 * Build-time only: it reads node_modules with node:fs and the TypeScript compiler API, so
 * only scripts/gen-schema.ts and the staleness test import it, never the engine at run time.
 *
 * kubernetes-types carries the field names, the official descriptions and optionality, but
 * not what the API server's Go decoder knows: int32 vs int64, named Go types and `+enum`
 * values. Those come from goTypes.json, a table extracted once from the Go types.go files
 * of k8s.io/api and k8s.io/apimachinery (struct → json field → Go type string).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import { defaultGoType } from "./goTypeName";
import type { Definition, FieldSchema, KindInfo, SchemaTable } from "./types";

/** The kinds the simulator serves, with their REST names (as `kubectl api-resources` lists them). */
const KINDS: Omit<KindInfo, "definition">[] = [
  { group: "", version: "v1", kind: "Namespace", resource: "namespaces", shortNames: ["ns"] },
  { group: "", version: "v1", kind: "Pod", resource: "pods", shortNames: ["po"] },
  { group: "", version: "v1", kind: "Service", resource: "services", shortNames: ["svc"] },
  { group: "", version: "v1", kind: "Endpoints", resource: "endpoints", shortNames: ["ep"] },
  { group: "", version: "v1", kind: "ConfigMap", resource: "configmaps", shortNames: ["cm"] },
  { group: "", version: "v1", kind: "Secret", resource: "secrets", shortNames: [] },
  { group: "", version: "v1", kind: "ServiceAccount", resource: "serviceaccounts", shortNames: ["sa"] },
  { group: "", version: "v1", kind: "Node", resource: "nodes", shortNames: ["no"] },
  { group: "", version: "v1", kind: "Event", resource: "events", shortNames: ["ev"] },
  { group: "apps", version: "v1", kind: "ReplicaSet", resource: "replicasets", shortNames: ["rs"] },
  { group: "apps", version: "v1", kind: "Deployment", resource: "deployments", shortNames: ["deploy"] },
  { group: "batch", version: "v1", kind: "Job", resource: "jobs", shortNames: [] },
  { group: "batch", version: "v1", kind: "CronJob", resource: "cronjobs", shortNames: ["cj"] },
];

/** kubernetes-types module (relative to the package root) → OpenAPI definition prefix. */
const MODULES: Record<string, string> = {
  "core/v1": "io.k8s.api.core.v1",
  "apps/v1": "io.k8s.api.apps.v1",
  "batch/v1": "io.k8s.api.batch.v1",
  "meta/v1": "io.k8s.apimachinery.pkg.apis.meta.v1",
  "api/resource": "io.k8s.apimachinery.pkg.api.resource",
  runtime: "io.k8s.apimachinery.pkg.runtime",
};

/** Type aliases of kubernetes-types that stand for apimachinery's special types. */
const SPECIAL_ALIASES: Record<string, string> = {
  "io.k8s.apimachinery.pkg.api.resource.Quantity": "quantity",
  "io.k8s.apimachinery.pkg.apis.meta.v1.Time": "time",
  "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": "microtime",
};

/**
 * IntOrString's OpenAPI description; kubernetes-types inlines the type as `number | string`
 * and so drops its doc comment (text from k8s.io/apimachinery/pkg/util/intstr).
 */
const INT_OR_STRING_DESCRIPTION =
  "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.";

interface GoTable {
  fields: Record<string, Record<string, string>>;
  enums: Record<string, string[]>;
}

interface Module {
  prefix: string;
  decls: Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>;
  imports: Map<string, string>;
  text: string;
}

function kubernetesTypesRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("kubernetes-types/package.json"));
}

function loadModule(root: string, path: string): Module {
  const text = readFileSync(join(root, `${path}.d.ts`), "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const mod: Module = { prefix: MODULES[path], decls: new Map(), imports: new Map(), text };
  for (const stmt of file.statements) {
    if (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt))
      mod.decls.set(stmt.name.text, stmt);
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const from = join(dirname(path), stmt.moduleSpecifier.text);
      const bindings = stmt.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) mod.imports.set(el.name.text, MODULES[from]);
      }
    }
  }
  return mod;
}

/** The doc comment text just before a node, without the comment markers. */
function docComment(mod: Module, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(mod.text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => mod.text.startsWith("/**", r.pos)).at(-1);
  if (!last) return "";
  const raw = mod.text.slice(last.pos + 3, last.end - 2);
  const lines = raw.split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
  return lines.join("\n").trim();
}

class Generator {
  private readonly modules = new Map<string, Module>();
  private readonly definitions: Record<string, Definition> = {};
  private readonly pending: string[] = [];

  constructor(
    private readonly root: string,
    private readonly go: GoTable,
  ) {}

  run(): SchemaTable {
    const kinds = KINDS.map((k) => ({ ...k, definition: this.kindDefinition(k) }));
    for (const k of kinds) this.pending.push(k.definition);
    while (this.pending.length > 0) {
      const name = this.pending.pop()!;
      if (!(name in this.definitions)) this.definitions[name] = this.buildDefinition(name);
    }
    return { kinds, definitions: this.definitions, scalarDescriptions: this.scalarDescriptions() };
  }

  /** Descriptions of the special scalar types, which explain prints after a field's own. */
  private scalarDescriptions(): Record<string, string> {
    const out: Record<string, string> = { "int-or-string": INT_OR_STRING_DESCRIPTION };
    for (const [name, scalar] of Object.entries(SPECIAL_ALIASES)) {
      const { mod, decl } = this.lookup(name);
      out[scalar] = docComment(mod, decl);
    }
    return out;
  }

  private kindDefinition(k: Omit<KindInfo, "definition">): string {
    const module = k.group === "" ? "core/v1" : `${k.group}/${k.version}`;
    return `${MODULES[module]}.${k.kind}`;
  }

  private module(prefix: string): Module {
    const path = Object.keys(MODULES).find((p) => MODULES[p] === prefix);
    if (!path) throw new Error(`no kubernetes-types module for ${prefix}`);
    let mod = this.modules.get(path);
    if (!mod) {
      mod = loadModule(this.root, path);
      this.modules.set(path, mod);
    }
    return mod;
  }

  private lookup(name: string): { mod: Module; decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration } {
    const dot = name.lastIndexOf(".");
    const mod = this.module(name.slice(0, dot));
    const decl = mod.decls.get(name.slice(dot + 1));
    if (!decl) throw new Error(`kubernetes-types has no declaration for ${name}`);
    return { mod, decl };
  }

  private buildDefinition(name: string): Definition {
    const { mod, decl } = this.lookup(name);
    if (!ts.isInterfaceDeclaration(decl)) throw new Error(`${name} is not an interface`);
    const properties: Record<string, FieldSchema> = {};
    const required: string[] = [];
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const field = member.name.getText();
      if (!member.questionToken) required.push(field);
      properties[field] = this.field(name, field, mod, member);
    }
    const def: Definition = { description: docComment(mod, decl), properties };
    if (required.length > 0) def.required = required.sort();
    return def;
  }

  private field(owner: string, field: string, mod: Module, member: ts.PropertySignature): FieldSchema {
    const type = this.typeOf(mod, member.type!);
    const schema: FieldSchema = { type, description: docComment(mod, member) };
    const goType = this.go.fields[owner]?.[field];
    if (goType === "float64") schema.type = type.replace(/integer$/, "number");
    if (goType && goType !== defaultGoType(schema.type)) schema.go = goType;
    const values = goType ? this.go.enums[goType] : undefined;
    if (values && schema.type === "string") schema.enum = values;
    return schema;
  }

  private typeOf(mod: Module, node: ts.TypeNode): string {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
      case ts.SyntaxKind.LiteralType:
        return "string";
      case ts.SyntaxKind.NumberKeyword:
        return "integer";
      case ts.SyntaxKind.BooleanKeyword:
        return "boolean";
    }
    if (ts.isUnionTypeNode(node)) return "int-or-string";
    if (ts.isArrayTypeNode(node)) return `[]${this.typeOf(mod, node.elementType)}`;
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (!index) throw new Error(`unsupported type literal ${node.getText()}`);
      return `map[string]${this.typeOf(mod, index.type)}`;
    }
    if (ts.isTypeReferenceNode(node)) return this.reference(mod, node);
    throw new Error(`unsupported type ${node.getText()}`);
  }

  private reference(mod: Module, node: ts.TypeReferenceNode): string {
    const name = node.typeName.getText();
    if (name === "Array" && node.typeArguments?.length === 1)
      return `[]${this.typeOf(mod, node.typeArguments[0])}`;
    const prefix = mod.decls.has(name) ? mod.prefix : mod.imports.get(name);
    if (!prefix) throw new Error(`cannot resolve type ${name} in ${mod.prefix}`);
    const full = `${prefix}.${name}`;
    if (SPECIAL_ALIASES[full]) return SPECIAL_ALIASES[full];
    this.pending.push(full);
    return full;
  }
}

/** Generates the schema table from node_modules/kubernetes-types and goTypes.json. */
export function generateSchemaTable(): SchemaTable {
  const goTable = JSON.parse(readFileSync(new URL("./goTypes.json", import.meta.url), "utf8")) as GoTable;
  return new Generator(kubernetesTypesRoot(), goTable).run();
}

/**
 * Serializes a value as JSON with object keys sorted at every level, so output is
 * deterministic; indented so that a regenerated file diffs line by line (bundlers
 * re-minify JSON imports, so the whitespace costs nothing at run time).
 */
export function stableStringify(value: unknown): string {
  const sorted = (_key: string, v: unknown): unknown => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const obj = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, obj[k]]),
    );
  };
  return JSON.stringify(value, sorted, 1);
}
