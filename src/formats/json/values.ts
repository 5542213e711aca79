/**
 * The values of the strict JSON parser (json-strict.ts) and the helpers that read them: numbers kept as their raw
 * text, objects as `Map`s, and conversions that never round or lose a key silently.
 */

/** A JSON number, kept as the exact text from the file. */
export class JsonNumber {
  constructor(readonly raw: string) {}
  toString(): string {
    return this.raw
  }
}

export type JsonObject = Map<string, JsonValue>
export type JsonValue = string | boolean | null | JsonNumber | JsonValue[] | JsonObject

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** Character offset in the text where the problem was found. */
    readonly offset: number
  ) {
    super(`${message} at character ${offset}`)
    this.name = 'JsonSyntaxError'
  }
}

export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return v instanceof Map
}

export function isJsonNumber(v: JsonValue | undefined): v is JsonNumber {
  return v instanceof JsonNumber
}

const U64_MAX = (1n << 64n) - 1n

/**
 * The value of a plain non-negative integer (`0` or `[1-9][0-9]*`, no sign, fraction or exponent) that fits in
 * 64 bits, else undefined. This is what serde accepts for a `usize` on 64-bit platforms.
 */
export function parseU64(n: JsonNumber): bigint | undefined {
  const raw = n.raw
  // 2^64-1 has 20 digits: bail out before BigInt sees a megabyte of digits.
  if (raw.length === 0 || raw.length > 20) return undefined
  if (raw.length > 1 && raw.charCodeAt(0) === 0x30) return undefined
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return undefined
  }
  const v = BigInt(raw)
  return v <= U64_MAX ? v : undefined
}

/** A non-negative integer that is also a safe JS number, else undefined. */
export function parseSafeNonNegativeInt(n: JsonNumber): number | undefined {
  const v = parseU64(n)
  return v !== undefined && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined
}

/**
 * A JSON value as plain JS data, safe to hand to other code: objects get a null prototype (so `__proto__` is an
 * ordinary own property), numbers become `number` when that is exact, else stay decimal strings (a u64 past
 * 2^53 must not be rounded silently).
 */
export function toPlain(v: JsonValue): unknown {
  if (v instanceof JsonNumber) {
    const num = Number(v.raw)
    if (!Number.isFinite(num)) return v.raw
    if (Number.isInteger(num) && !/[.eE]/.test(v.raw) && !Number.isSafeInteger(num)) return v.raw
    return num
  }
  if (Array.isArray(v)) return v.map(toPlain)
  if (v instanceof Map) {
    const out = Object.create(null) as Record<string, unknown>
    for (const [k, x] of v) out[k] = toPlain(x)
    return out
  }
  return v
}

export function describeJsonType(v: JsonValue | undefined): string {
  if (v === undefined) return 'missing'
  if (v === null) return 'null'
  if (v instanceof JsonNumber) return 'number'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Map) return 'object'
  return typeof v
}
