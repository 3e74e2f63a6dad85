/**
 * Renders the schema as a commented YAML file: every key, its description as a comment, its
 * default value (or a commented-out line when it has none). `arsipd config --defaults` prints
 * it and config/arsipd.example.yaml is this text, so the docs cannot drift from the schema.
 */
import { stringify } from "yaml";
import { configSchema } from "./schema.js";
import { descriptionOf, type SchemaNode, unwrap } from "./schema-walk.js";

type Node = SchemaNode;

function renderValue(value: unknown, indent: string): string {
  const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value ?? {}).length === 0;
  if (value !== null && typeof value === "object" && !empty) {
    const body = stringify(value, { lineWidth: 0 }).trimEnd();
    return `\n${body
      .split("\n")
      .map((l) => `${indent}  ${l}`)
      .join("\n")}`;
  }
  return ` ${stringify(value).trimEnd()}`;
}

function renderObject(schema: Node, values: Record<string, unknown>, indent: string): string[] {
  const out: string[] = [];
  const shape = unwrap(schema).shape as Record<string, Node>;
  for (const [key, field] of Object.entries(shape)) {
    const desc = descriptionOf(field);
    const inner = unwrap(field);
    if (desc) out.push(`${indent}# ${desc}`);
    const value = values[key];
    if (inner.shape && value && typeof value === "object") {
      out.push(`${indent}${key}:`);
      out.push(...renderObject(inner, value as Record<string, unknown>, `${indent}  `));
    } else if (value === undefined) {
      out.push(`${indent}# ${key}:`);
    } else {
      out.push(`${indent}${key}:${renderValue(value, indent)}`);
    }
  }
  return out;
}

export function defaultsYaml(): string {
  const defaults = configSchema.parse({}) as Record<string, unknown>;
  const head = [
    "# arsipd configuration. Every key is optional: a missing key takes the value shown here.",
    "# Relative paths are resolved against the working directory of arsipd.",
    "# The remote password never needs to be in this file: set ARSIPD_REMOTE_PASSWORD,",
    "# ARSIPD_REMOTE_PASSWORD_FILE, or the systemd credential 'remote-password'.",
    "",
  ];
  return `${[...head, ...renderObject(configSchema, defaults, "")].join("\n")}\n`;
}
