/**
 * The run's dates from the machine's clock, in LOCAL time: the date RECTIFY statuses are judged on
 * (`asOf`, YYYY-MM-DD) and the time of the run (ISO 8601 with the local offset, e.g.
 * 2026-11-29T19:42:05+08:00), so the workbook, the pane and the report show the same local time.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local calendar date of `d`: YYYY-MM-DD. */
export function localDate(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `d` as local ISO 8601 with its UTC offset: 2026-11-29T19:42:05+08:00. */
export function localIso(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** True for a real calendar date written YYYY-MM-DD (2025-02-29 is not one). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
