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

export interface BudgetLimits {
  /**
   * Tensors one file may describe. A checkpoint's description is kept for the whole run (~300 bytes a tensor),
   * and parsing a header of millions of entries takes seconds: the largest real checkpoints hold tens of
   * thousands (optimizer state included).
   */
  maxTensorsPerFile: number
  /** Tensors all the files of a run may describe together (the descriptions are all held until the report). */
  maxTensorsPerRun: number
  /**
   * Bytes inflated from compressed zip records of one file. torch.save stores records uncompressed; a deflated
   * pickle comes from re-zipping, and 1 MB can declare a GiB.
   */
  maxInflatedBytesPerFile: number
  /** Bytes inflated over a run. */
  maxInflatedBytesPerRun: number
  /**
   * Bytes the pickle machine may hold for one file: the pickle bytes read, the strings and containers it builds
   * (estimated from their sizes, strings included) and the tensor names made from them.
   */
  maxPickleBytesPerFile: number
}

const MiB = 1024 * 1024

export const DEFAULT_BUDGET_LIMITS: Readonly<BudgetLimits> = Object.freeze({
  maxTensorsPerFile: 250_000,
  maxTensorsPerRun: 1_000_000,
  maxInflatedBytesPerFile: 64 * MiB,
  maxInflatedBytesPerRun: 512 * MiB,
  maxPickleBytesPerFile: 96 * MiB
})

/** The budget of one run: every file read with it charges its totals. */
export class ReadBudget {
  readonly limits: BudgetLimits
  /** Tensors described so far by every file of the run. */
  tensors = 0
  /** Bytes inflated so far by every file of the run. */
  inflatedBytes = 0

  constructor(limits: Partial<BudgetLimits> = {}) {
    this.limits = { ...DEFAULT_BUDGET_LIMITS, ...limits }
  }

  /** A budget for one file (named in errors), charging this run. */
  forFile(file: string): FileBudget {
    return new FileBudget(this, file)
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
    if (n + BigInt(this.run.tensors + this.tensors) > BigInt(this.limits.maxTensorsPerRun)) {
      throw this.exceeded(this.runTensorsText(n))
    }
  }

  /** Count `n` more tensors described by this file (per file and per run). */
  addTensors(n: number): void {
    if (this.tensors + n > this.limits.maxTensorsPerFile) {
      throw this.exceeded(
        `more than ${this.limits.maxTensorsPerFile} tensors; the budget is ${this.limits.maxTensorsPerFile} tensors per file`
      )
    }
    if (this.run.tensors + this.tensors + n > this.limits.maxTensorsPerRun) {
      throw this.exceeded(this.runTensorsText(BigInt(n)))
    }
    this.tensors += n
  }

  /** Tensors a file finished with: they now count against the run. */
  commitTensors(): void {
    this.run.tensors += this.tensors
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
      `(${this.run.tensors + this.tensors} described so far)`
    )
  }
}

/** The budget of a file read outside any run (a fresh run with the default limits). */
export function fileBudget(file: string, budget?: ReadBudget | FileBudget): FileBudget {
  if (budget instanceof FileBudget) return budget
  return (budget ?? new ReadBudget()).forFile(file)
}
