/**
 * A growing byte buffer for the XML of a large part. What is written is gathered as a string and put into
 * UTF-8 by the platform's encoder (TextEncoder.encodeInto) once per PENDING characters, not once per piece: a
 * 20,000-row sheet is hundreds of thousands of pieces (a tag, a number, a name), and one encodeInto call each
 * (with the view it writes into) was most of the writing time in Chromium's worker (a quarter of a second
 * of the page's 考评, in a Chromium trace). The part comes out in chunks of about CHUNK_BYTES, so a sheet of
 * 100,000 rows never sits in memory as one string or one buffer.
 */
export const CHUNK_BYTES = 1 << 18;

/** Characters gathered before they are encoded. */
const PENDING = 1 << 15;

export class XmlBytes {
  private buf = new Uint8Array(CHUNK_BYTES * 2);
  private pos = 0;
  private pending = '';
  private readonly encoder = new TextEncoder();

  /** Bytes held since the last take() (characters not yet encoded counted as one byte each). */
  get size(): number {
    return this.pos + this.pending.length;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  private flush(): void {
    const s = this.pending;
    if (!s) return;
    this.pending = '';
    this.room(s.length * 3);
    this.pos += this.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  private add(s: string): void {
    this.pending += s;
    if (this.pending.length >= PENDING) this.flush();
  }

  /** Markup the caller knows to be ASCII (U+0000–U+007F). */
  ascii(s: string): void {
    this.add(s);
  }

  /** Any text, as UTF-8 (already escaped for XML by the caller). */
  text(s: string): void {
    this.add(s);
  }

  /** A non-negative integer in decimal (row numbers, style ids). */
  uint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
    this.add(String(n));
  }

  /** The bytes since the last take(), as a new array; the buffer is reused. */
  take(): Uint8Array {
    this.flush();
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}
