/** Bits per element of each safetensors dtype (docs/reference/formats.md §1.3). GGUF types are in gguf.ts. */
export const SAFETENSORS_DTYPE_BITS: Readonly<Record<string, number>> = Object.freeze({
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64
})

export function isSafetensorsDtype(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(SAFETENSORS_DTYPE_BITS, name)
}

/** Element count of a shape as BigInt (shapes of hostile files can pass 2^53). */
export { numelBig } from '../util/numel.js'
