/**
 * GGUF metadata values: keys and names (bounded, strict UTF-8) and values of every type, made JSON-safe. Short
 * values are kept whole; long arrays (a tokenizer vocabulary) keep their length and first items, long strings a
 * prefix, and what is not kept is skipped without being read where its size is known.
 *
 * Names and single values are synchronous steps over the cursor's window (SHORT when their bytes are not all in
 * it: see cursor.ts); arrays, which can be far larger than a window, are read element by element by an async
 * loop that refills between elements.
 */
import { CheckpointError } from '../errors.js'
import { SHORT, type GgufCursor, type Short } from './cursor.js'
import {
  GGUF_LIMITS,
  GGUF_METADATA_KEEP,
  GGUF_VALUE_SIZE,
  GGUF_VALUE_TYPES,
  type GgufValueTypeName
} from './types.js'

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })

/** A long metadata array, summarised: its element type, its length and its first items. */
export interface GgufArraySummary {
  type: 'array'
  elementType: GgufValueTypeName
  length: number
  head: unknown[]
}

/**
 * A key or tensor name (`${kind} ${index}` in messages, e.g. "name of tensor 12"): bounded, strictly UTF-8.
 * SHORT when its bytes are not all in the window.
 */
export function readName(c: GgufCursor, file: string, kind: string, index: number): string | Short {
  if (!c.has(8)) return c.short(8, `length of the ${kind} ${index}`)
  const len = c.u64Small()
  if (len < 0 || len > GGUF_LIMITS.maxNameBytes) {
    throw new CheckpointError(
      'GgufLimitExceeded',
      file,
      `${kind} ${index} at byte ${c.pos - 8} is ${c.u64At(c.pos - 8)} bytes long; the limit is ${GGUF_LIMITS.maxNameBytes}`
    )
  }
  if (!c.has(len)) return c.short(len, `the ${kind} ${index}`)
  const at = c.pos
  const bytes = c.bytes(len)
  try {
    return strictUtf8.decode(bytes)
  } catch {
    throw new CheckpointError('InvalidGguf', file, `${kind} ${index} at byte ${at} is not valid UTF-8`)
  }
}

export function valueTypeName(
  id: number,
  what: string,
  fail: (code: 'InvalidGguf', detail: string) => never
): GgufValueTypeName {
  const name = GGUF_VALUE_TYPES[id]
  if (name === undefined)
    fail('InvalidGguf', `${what} is ${id}; valid types are 0..${GGUF_VALUE_TYPES.length - 1}`)
  return name as GgufValueTypeName
}

/** Reads metadata values, keeping short ones whole and summarising long arrays and strings (`keep` = false skips). */
export class ValueReader {
  key = ''
  private utf8Warned = new Set<string>()
  constructor(
    private readonly c: GgufCursor,
    private readonly file: string,
    private readonly warnings: string[]
  ) {}

  private fail(code: 'InvalidGguf' | 'GgufLimitExceeded', detail: string): never {
    throw new CheckpointError(code, this.file, detail)
  }

  /** A value of any type but ARRAY (see `array`), or SHORT. */
  scalar(type: Exclude<GgufValueTypeName, 'ARRAY'>, keep: boolean): unknown {
    const c = this.c
    if (type === 'STRING') return this.string(keep)
    const size = GGUF_VALUE_SIZE[type] as number
    if (!c.has(size)) return c.short(size, `value of ${q(this.key)}`)
    switch (type) {
      case 'UINT8':
        return c.u8()
      case 'INT8':
        return c.i8()
      case 'UINT16':
        return c.u16()
      case 'INT16':
        return c.i16()
      case 'UINT32':
        return c.u32()
      case 'INT32':
        return c.i32()
      case 'FLOAT32':
        return jsonNumber(c.f32())
      case 'FLOAT64':
        return jsonNumber(c.f64())
      case 'UINT64':
        return jsonBigInt(c.u64())
      case 'INT64':
        return jsonBigInt(c.i64())
      case 'BOOL': {
        const b = c.u8()
        if (b > 1) {
          this.fail(
            'InvalidGguf',
            `BOOL value of ${q(this.key)} at byte ${c.pos - 1} is ${b}; only 0 and 1 are valid`
          )
        }
        return b === 1
      }
    }
  }

