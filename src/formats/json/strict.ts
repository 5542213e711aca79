/**
 * A small strict JSON parser for headers and manifests that come from untrusted files.
 *
 * Why not `JSON.parse`: it keeps the last of duplicate keys silently (a parser differential, docs/reference/formats.md §1.5 and
 * Trail of Bits TOB-SFTN-7), it rounds integers past 2^53 without a word, it cannot tell `1.0` from `1`, and it has
 * no depth limit. This parser:
 * - rejects duplicate keys in any object;
 * - keeps every number as its raw text (`JsonNumber`), so the caller decides what is acceptable; `parseU64` gives
 *   the reference crate's `usize` rule (plain non-negative integer, at most 2^64-1) as a BigInt;
 * - bounds nesting depth (default 128, serde_json's recursion limit, so we accept what the reference accepts);
 * - returns objects as `Map`s (insertion order = file order, and a `__proto__` key is just a key);
 * - accepts JSON whitespace (space, tab, LF, CR) before and after the value. docs/reference/formats.md §1.5: the safetensors
 *   README says the header "MUST begin with `{`", but the reference crate never enforced it and since #686
 *   (2026-04) leading whitespace is officially allowed so writers can page-align the data; serde_json also
 *   accepts trailing whitespace, which the reference writer uses as padding. We follow the crate, because a
 *   reader stricter than the reference would reject files every other tool loads.
 * It does not strip a byte-order mark: U+FEFF is not JSON whitespace, as in serde_json.
 */

import { describeJsonType, JsonNumber, JsonSyntaxError, type JsonObject, type JsonValue } from './values.js'
import { JSON_LIMITS } from '../limits.js'

// The value types and helpers live in json-values.ts; importers keep using this module.
export * from './values.js'

export interface StrictJsonOptions {
  /** Deepest allowed nesting of arrays/objects (the top-level value is depth 1). Default 128. */
  maxDepth?: number
}

/**
 * A caller's fast path for the members of `parseStrictJsonMembers`, for documents made of many members of one
 * regular form (a safetensors header is a thousand `"name":{"dtype":..,"shape":[..],"data_offsets":[..]}`). This
 * parser is plain JavaScript and a CLI run is too short for the JIT to warm up, so a native regular expression
 * over a whole member is several times cheaper than reading it character by character.
 */
export interface MemberFastPath {
  /** The deepest nesting a taken value can have below the top-level object (its own object is 1). */
  depth: number
  /**
   * Called at the opening quote of a member's key. Takes as many members `"key":value` in a row as it can
   * (separated by a bare `,`, no whitespace needed anywhere), handling each value exactly as `onMember` would
   * have and adding each key to `seen`, and returns the position just after the last value taken; or returns -1,
   * having recorded nothing, and the strict parser reads the member. It must take only members whose strict parse
   * gives the same key and value, and stop before anything else, valid or not, so that errors stay the same. A
   * key already in `seen` is the one error it raises itself, as `JsonSyntaxError(\`duplicate key ${key}\`, at)`
   * like the strict parser, so that it can come after whatever the caller checks first. Taking a run of members
   * in one call saves the parser's work per member, which counts in the interpreter a short CLI run stays in.
   */
  take(text: string, at: number, seen: Set<string>): number
}

export const DEFAULT_MAX_DEPTH = JSON_LIMITS.maxDepth

/** Parse `text` as one JSON value with optional surrounding whitespace. Throws `JsonSyntaxError`. */
export function parseStrictJson(text: string, opts: StrictJsonOptions = {}): JsonValue {
  const p = new Parser(text, opts.maxDepth ?? DEFAULT_MAX_DEPTH)
  p.skipWs()
  const v = p.value(1)
  p.skipWs()
  if (p.pos !== text.length) throw new JsonSyntaxError('trailing characters after the JSON value', p.pos)
  return v
}

/**
 * Parse `text` as one JSON object and hand each top-level member to `onMember` as soon as it is parsed, instead of
 * building the whole tree: a 100 MB safetensors header with a million entries then never holds a million parse
 * trees at once. Duplicate top-level keys, depth and syntax are checked exactly as in `parseStrictJson`.
 * Throws `JsonSyntaxError`, also when the value is valid JSON but not an object.
 */
