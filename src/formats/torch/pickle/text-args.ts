/**
 * Decoding of the text arguments of protocol 0/1 opcodes (INT, LONG, FLOAT, STRING, UNICODE, GLOBAL, PUT, GET,
 * PERSID). Each returns undefined on malformed input; the interpreter turns that into an `InvalidPickle` error
 * with the opcode's offset.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

export function decodeLatin1(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)))
  }
  return s
}

/** Python 2 `str` payloads (STRING, BINSTRING): UTF-8 when valid (torch loads with encoding='utf-8'), else latin-1. */
export function decodePy2Str(bytes: Uint8Array): string {
  return decodeUtf8(bytes) ?? decodeLatin1(bytes)
}

/** A decimal integer line of INT / LONG / PUT / GET (LONG lines may end in `L`). */
export function parseIntLine(line: string, allowL: boolean): bigint | undefined {
  let s = line.trim()
  if (allowL && s.endsWith('L')) s = s.slice(0, -1)
  if (!/^[+-]?\d{1,4300}$/.test(s)) return undefined
  return BigInt(s)
}

export function parseFloatLine(line: string): number | undefined {
  const s = line.trim()
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity
  if (/^[+-]?nan$/i.test(s)) return NaN
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined
  return Number(s)
}

/** The body of a STRING argument: a Python 2 repr in single or double quotes, with backslash escapes. */
export function parseStringRepr(line: Uint8Array): Uint8Array | undefined {
  let end = line.length
  while (end > 0 && (line[end - 1] === 0x0d || line[end - 1] === 0x20)) end--
  if (end < 2) return undefined
  const q = line[0]
  if ((q !== 0x27 && q !== 0x22) || line[end - 1] !== q) return undefined
  // the output is never longer than the input: one buffer, no per-byte array
  const out = new Uint8Array(end)
  let n = 0
  for (let i = 1; i < end - 1; i++) {
    const c = line[i]!
    if (c !== 0x5c) {
      out[n++] = c
      continue
    }
    const e = line[++i]
    if (e === undefined || i >= end - 1) return undefined
    if (e === 0x78) {
      const hex = String.fromCharCode(line[i + 1] ?? 0, line[i + 2] ?? 0)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined
      out[n++] = parseInt(hex, 16)
      i += 2
    } else if (e >= 0x30 && e <= 0x37) {
      let v = 0
      let digits = 0
      while (digits < 3 && i < end - 1 && line[i]! >= 0x30 && line[i]! <= 0x37) {
        v = v * 8 + (line[i]! - 0x30)
        digits++
        i++
      }
      i--
      out[n++] = v & 0xff
    } else {
      const simple = SIMPLE_ESCAPES[e]
      if (simple !== undefined) out[n++] = simple
      else {
        out[n++] = 0x5c
        out[n++] = e
      }
    }
  }
  return out.subarray(0, n)
}

const SIMPLE_ESCAPES: Readonly<Record<number, number>> = {
  0x6e: 10,
  0x74: 9,
  0x72: 13,
  0x30: 0,
  0x5c: 0x5c,
  0x27: 0x27,
  0x22: 0x22,
  0x61: 7,
  0x62: 8,
  0x66: 12,
  0x76: 11
}

const utf16 = new TextDecoder('utf-16le')

/**
 * UNICODE arguments are raw-unicode-escape: latin-1 bytes with `\uXXXX` and `\UXXXXXXXX` escapes. Decoded into one
 * UTF-16 buffer (never longer than the input) and made a string once: appending a character at a time builds a
 * rope of millions of nodes from a long line.
 */
export function decodeRawUnicodeEscape(line: Uint8Array): string | undefined {
  const units = new Uint16Array(line.length)
  let n = 0
  for (let i = 0; i < line.length;) {
    if (line[i] !== 0x5c) {
      units[n++] = line[i++]!
      continue
    }
    // a run of backslashes is copied; `\u` is an escape only after an odd number of them (as CPython decodes)
    const runStart = i
    while (i < line.length && line[i] === 0x5c) units[n++] = line[i++]!
    const u = line[i]
    if (((i - runStart) & 1) === 0 || (u !== 0x75 && u !== 0x55)) continue
    n-- // the escaping backslash
    const digits = u === 0x75 ? 4 : 8
    let cp = 0
    for (let k = 0; k < digits; k++) {
      const h = hexValue(line[i + 1 + k])
      if (h < 0) return undefined
      cp = cp * 16 + h
    }
    if (cp > 0x10ffff) return undefined
    if (cp > 0xffff) {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10)
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff)
    } else units[n++] = cp
    i += 1 + digits
  }
  return utf16.decode(units.subarray(0, n))
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1
  if (b >= 0x30 && b <= 0x39) return b - 0x30
  if (b >= 0x41 && b <= 0x46) return b - 0x37
  if (b >= 0x61 && b <= 0x66) return b - 0x57
  return -1
}

/** Signed little-endian two's complement integer (LONG1 / LONG4 payloads). */
export function decodeLongLE(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n
  let v = 0n
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!)
  if (bytes[bytes.length - 1]! & 0x80) v -= 1n << BigInt(bytes.length * 8)
  return v
}
