/**
 * A forward-only, windowed reader over a `ByteSource` for the GGUF header. GGUF has no header length field, so
 * the header is read as a stream of windows (64 KiB, doubling up to 4 MiB for big tokenizer vocabularies), never
 * more than the header needs plus one window.
 *
 * Parsing is synchronous: a parse step (one key/value, one tensor info, one array element) first asks `has(n)`
 * for the bytes it needs and reads them unchecked; when they are not in the window it returns `short(n, what)`,
 * which throws the precise error when the file or the header cap cannot supply them and otherwise returns SHORT.
 * The caller then rewinds to where the step began, awaits `refill` and runs the step again. So a header in one
 * window costs no await and builds no message per field: messages are built only on the way to an error.
 */
import { CheckpointError } from '../errors.js'
import type { ByteSource } from '../source.js'

const FIRST_WINDOW = 64 * 1024
const MAX_WINDOW = 4 * 1024 * 1024

/** What a parse step returns when its bytes are in the file but not yet in the window. */
export const SHORT: unique symbol = Symbol('short')
export type Short = typeof SHORT

export class GgufCursor {
  /** Absolute position of the next byte to consume. */
  pos = 0
  private buf: Uint8Array = new Uint8Array(0)
  private view = new DataView(this.buf.buffer)
  private bufStart = 0
  /** Absolute end of the window: `bufStart + buf.length`, kept as a field for the per-field checks. */
  private bufEnd = 0
  /** Absolute end of the bytes the last SHORT step asked for. */
  private wantEnd = 0
  private window = FIRST_WINDOW

  constructor(
    private readonly source: ByteSource,
    /** Bytes past this position are refused with `GgufLimitExceeded` (the header size cap). */
    private readonly limit: number
  ) {}

  get size(): number {
    return this.source.size
  }

  get remaining(): number {
    return this.source.size - this.pos
  }

  /** Whether bytes [pos, pos + n) are in the window. */
  has(n: number): boolean {
    return this.pos + n <= this.bufEnd
  }

  /**
   * For a step whose `has(n)` failed: throws `Truncated` (the file ends first) or `GgufLimitExceeded` (past the
   * header cap), naming `what`; otherwise notes what is wanted and returns SHORT.
   */
  short(n: number, what: string): Short {
    this.check(n, what)
    this.wantEnd = this.pos + n
    return SHORT
  }

  /** Checks that `n` more bytes exist (Truncated) and stay under the header cap (GgufLimitExceeded). */
  check(n: number, what: string): void {
    if (this.pos + n > this.source.size) {
      throw new CheckpointError(
        'Truncated',
        this.source.name,
        `${what} needs bytes ${this.pos}..${this.pos + n} but the file has ${this.source.size} bytes`
      )
    }
    if (this.pos + n > this.limit) {
      throw new CheckpointError(
        'GgufLimitExceeded',
        this.source.name,
        `${what} at byte ${this.pos} would take the header past the ${this.limit}-byte limit`
      )
    }
  }

  /** After a SHORT step: moves back to `from` (where the step began) and loads a window holding what it wanted. */
  async refill(from: number): Promise<void> {
    this.pos = from
    const length = Math.min(
      Math.max(this.wantEnd - from, this.window),
      this.source.size - from,
      this.limit - from
    )
    this.setWindow(from, await this.source.read(from, length))
    this.window = Math.min(this.window * 2, MAX_WINDOW)
  }

  private setWindow(start: number, bytes: Uint8Array): void {
    this.buf = bytes
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this.bufStart = start
    this.bufEnd = start + bytes.length
  }

  /** Whether `n` more bytes exist and stay under the header cap (when not, `check` throws the error). */
  fits(n: number): boolean {
    return this.pos + n <= this.source.size && this.pos + n <= this.limit
  }

  /** Moves past `n` bytes without reading them (they need not be in the window). */
  skip(n: number, what: string): void {
    this.check(n, what)
    this.pos += n
  }

  /** `skip` for a caller that has checked `fits(n)`. */
  advance(n: number): void {
    this.pos += n
  }

  /** For a step that runs in an async caller: makes `n` bytes from `pos` available, or throws naming `what`. */
  async ensure(n: number, what: string): Promise<void> {
    this.short(n, what)
    await this.refill(this.pos)
  }

  // Unchecked reads: the step has made sure of its bytes with `has`.
  private at(n: number): number {
    const i = this.pos - this.bufStart
    this.pos += n
    return i
  }

  u8(): number {
    return this.buf[this.at(1)]!
  }
  i8(): number {
    return this.view.getInt8(this.at(1))
  }
  u16(): number {
    return this.view.getUint16(this.at(2), true)
  }
  i16(): number {
    return this.view.getInt16(this.at(2), true)
  }
  u32(): number {
    return this.view.getUint32(this.at(4), true)
  }
  i32(): number {
    return this.view.getInt32(this.at(4), true)
  }
  f32(): number {
    return this.view.getFloat32(this.at(4), true)
  }
  f64(): number {
    return this.view.getFloat64(this.at(8), true)
  }
  u64(): bigint {
    return this.view.getBigUint64(this.at(8), true)
  }
  i64(): bigint {
    return this.view.getBigInt64(this.at(8), true)
  }
  /**
   * A u64 as a number when it is at most 2^53 - 1, else -1 (the caller then reads it with `u64` for the
   * message or the BigInt path): lengths and counts are compared with limits far below 2^53.
   */
  u64Small(): number {
    const i = this.at(8)
    const hi = this.view.getUint32(i + 4, true)
    if (hi >= 0x200000) return -1
    return hi * 0x100000000 + this.view.getUint32(i, true)
  }
  /** The u64 at absolute position `at` of the window (for a message about a value just read). */
  u64At(at: number): bigint {
    return this.view.getBigUint64(at - this.bufStart, true)
  }
  /** `n` bytes as a view into the window (copy it if it must outlive the next refill). */
  bytes(n: number): Uint8Array {
    const i = this.at(n)
    return this.buf.subarray(i, i + n)
  }
}
