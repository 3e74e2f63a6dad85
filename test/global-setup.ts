/**
 * Builds dist/ once before the suite (`npm run build`: compile, then bundle the CLI), so tests
 * that run arsipd as a process run the real program (exactly what `npm start`, systemd and
 * Docker run).
 */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}
