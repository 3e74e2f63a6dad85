/**
 * Times as clerks read them: in the office's time zone (config `timezone`), minutes, and the
 * zone's Indonesian abbreviation where it has one: `2026-12-05 14:13 WIB`. Pure.
 */

/** Indonesia's three zones; other zones are shown as the runtime names them (e.g. GMT+8). */
const ABBR: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** Whether `tz` is a time zone this runtime knows (an IANA name such as Asia/Jakarta). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** `2026-12-05 14:13 WIB` (with `seconds`: `2026-12-05 14:13:07 WIB`); "-" for an invalid date. */
export function officeTime(d: Date, tz: string, opts: { seconds?: boolean } = {}): string {
  if (Number.isNaN(d.getTime())) return "-";
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    ...(opts.seconds ? { second: "2-digit" as const } : {}),
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const zone = ABBR[tz] ?? get("timeZoneName");
  const sec = opts.seconds ? `:${get("second")}` : "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}${sec} ${zone}`;
}
