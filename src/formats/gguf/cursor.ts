/**
 * A forward-only, buffered reader over a `ByteSource` for the GGUF header. GGUF has no header length field, so
 * the header is read as a stream: small windows (64 KiB, doubling up to 4 MiB for big tokenizer vocabularies)
 * instead of one read per field, and never more than the header needs plus one window.
 */
import { CheckpointError } from '../errors.js'
import type { ByteSource } from '../source.js'

const FIRST_WINDOW = 64 * 1024
const MAX_WINDOW = 4 * 1024 * 1024

export class GgufCursor {
  /** Absolute position of the next byte to consume. */
  pos = 0
  private buf: Uint8Array = new Uint8Array(0)
  private view = new DataView(this.buf.buffer)
  private bufStart = 0
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

  /** Makes bytes [pos, pos + n) available in the buffer. */
  async need(n: number, what: string): Promise<void> {
    if (this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.buf.length) return
    this.check(n, what)
    const length = Math.min(Math.max(n, this.window), this.source.size - this.pos, this.limit - this.pos)
    this.buf = await this.source.read(this.pos, length)
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength)
    this.bufStart = this.pos
    this.window = Math.min(this.window * 2, MAX_WINDOW)
  }

  /** Moves past `n` bytes without reading them. */
  skip(n: number, what: string): void {
    this.check(n, what)
    this.pos += n
  }

  private at(n: number): number {
    const i = this.pos - this.bufStart
    this.pos += n
    return i
  }

  async u8(what: string): Promise<number> {
    await this.need(1, what)
    return this.view.getUint8(this.at(1))
  }
  async i8(what: string): Promise<number> {
    await this.need(1, what)
    return this.view.getInt8(this.at(1))
  }
  async u16(what: string): Promise<number> {
    await this.need(2, what)
    return this.view.getUint16(this.at(2), true)
  }
  async i16(what: string): Promise<number> {
    await this.need(2, what)
    return this.view.getInt16(this.at(2), true)
  }
  async u32(what: string): Promise<number> {
    await this.need(4, what)
    return this.view.getUint32(this.at(4), true)
  }
  async i32(what: string): Promise<number> {
    await this.need(4, what)
    return this.view.getInt32(this.at(4), true)
  }
  async f32(what: string): Promise<number> {
    await this.need(4, what)
    return this.view.getFloat32(this.at(4), true)
  }
  async u64(what: string): Promise<bigint> {
    await this.need(8, what)
    return this.view.getBigUint64(this.at(8), true)
  }
  async i64(what: string): Promise<bigint> {
    await this.need(8, what)
    return this.view.getBigInt64(this.at(8), true)
  }
  async f64(what: string): Promise<number> {
    await this.need(8, what)
    return this.view.getFloat64(this.at(8), true)
  }
  /** `n` bytes as a view into the buffer (copy it if it must outlive the next read). */
  async bytes(n: number, what: string): Promise<Uint8Array> {
    await this.need(n, what)
    const i = this.at(n)
    return this.buf.subarray(i, i + n)
  }
}
