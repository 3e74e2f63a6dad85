/**
 * Names arsipd never touches: editor lock files, partial downloads, OS clutter, hidden files.
 * A file matching these is neither organised, quarantined, mirrored nor indexed.
 */

const BUILT_IN: RegExp[] = [
  /^~\$/, // Office lock file: ~$Dokumen.docx
  /^\.~lock\..*#$/, // LibreOffice lock file
  /~$/, // editor backup
  /^~.*\.tmp$/i, // Office temp file
  /\.(part|crdownload|partial|tmp|swp)$/i,
  /^thumbs\.db$/i,
  /^desktop\.ini$/i,
  /^\.ds_store$/i,
  /^\._/, // macOS resource fork
  /^\./, // any hidden file or folder (also arsipd's own temp files)
];

/** Turns a simple glob (`*`, `?`) into an anchored, case-insensitive RegExp. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

export function makeIgnore(extra: string[] = []): (name: string) => boolean {
  const patterns = [...BUILT_IN, ...extra.map(globToRegExp)];
  return (name) => patterns.some((p) => p.test(name));
}
