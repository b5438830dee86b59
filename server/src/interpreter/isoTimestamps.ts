/** The last hour's `YYYY-MM-DDTHH:` is kept: within it, only minutes, seconds and milliseconds are written. */
const HOUR = 3_600_000;
/** Year 10000: from there on (and before 1970) toISOString writes another form; those go through it. */
const FAST_UNTIL = 253_402_300_800_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * Timestamps as `Date.prototype.toISOString` writes them, for a clock that mostly moves forward a little at a
 * time (every history event and Context object has one; a retried Task moves a virtual clock every attempt):
 * the same millisecond is one string, and a new one in the same hour is a few digits, not a Date.
 */
export class IsoTimestamps {
  private at = NaN;
  private text = '';
  private hour = NaN;
  private hourText = '';

  of(now: number): string {
    if (now === this.at) return this.text;
    this.at = now;
    // A Date drops the fraction of a millisecond (toward zero).
    const ms = Math.trunc(now);
    if (!(ms >= 0 && ms < FAST_UNTIL)) return (this.text = new Date(now).toISOString());
    const hour = Math.floor(ms / HOUR);
    if (hour !== this.hour) {
      this.hour = hour;
      this.hourText = new Date(hour * HOUR).toISOString().slice(0, 14);
    }
    const inHour = ms - hour * HOUR;
    this.text = `${this.hourText}${pad2(Math.floor(inHour / 60_000))}:${pad2(Math.floor(inHour / 1000) % 60)}.${pad3(inHour % 1000)}Z`;
    return this.text;
  }
}

/**
 * A timestamp as AWS writes it in the Context object (`$$.Execution.StartTime`, `$$.State.EnteredTime`): ISO 8601
 * in UTC with milliseconds, and no fraction at all on a whole second ("2025-02-03T04:05:06Z", not ".000Z"), as
 * Java's Instant prints it (asl-reference §6: "Timestamps drop trailing zero fractional seconds"; the developer
 * guide's example "2019-03-26T20:14:13.192Z"; AWS support's answer quoted at https://zenn.dev/hr0k/articles/a663524f5ec88e).
 */
export function contextTimestamp(iso: string): string {
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
