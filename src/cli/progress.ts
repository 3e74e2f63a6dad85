/** A one-line progress bar on a terminal; silent when stderr is not a TTY (logs, pipes, CI). */

export interface Progress {
  update(p: { done: number; total: number; bytes: number; totalBytes: number }): void;
  end(): void;
}

function mb(n: number): string {
  return `${(n / 1_048_576).toFixed(1)} MB`;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, end() {} };
  let last = 0;
  let shown = false;
  return {
    update({ done, total, bytes, totalBytes }) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const frac = totalBytes > 0 ? bytes / totalBytes : total > 0 ? done / total : 1;
      const fill = Math.round(Math.min(1, frac) * width);
      stream.write(
        `\r[${"#".repeat(fill)}${"-".repeat(width - fill)}] ${done}/${total} files, ${mb(bytes)}/${mb(totalBytes)} `,
      );
      shown = true;
    },
    end() {
      if (shown) stream.write("\n");
    },
  };
}
