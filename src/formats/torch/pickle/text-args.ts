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
  const out: number[] = []
  for (let i = 1; i < end - 1; i++) {
    const c = line[i]!
    if (c !== 0x5c) {
      out.push(c)
      continue
    }
    const e = line[++i]
    if (e === undefined || i >= end - 1) return undefined
    const simple: Record<number, number> = {
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
    if (e === 0x78) {
      const hex = String.fromCharCode(line[i + 1] ?? 0, line[i + 2] ?? 0)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined
      out.push(parseInt(hex, 16))
      i += 2
    } else if (e >= 0x30 && e <= 0x37) {
      let digits = ''
      while (
        digits.length < 3 &&
        line[i] !== undefined &&
        line[i]! >= 0x30 &&
        line[i]! <= 0x37 &&
        i < end - 1
      ) {
        digits += String.fromCharCode(line[i]!)
        i++
      }
      i--
      out.push(parseInt(digits, 8) & 0xff)
    } else if (simple[e] !== undefined) {
      out.push(simple[e])
    } else {
      out.push(0x5c, e)
    }
  }
  return Uint8Array.from(out)
}

/** UNICODE arguments are raw-unicode-escape: latin-1 bytes with `\uXXXX` and `\UXXXXXXXX` escapes. */
export function decodeRawUnicodeEscape(line: Uint8Array): string | undefined {
  let s = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === 0x5c && (line[i + 1] === 0x75 || line[i + 1] === 0x55)) {
      const n = line[i + 1] === 0x75 ? 4 : 8
      const hex = decodeLatin1(line.subarray(i + 2, i + 2 + n))
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined
      const cp = parseInt(hex, 16)
      if (cp > 0x10ffff) return undefined
      s += String.fromCodePoint(cp)
      i += 1 + n
    } else {
      s += String.fromCharCode(c)
    }
  }
  return s
}

/** Signed little-endian two's complement integer (LONG1 / LONG4 payloads). */
export function decodeLongLE(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n
  let v = 0n
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!)
  if (bytes[bytes.length - 1]! & 0x80) v -= 1n << BigInt(bytes.length * 8)
  return v
}
