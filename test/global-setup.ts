/**
 * Builds dist/ once before the suite, so tests that run arsipd as a process run the real,
 * compiled program (exactly what `npm start`, systemd and Docker run).
 */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
}