  /** A string value (undefined when not kept), or SHORT. */
  private string(keep: boolean): string | undefined | Short {
    const c = this.c
    if (!c.has(8)) return c.short(8, `length of a string in ${q(this.key)}`)
    const n = c.u64Small()
    if (n < 0 || n > GGUF_LIMITS.maxHeaderBytes) {
      this.fail(
        'GgufLimitExceeded',
        `string in ${q(this.key)} at byte ${c.pos - 8} is ${c.u64At(c.pos - 8)} bytes long, past the header limit`
      )
    }
    if (!c.fits(n)) c.check(n, `a string in ${q(this.key)}`)
    if (!keep) {
      c.advance(n)
      return undefined
    }
    const kept = n <= GGUF_METADATA_KEEP.stringBytes ? n : GGUF_METADATA_KEEP.stringHead
    if (!c.has(kept)) return c.short(kept, `a string in ${q(this.key)}`)
    const bytes = c.bytes(kept)
    c.advance(n - kept)
    // A summarised string may end inside a character, so only whole strings are held to strict UTF-8.
    if (kept < n) return `${lenientUtf8.decode(bytes)}… [${n} bytes]`
    try {
      return strictUtf8.decode(bytes)
    } catch {
      if (!this.utf8Warned.has(this.key)) {
        this.utf8Warned.add(this.key)
        this.warnings.push(`metadata ${q(this.key)} holds invalid UTF-8 (shown with replacement characters)`)
      }
      return lenientUtf8.decode(bytes)
    }
  }

  async array(depth: number, keep: boolean): Promise<{ elementType: GgufValueTypeName; value: unknown }> {
    const c = this.c
    if (depth > GGUF_LIMITS.maxArrayDepth) {
      this.fail('GgufLimitExceeded', `${q(this.key)} nests arrays deeper than ${GGUF_LIMITS.maxArrayDepth}`)
    }
    if (!c.has(4)) await c.ensure(4, `array element type of ${q(this.key)}`)
    const elementType = valueTypeName(c.u32(), `array element type of ${q(this.key)}`, (code, d) =>
      this.fail(code, d)
    )
    if (!c.has(8)) await c.ensure(8, `array length of ${q(this.key)}`)
    const n = c.u64Small()
    if (n < 0 || n > GGUF_LIMITS.maxArrayElements) {
      this.fail(
        'GgufLimitExceeded',
        `array ${q(this.key)} has ${c.u64At(c.pos - 8)} elements; the limit is ${GGUF_LIMITS.maxArrayElements}`
      )
    }
    const fixed = GGUF_VALUE_SIZE[elementType]
    const minSize = fixed ?? (elementType === 'STRING' ? 8 : 12)
    if (!c.fits(n * minSize)) c.check(n * minSize, `array ${q(this.key)} of ${n} ${elementType}`)
    const keepCount = !keep ? 0 : n <= GGUF_METADATA_KEEP.arrayItems ? n : GGUF_METADATA_KEEP.arrayHead
    const items: unknown[] = []
    // Fixed-size elements past the kept head are skipped unread, except BOOL, whose bytes must be 0 or 1.
    const readAll = fixed === undefined || elementType === 'BOOL'
    const toRead = readAll ? n : keepCount
    if (elementType === 'ARRAY') {
      for (let i = 0; i < toRead; i++) {
        const v = (await this.array(depth + 1, i < keepCount)).value
        if (i < keepCount) items.push(v)
      }
    } else {
      for (let i = 0; i < toRead;) {
        const at = c.pos
        const v = this.scalar(elementType, i < keepCount)
        if (v === SHORT) {
          await c.refill(at)
          continue
        }
        if (i < keepCount) items.push(v)
        i++
      }
    }
    if (!readAll) c.skip((n - keepCount) * (fixed as number), `array ${q(this.key)}`)
    if (!keep) return { elementType, value: undefined }
    if (n <= GGUF_METADATA_KEEP.arrayItems) return { elementType, value: items }
    const summary: GgufArraySummary = { type: 'array', elementType, length: n, head: items }
    return { elementType, value: summary }
  }
}

function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x)
}

function jsonBigInt(x: bigint): number | string {
  return x <= MAX_SAFE && x >= -MAX_SAFE ? Number(x) : x.toString()
}

/** A name for a message: quoted and escaped (hostile names may hold control characters), and cut when long. */
export function q(name: string): string {
  return JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name)
}
