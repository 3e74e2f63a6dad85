/** Share-relative and remote paths are POSIX ("a/b/c.pdf", "" for the root). */

/** The folder holding `p`: "a/b" for "a/b/c.pdf", "" for a name at the top. */
export function parentOf(p: string): string {
  const i = p.lastIndexOf("/");
  return i === -1 ? "" : p.slice(0, i);
}
