/**
 * GGUF metadata values: keys and names (bounded, strict UTF-8) and values of every type, made JSON-safe. Short
 * values are kept whole; long arrays (a tokenizer vocabulary) keep their length and first items, long strings a
 * prefix, and what is not kept is skipped without being read where its size is known.
 */
import { CheckpointError } from '../errors.js'
import type { GgufCursor } from './cursor.js'
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
/** A key or tensor name: bounded, strictly UTF-8. */
export async function readName(c: GgufCursor, file: string, what: string): Promise<string> {
  const len = await c.u64(`length of the ${what}`)
  if (len > BigInt(GGUF_LIMITS.maxNameBytes)) {
    throw new CheckpointError(
      'GgufLimitExceeded',
      file,
      `${what} at byte ${c.pos - 8} is ${len} bytes long; the limit is ${GGUF_LIMITS.maxNameBytes}`
    )
  }
  const at = c.pos
  const bytes = await c.bytes(Number(len), `the ${what}`)
  try {
    return strictUtf8.decode(bytes)
  } catch {
    throw new CheckpointError('InvalidGguf', file, `${what} at byte ${at} is not valid UTF-8`)
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

  async scalar(type: GgufValueTypeName, keep: boolean): Promise<unknown> {
    const c = this.c
    const what = `value of ${q(this.key)}`
    switch (type) {
      case 'UINT8':
        return c.u8(what)
      case 'INT8':
        return c.i8(what)
      case 'UINT16':
        return c.u16(what)
      case 'INT16':
        return c.i16(what)
      case 'UINT32':
        return c.u32(what)
      case 'INT32':
        return c.i32(what)
      case 'FLOAT32':
        return jsonNumber(await c.f32(what))
      case 'FLOAT64':
        return jsonNumber(await c.f64(what))
      case 'UINT64':
        return jsonBigInt(await c.u64(what))
      case 'INT64':
        return jsonBigInt(await c.i64(what))
      case 'BOOL': {
        const b = await c.u8(what)
        if (b > 1)
          this.fail('InvalidGguf', `BOOL ${what} at byte ${c.pos - 1} is ${b}; only 0 and 1 are valid`)
        return b === 1
      }
      case 'STRING':
        return this.string(keep)
      case 'ARRAY':
        return (await this.array(1, keep)).value
    }
  }

  private async string(keep: boolean): Promise<string | undefined> {
    const c = this.c
    const what = `string in ${q(this.key)}`
    const len = await c.u64(`length of a ${what}`)
    if (len > BigInt(GGUF_LIMITS.maxHeaderBytes)) {
      this.fail(
        'GgufLimitExceeded',
        `${what} at byte ${c.pos - 8} is ${len} bytes long, past the header limit`
      )
    }
    const n = Number(len)
    if (!keep) {
      c.skip(n, `a ${what}`)
      return undefined
    }
    const kept = Math.min(n, n <= GGUF_METADATA_KEEP.stringBytes ? n : GGUF_METADATA_KEEP.stringHead)
    c.check(n, `a ${what}`)
    const bytes = await c.bytes(kept, `a ${what}`)
    c.skip(n - kept, `a ${what}`)
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
    const elementType = valueTypeName(
      await c.u32(`array element type of ${q(this.key)}`),
      `array element type of ${q(this.key)}`,
      (code, d) => this.fail(code, d)
    )
    const count = await c.u64(`array length of ${q(this.key)}`)
    if (count > BigInt(GGUF_LIMITS.maxArrayElements)) {
      this.fail(
        'GgufLimitExceeded',
        `array ${q(this.key)} has ${count} elements; the limit is ${GGUF_LIMITS.maxArrayElements}`
      )
    }
    const n = Number(count)
    const fixed = GGUF_VALUE_SIZE[elementType]
    const minSize = fixed ?? (elementType === 'STRING' ? 8 : 12)
    c.check(n * minSize, `array ${q(this.key)} of ${n} ${elementType}`)
    const keepCount = !keep ? 0 : n <= GGUF_METADATA_KEEP.arrayItems ? n : GGUF_METADATA_KEEP.arrayHead
    const items: unknown[] = []
    // Fixed-size elements past the kept head are skipped unread, except BOOL, whose bytes must be 0 or 1.
    const readAll = fixed === undefined || elementType === 'BOOL'
    const toRead = readAll ? n : keepCount
    for (let i = 0; i < toRead; i++) {
      const k = i < keepCount
      const v =
        elementType === 'ARRAY' ? (await this.array(depth + 1, k)).value : await this.scalar(elementType, k)
      if (k) items.push(v)
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