export function parseStrictJsonMembers(
  text: string,
  onMember: (key: string, value: JsonValue) => void,
  opts: StrictJsonOptions & { fastPath?: MemberFastPath } = {}
): void {
  const p = new Parser(text, opts.maxDepth ?? DEFAULT_MAX_DEPTH)
  // Only when the limit allows what the fast path takes (top level 1, plus its depth): else the strict parser
  // must see the values to report the nesting error.
  if (opts.fastPath && 1 + opts.fastPath.depth <= p.maxDepth) p.fastPath = opts.fastPath
  p.skipWs()
  if (text.charCodeAt(p.pos) !== Ch.LBrace) {
    // Parse it anyway so a syntax error is reported as such; a valid non-object gets its own message.
    const v = p.value(1)
    p.skipWs()
    if (p.pos !== text.length) throw new JsonSyntaxError('trailing characters after the JSON value', p.pos)
    throw new JsonSyntaxError(`expected an object, found ${describeJsonType(v)}`, 0)
  }
  p.object(1, onMember)
  p.skipWs()
  if (p.pos !== text.length) throw new JsonSyntaxError('trailing characters after the JSON value', p.pos)
}

const enum Ch {
  Tab = 0x09,
  Lf = 0x0a,
  Cr = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  LBracket = 0x5b,
  Backslash = 0x5c,
  RBracket = 0x5d,
  E = 0x45,
  LowerE = 0x65,
  LBrace = 0x7b,
  RBrace = 0x7d
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

class Parser {
  pos = 0
  fastPath: MemberFastPath | undefined
  constructor(
    readonly text: string,
    readonly maxDepth: number
  ) {}

  skipWs(): void {
    const t = this.text
    let i = this.pos
    while (i < t.length) {
      const c = t.charCodeAt(i)
      if (c !== Ch.Space && c !== Ch.Lf && c !== Ch.Cr && c !== Ch.Tab) break
      i++
    }
    this.pos = i
  }

  fail(msg: string): never {
    throw new JsonSyntaxError(msg, this.pos)
  }

  value(depth: number): JsonValue {
    const c = this.text.charCodeAt(this.pos)
    if (c === Ch.LBrace || c === Ch.LBracket) {
      if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth}`)
      return c === Ch.LBrace ? this.object(depth) : this.array(depth)
    }
    if (c === Ch.Quote) return this.string()
    if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) return this.number()
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true)
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false)
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null)
    if (this.pos >= this.text.length) this.fail('unexpected end of input')
    this.fail(`unexpected character ${JSON.stringify(this.text[this.pos])}`)
  }

  literal<T extends boolean | null>(len: number, v: T): T {
    this.pos += len
    return v
  }

  /** With `onMember`, members go to the callback (and only their keys are kept, for the duplicate check). */
  object(depth: number, onMember?: (key: string, value: JsonValue) => void): JsonObject {
    const out: JsonObject = new Map()
    const seen = onMember ? new Set<string>() : out
    this.pos++ // {
    this.skipWs()
    if (this.text.charCodeAt(this.pos) === Ch.RBrace) {
      this.pos++
      return out
    }
    const fast = onMember && depth === 1 ? this.fastPath : undefined
    while (true) {
      if (this.text.charCodeAt(this.pos) !== Ch.Quote) this.fail('expected a string key')
      const keyAt = this.pos
      const taken = fast === undefined ? -1 : fast.take(this.text, keyAt, seen as Set<string>)
      if (taken >= 0) {
        this.pos = taken
      } else {
        const key = this.string()
        if (seen.has(key)) throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, keyAt)
        this.skipWs()
        if (this.text.charCodeAt(this.pos) !== Ch.Colon) this.fail("expected ':'")
        this.pos++
        this.skipWs()
        if (onMember) {
          ;(seen as Set<string>).add(key)
          onMember(key, this.value(depth + 1))
        } else out.set(key, this.value(depth + 1))
      }
      this.skipWs()
      const c = this.text.charCodeAt(this.pos)
      this.pos++
      if (c === Ch.RBrace) return out
      if (c !== Ch.Comma) {
        this.pos--
        this.fail("expected ',' or '}'")
      }
      this.skipWs()
    }
  }

  array(depth: number): JsonValue[] {
    const out: JsonValue[] = []
    this.pos++ // [
    this.skipWs()
    if (this.text.charCodeAt(this.pos) === Ch.RBracket) {
      this.pos++
      return out
    }
    while (true) {
      out.push(this.value(depth + 1))
      this.skipWs()
      const c = this.text.charCodeAt(this.pos)
      this.pos++
      if (c === Ch.RBracket) return out
      if (c !== Ch.Comma) {
        this.pos--
        this.fail("expected ',' or ']'")
      }
      this.skipWs()
    }
  }

  string(): string {
    const t = this.text
    const start = ++this.pos
    // Fast path: no escapes.
    let i = start
    while (i < t.length) {
      const c = t.charCodeAt(i)
      if (c === Ch.Quote) {
        this.pos = i + 1
        return t.slice(start, i)
      }
      if (c === Ch.Backslash) break
      if (c < 0x20) {
        this.pos = i
        this.fail('control character in string')
      }
      i++
    }
    const chunks: string[] = [t.slice(start, i)]
    while (true) {
      if (i >= t.length) {
        this.pos = i
        this.fail('unterminated string')
      }
      const c = t.charCodeAt(i)
      if (c === Ch.Quote) {
        this.pos = i + 1
        return chunks.join('')
      }
      if (c < 0x20) {
        this.pos = i
        this.fail('control character in string')
      }
      if (c !== Ch.Backslash) {
        let j = i + 1
        while (j < t.length) {
          const d = t.charCodeAt(j)
          if (d === Ch.Quote || d === Ch.Backslash || d < 0x20) break
          j++
        }
        chunks.push(t.slice(i, j))
        i = j
        continue
      }
      const e = t[i + 1]
      if (e === 'u') {
        const hi = this.hex4(i + 2)
        i += 6
        if (hi >= 0xdc00 && hi <= 0xdfff) {
          this.pos = i - 6
          this.fail('lone trailing surrogate in \\u escape')
        }
        if (hi >= 0xd800 && hi <= 0xdbff) {
          if (t[i] !== '\\' || t[i + 1] !== 'u') {
            this.pos = i - 6
            this.fail('lone leading surrogate in \\u escape')
          }
          const lo = this.hex4(i + 2)
          if (lo < 0xdc00 || lo > 0xdfff) {
            this.pos = i
            this.fail('invalid low surrogate in \\u escape')
          }
          chunks.push(String.fromCharCode(hi, lo))
          i += 6
        } else {
          chunks.push(String.fromCharCode(hi))
        }
        continue
      }
      const mapped = e === undefined ? undefined : ESCAPES[e]
      if (mapped === undefined || !Object.prototype.hasOwnProperty.call(ESCAPES, e as string)) {
        this.pos = i
        this.fail('invalid escape')
      }
      chunks.push(mapped)
      i += 2
    }
  }

  hex4(at: number): number {
    const s = this.text.slice(at, at + 4)
    if (!/^[0-9a-fA-F]{4}$/.test(s)) {
      this.pos = at
      this.fail('invalid \\u escape')
    }
    return parseInt(s, 16)
  }

  number(): JsonNumber {
    const t = this.text
    const start = this.pos
    let i = start
    if (t.charCodeAt(i) === Ch.Minus) i++
    const intStart = i
    while (i < t.length && isDigit(t.charCodeAt(i))) i++
    if (i === intStart) this.failAt(i, 'expected a digit')
    if (i - intStart > 1 && t.charCodeAt(intStart) === Ch.Zero)
      this.failAt(intStart, 'leading zero in number')
    if (t.charCodeAt(i) === Ch.Dot) {
      i++
      const f = i
      while (i < t.length && isDigit(t.charCodeAt(i))) i++
      if (i === f) this.failAt(i, 'expected a digit after the decimal point')
    }
    const c = t.charCodeAt(i)
    if (c === Ch.E || c === Ch.LowerE) {
      i++
      const s = t.charCodeAt(i)
      if (s === Ch.Plus || s === Ch.Minus) i++
      const x = i
      while (i < t.length && isDigit(t.charCodeAt(i))) i++
      if (i === x) this.failAt(i, 'expected a digit in the exponent')
    }
    this.pos = i
    return new JsonNumber(t.slice(start, i))
  }

  failAt(at: number, msg: string): never {
    this.pos = at
    this.fail(msg)
  }
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine
}
