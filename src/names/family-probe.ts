/**
 * What the family rules read: a set of layers indexed by their underscored path (dotted and kohya names alike) and
 * by block series (`blocks`, `double_blocks`, `input_blocks`, ...), with the weight shape when it is known.
 */
import type { FamilyConfidence, FamilyRuleResult } from './families.js'
import { FIRST_INDEX } from './series.js'
import { kohyaForm } from './adapters.js'

export interface FamilyLayer {
  /**
   * Module path without wrapper prefix or `.weight` leaf (`blocks.3.self_attn.q`, `lora_unet`-stripped
   * `blocks_3_self_attn_q`), or a bare parameter's key (`head.modulation`, `scale_shift_table`).
   */
  path: string
  /** The weight's shape ([out, in, ...] for a linear or conv) when known. */
  shape?: readonly number[]
}

/** A query path in the rules' dotted spelling -> the index's underscored form (`.weight` leaves dropped). */
export function indexForm(path: string): string {
  return kohyaForm(withoutWeightLeaf(path))
}

/** The path without its `.weight` leaf, if it has one. */
function withoutWeightLeaf(path: string): string {
  return path.endsWith('.weight') ? path.slice(0, -'.weight'.length) : path
}

interface Series {
  indices: Set<number>
  /** Path inside the block (underscored) -> shape (null when unknown). */
  rests: Map<string, readonly number[] | null>
}

export class LayerIndex {
  private readonly top = new Map<string, readonly number[] | null>()
  private readonly series = new Map<string, Series>()
  /** Underscored paths, for the structural readings that scan every layer (UNet levels). */
  readonly paths: string[] = []
  /** The paths as given (dotted where the names are), `.weight` dropped: where `_` and `.` differ in meaning. */
  private readonly dotted: string[] = []
  /** Each layer's underscored path, in the order given (repeats kept): the name signatures read them. */
  readonly forms: string[] = []

  constructor(layers: Iterable<FamilyLayer>) {
    // An index loop over an array (the analysis passes one layer per key): this runs once per key, interpreted,
    // where a for-of step allocates an iterator result.
    const list = Array.isArray(layers) ? (layers as readonly FamilyLayer[]) : [...layers]
    // Locals for the fields, and the previous layer's series and index: a block's layers are adjacent, so most
    // layers find their series by a comparison of short strings instead of a hash lookup, and their index
    // already recorded.
    const top = this.top
    const series = this.series
    let previousName = ''
    let previousIndex = ''
    let s: Series | undefined
    // The previous layer's dotted path and its kohya form: in sorted key order a module's `bias` comes just before
    // its `weight`, whose path (the `.weight` dropped) is then a prefix of the previous one. The kohya form maps
    // character for character, so that prefix's form is a slice of the previous form: no replaceAll.
    let previousDotted = ''
    let previousU = ''
    for (let i = 0; i < list.length; i++) {
      const l = list[i]!
      // indexForm, with the dotted path it is made from kept for the second spelling.
      const dotted = withoutWeightLeaf(l.path)
      const u =
        dotted.length < previousDotted.length && previousDotted.startsWith(dotted)
          ? previousU.slice(0, dotted.length)
          : kohyaForm(dotted)
      previousDotted = dotted
      previousU = u
      this.forms.push(u)
      const shape = l.shape ?? null
      if (!top.has(u)) {
        top.set(u, shape)
        this.paths.push(u)
        this.dotted.push(dotted)
      }
      const m = FIRST_INDEX.exec(u)
      if (m === null) continue
      const name = m[1]!
      if (s === undefined || name !== previousName) {
        s = series.get(name)
        if (!s) series.set(name, (s = { indices: new Set(), rests: new Map() }))
        previousName = name
        previousIndex = ''
      }
      if (m[2] !== previousIndex) {
        previousIndex = m[2]!
        s.indices.add(Number(previousIndex))
      }
      const rest = m[3]!
      if (!s.rests.has(rest)) s.rests.set(rest, shape)
    }
  }
  has(path: string): boolean {
    return this.top.has(indexForm(path))
  }
  shape(path: string): readonly number[] | undefined {
    return this.top.get(indexForm(path)) ?? undefined
  }
  blockHas(series: string, rest: string): boolean {
    return this.series.get(indexForm(series))?.rests.has(indexForm(rest)) ?? false
  }
  blockShape(series: string, rest: string): readonly number[] | undefined {
    return this.series.get(indexForm(series))?.rests.get(indexForm(rest)) ?? undefined
  }
  count(series: string): number {
    return this.series.get(indexForm(series))?.indices.size ?? 0
  }
  /** Every known shape of a layer whose underscored path matches `re`, with the path as given. */
  shapesMatching(re: RegExp): { path: string; shape: readonly number[] }[] {
    const out: { path: string; shape: readonly number[] }[] = []
    for (let i = 0; i < this.paths.length; i++) {
      const p = this.paths[i]!
      if (!re.test(p)) continue
      const shape = this.top.get(p)
      if (shape) out.push({ path: this.dotted[i]!, shape })
    }
    return out
  }
  someDotted(re: RegExp): boolean {
    return this.dotted.some((p) => re.test(p))
  }
  some(re: RegExp): boolean {
    return this.paths.some((p) => re.test(p))
  }
}

/** One rule's view of the index: every shape it reads becomes evidence. */
export class FamilyProbe {
  readonly evidence: string[] = []
  constructor(readonly index: LayerIndex) {}
  shape(name: string): readonly number[] | undefined {
    return this.index.shape(name)
  }
  has(name: string): boolean {
    return this.index.has(name)
  }
  blockShape(series: string, rest: string): readonly number[] | undefined {
    return this.index.blockShape(series, rest)
  }
  blockHas(series: string, rest: string): boolean {
    return this.index.blockHas(series, rest)
  }
  count(series: string): number {
    return this.index.count(series)
  }
  /** Records `name [shape]` as evidence and returns the shape. */
  note(name: string, shape: readonly number[] | undefined): readonly number[] | undefined {
    if (shape) this.evidence.push(`${name} [${shape.join(', ')}]`)
    return shape
  }
  key(name: string): readonly number[] | undefined {
    return this.note(name, this.shape(name))
  }
  block(series: string, rest: string): readonly number[] | undefined {
    return this.note(`${series}.*.${rest}`, this.blockShape(series, rest))
  }
  blocks(series: string): number {
    const n = this.count(series)
    this.evidence.push(`${series}: ${n} blocks`)
    return n
  }
}

/** A rule's match with the probe's evidence; `diffusers` from the naming it names. */
export function result(
  p: FamilyProbe,
  id: string,
  name: string,
  variant: string | null,
  naming: string,
  confidence: FamilyConfidence,
  headDim?: number
): FamilyRuleResult {
  const diffusers = naming === 'diffusers' || naming.startsWith('diffusers (')
  const out: FamilyRuleResult = {
    match: { id, name, variant, naming, confidence, evidence: p.evidence },
    diffusers
  }
  if (headDim !== undefined) out.headDim = headDim
  return out
}

/** Lowers confidence to medium with a note when an observed size differs from the reference one. */
export function expectSize(
  p: FamilyProbe,
  what: string,
  seen: number | undefined,
  wanted: number,
  state: { confidence: FamilyConfidence }
) {
  if (seen !== wanted) {
    p.evidence.push(`${what} is ${seen ?? 'absent'}, the reference model has ${wanted}`)
    state.confidence = 'medium'
  }
}
