/**
 * Resource budgets of a read: what one file, and all the files of one run (a gate over many artifacts), may cost
 * in tensors, inflated bytes and pickle memory. Structural limits (a header's size, a count's bound) are checked
 * by each reader against the file itself; a budget bounds what a file that is valid, or looks valid, makes us
 * build. Going past one is a `BudgetExceeded` error for that file only: a gate reports that artifact as an error
 * and goes on with the others.
 *
 * One `ReadBudget` is made per run by a front end and passed to every read (`readCheckpoint(path, { budget })`);
 * each opened file gets its own `FileBudget`, which charges the run as it goes. Without one, each read gets a
 * fresh run budget with the default limits, so the per-file limits always apply.
 */
import { CheckpointError } from './errors.js'
import { BUDGET_LIMITS } from './limits.js'

export interface BudgetLimits {
  /** Tensors one file may describe (limits.ts gives the reason of each default). */
  maxTensorsPerFile: number
  /** Tensors all the files of a run may describe together. */
  maxTensorsPerRun: number
  /** Bytes inflated from compressed zip records of one file. */
  maxInflatedBytesPerFile: number
  /** Bytes inflated over a run. */
  maxInflatedBytesPerRun: number
  /** Bytes the pickle machine may hold for one file (pickle bytes read, values built, tensor names). */
  maxPickleBytesPerFile: number
}

export const DEFAULT_BUDGET_LIMITS: Readonly<BudgetLimits> = BUDGET_LIMITS

/** The budget of one run: every file read with it charges its totals. */
export class ReadBudget {
  readonly limits: BudgetLimits
  /** The run's totals, shared by every scope of the run. */
  private readonly totals: { tensors: number; inflatedBytes: number }
  /** The files read in this scope (see `scope`). */
  private readonly files: FileBudget[] = []
  /** Scopes opened inside this one: a read inside a read (a folder's files, a reader given a scope). */
  private readonly scopes: ReadBudget[] = []

  constructor(limits: Partial<BudgetLimits> = {}, totals?: { tensors: number; inflatedBytes: number }) {
    this.limits = { ...DEFAULT_BUDGET_LIMITS, ...limits }
    this.totals = totals ?? { tensors: 0, inflatedBytes: 0 }
  }

  /** Tensors described so far by every file of the run (and still held: a failed artifact's are released). */
  get tensors(): number {
    return this.totals.tensors
  }

  set tensors(n: number) {
    this.totals.tensors = n
  }

  /** Bytes inflated so far by every file of the run. */
  get inflatedBytes(): number {
    return this.totals.inflatedBytes
  }

  set inflatedBytes(n: number) {
    this.totals.inflatedBytes = n
  }

  /** A budget for one file (named in errors), charging this run. */
  forFile(file: string): FileBudget {
    const budget = new FileBudget(this, file)
    this.files.push(budget)
    return budget
  }

  /**
   * The same run, for the files of one artifact (a folder reads many): `release` gives back their tensors when
   * the artifact fails as a whole.
   */
  scope(): ReadBudget {
    const inner = new ReadBudget(this.limits, this.totals)
    this.scopes.push(inner)
    return inner
  }

  /**
   * Give back the tensors of every file read in this scope and the scopes inside it: when the artifact fails as a
   * whole, or when what was read is no longer held (the gate keeps an artifact's verdict, not its tensors).
   */
  release(): void {
    for (const f of this.files) f.release()
    for (const s of this.scopes) s.release()
  }
}

/** What one file has cost so far; each charge throws `BudgetExceeded` naming the file and the budget. */
export class FileBudget {
  tensors = 0
  inflatedBytes = 0
  pickleBytes = 0

  constructor(
    readonly run: ReadBudget,
    readonly file: string
  ) {}

  get limits(): BudgetLimits {
    return this.run.limits
  }

  /** A tensor count a header declares, checked before anything is parsed for it. */
  checkTensorCount(declared: number | bigint, what = 'the header'): void {
    const n = typeof declared === 'bigint' ? declared : BigInt(declared)
    if (n > BigInt(this.limits.maxTensorsPerFile)) {
      throw this.exceeded(
        `${what} declares ${n} tensors; the budget is ${this.limits.maxTensorsPerFile} tensors per file`
      )
    }
    if (n + BigInt(this.run.tensors) > BigInt(this.limits.maxTensorsPerRun)) {
      throw this.exceeded(this.runTensorsText(n))
    }
  }

  /**
   * Count `n` more tensors described by this file, per file and at once per run (files of a run are read
   * concurrently: each sees what the others hold so far).
   */
  addTensors(n: number): void {
    if (this.tensors + n > this.limits.maxTensorsPerFile) {
      throw this.exceeded(
        `more than ${this.limits.maxTensorsPerFile} tensors; the budget is ${this.limits.maxTensorsPerFile} tensors per file`
      )
    }
    if (this.run.tensors + n > this.limits.maxTensorsPerRun) {
      throw this.exceeded(this.runTensorsText(BigInt(n)))
    }
    this.tensors += n
    this.run.tensors += n
  }

  /** A file that failed holds nothing: its tensors no longer count against the run. */
  release(): void {
    this.run.tensors -= this.tensors
    this.tensors = 0
  }

  /** Reserve `n` bytes of inflated output before inflating a record (its declared size). */
  reserveInflate(n: number | bigint, what: string): void {
    const bytes = typeof n === 'bigint' ? n : BigInt(n)
    if (bytes + BigInt(this.inflatedBytes) > BigInt(this.limits.maxInflatedBytesPerFile)) {
      throw this.exceeded(
        `${what} declares ${bytes} inflated bytes; the budget is ${this.limits.maxInflatedBytesPerFile} ` +
          `bytes of inflated records per file (${this.inflatedBytes} used)`
      )
    }
    if (bytes + BigInt(this.run.inflatedBytes) > BigInt(this.limits.maxInflatedBytesPerRun)) {
      throw this.exceeded(
        `${what} declares ${bytes} inflated bytes; the run has used ${this.run.inflatedBytes} of its ` +
          `${this.limits.maxInflatedBytesPerRun}-byte budget`
      )
    }
    this.inflatedBytes += Number(bytes)
    this.run.inflatedBytes += Number(bytes)
  }

  /** Pickle memory still free for this file. */
  pickleBytesLeft(): number {
    return Math.max(0, this.limits.maxPickleBytesPerFile - this.pickleBytes)
  }

  /** Charge `n` bytes of pickle memory (pickle bytes read, or what a pickle built). */
  chargePickle(n: number, what: string): void {
    if (this.pickleBytes + n > this.limits.maxPickleBytesPerFile) {
      throw this.exceeded(
        `${what} needs ${n} bytes of pickle memory; the budget is ${this.limits.maxPickleBytesPerFile} bytes ` +
          `per file (${this.pickleBytes} used)`
      )
    }
    this.pickleBytes += n
  }

  exceeded(detail: string): CheckpointError {
    return new CheckpointError('BudgetExceeded', this.file, detail)
  }

  private runTensorsText(n: bigint): string {
    return (
      `${n} more tensors would pass the run's budget of ${this.limits.maxTensorsPerRun} tensors ` +
      `(${this.run.tensors} described so far)`
    )
  }
}

/** The budget of a file read outside any run (a fresh run with the default limits). */
export function fileBudget(file: string, budget?: ReadBudget | FileBudget): FileBudget {
  if (budget instanceof FileBudget) return budget
  return (budget ?? new ReadBudget()).forFile(file)
}
