import { CliError } from "./cli-io.js";

/** The encodings a file may be read in: UTF-8, or Windows-1252 as Excel writes "CSV" on Windows. */
export const ENCODINGS = ["utf-8", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** A line break as an editor (and Node's readline) counts one: CRLF, a lone CR, or LF. */
export const LINE_BREAK = /\r\n|\r|\n/;
const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * The index in `bytes` of the first byte that starts a sequence UTF-8 refuses (a stray continuation
 * byte, a lead byte its continuations do not follow, an overlong form, a surrogate, past U+10FFFF), or
 * -1 when there is none; a sequence cut short by the end of `bytes` is not refused here.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const need =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    for (let k = 1; k <= need; k += 1) {
      if (i + k >= bytes.length) return -1;
      const byte = bytes[i + k] ?? 0;
      // The second byte's range narrows after E0 (no overlong), ED (no surrogate), F0 and F4 (in range).
      const low = k === 1 && lead === 0xe0 ? 0xa0 : k === 1 && lead === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && lead === 0xed ? 0x9f : k === 1 && lead === 0xf4 ? 0x8f : 0xbf;
      if (byte < low || byte > high) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The bytes at the end of `bytes` that begin a UTF-8 sequence the end cuts short (none, or 1 to 3). */
function cutShort(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/**
 * A file's bytes decoded chunk by chunk, counting line breaks as an editor does. UTF-8 is decoded
 * strictly: a byte that is not UTF-8 (a Latin-1 or Windows-1252 export read as UTF-8) stops the file
 * with the line it is on (found from the bytes themselves, whatever the file holds around it), instead
 * of turning "Müller" into "M\uFFFDller" without a word.
 */
export class FileText {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  /** Line breaks in the text given out so far, and whether it ended with a CR (an LF next joins it). */
  private breaks = 0;
  private endsWithCr = false;
  /** A UTF-8 sequence the last chunk cut short, which the decoder holds: the next chunk's bytes follow it. */
  private held: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly path: string,
    private readonly encoding: Encoding,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  }

  /** The text of the next chunk of bytes. */
  push(bytes: Uint8Array): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      throw this.notUtf8(bytes);
    }
    // Only the last three bytes can begin a sequence cut short: no copy of the chunk is needed.
    if (this.encoding === "utf-8")
      this.held = cutShort(bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : this.withHeld(bytes));
    this.count(text);
    return text;
  }

  /** The text the decoder still holds at the end of the file (a sequence cut short there is refused). */
  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw this.refusal(this.breaks + 1);
    }
  }

  private count(text: string): void {
    const found = text.match(LINE_BREAKS)?.length ?? 0;
    this.breaks += found - (this.endsWithCr && text.startsWith("\n") ? 1 : 0);
    if (text !== "") this.endsWithCr = text.endsWith("\r");
  }

  /** The error naming the line of the first byte of `bytes` (after the held ones) that is not UTF-8. */
  private notUtf8(bytes: Uint8Array): CliError {
    const joined = this.withHeld(bytes);
    const at = firstInvalidUtf8(joined);
    const before = new TextDecoder("utf-8").decode(joined.subarray(0, at < 0 ? joined.length : at));
    const found = before.match(LINE_BREAKS)?.length ?? 0;
    return this.refusal(this.breaks + found - (this.endsWithCr && before.startsWith("\n") ? 1 : 0) + 1);
  }

  /** The held bytes followed by `bytes`, as the decoder reads them. */
  private withHeld(bytes: Uint8Array): Uint8Array {
    const joined = new Uint8Array(this.held.length + bytes.length);
    joined.set(this.held);
    joined.set(bytes, this.held.length);
    return joined;
  }

  private refusal(line: number): CliError {
    return new CliError(
      `${this.path}: line ${String(line)} is not UTF-8; for a file saved in Windows-1252 or Latin-1 ` +
        "(Excel's CSV on Windows), pass --encoding windows-1252",
    );
  }
}
