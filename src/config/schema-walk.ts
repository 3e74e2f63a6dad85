/**
 * Walking the config schema's zod nodes, for the two places that read the schema itself: the
 * commented defaults file (defaults-file.ts) and the one-line config errors (load.ts), which
 * quote a key's `.describe()` text. Wrappers (default, optional, prefault, pipe …) are looked
 * through, a bounded number of levels.
 */

// biome-ignore lint/suspicious/noExplicitAny: walking zod schema internals generically
export type SchemaNode = any;

const MAX_WRAPPERS = 6;

/** The node inside its wrappers: an object (with `shape`), an array (with `element`) or a leaf. */
export function unwrap(node: SchemaNode): SchemaNode {
  let n = node;
  for (let i = 0; i < MAX_WRAPPERS && n && !n.shape && !n.element && n.def?.innerType; i++)
    n = n.def.innerType;
  return n;
}

/** The first `.describe()` text on the node or one of its wrappers. */
export function descriptionOf(node: SchemaNode): string | undefined {
  let n = node;
  for (let i = 0; i < MAX_WRAPPERS && n; i++) {
    if (n.description) return n.description;
    n = n.def?.innerType;
  }
  return undefined;
}

/** The node at `keyPath` (object keys, array indexes), or undefined. */
export function nodeAt(root: SchemaNode, keyPath: readonly PropertyKey[]): SchemaNode {
  let node = root;
  for (const k of keyPath) {
    node = unwrap(node);
    if (node?.shape && typeof k === "string") node = node.shape[k];
    else if (node?.element) node = node.element;
    else return undefined;
  }
  return node;
}
