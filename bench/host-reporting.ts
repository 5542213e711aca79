/**
 * Runs the virtual machine disturbed by handing memory to its host.
 *
 * The VMs these benchmarks were written on report free memory to their host (virtio free page reporting), and the
 * host takes those pages back. A process that then writes into them pays a host fault per page: a 1.77 GB `dd`
 * took 444-522 ms in undisturbed runs and 1.7-2.7 s in runs during which the kernel reported 144-640 MB, and the
 * conversion beside it 729-803 ms against 2.8-3.2 s (2026-12-08, bench/out inputs, `reported_kib` read around each
 * run). Which side met a report decided a ratio of medians over 5 runs, not the commands.
 *
 * The kernel of these VMs counts what it has reported (`reported_kib`); a run during which the count moved is
 * disturbed. The harness runs such a slot again, a bounded number of times (`MAX_TRIES`), on either side alike,
 * and says how many runs it set aside and how many disturbed runs it had to keep. Where the kernel has no such
 * count (most machines, and the Actions runners), every run counts, as before.
 */
import { readFileSync } from 'node:fs'

/** The count of kibibytes reported to the host, where this kernel exposes it (not a mainline interface). */
export const REPORTED_KIB_PATH = '/sys/module/page_reporting/parameters/reported_kib'

/** Runs of one slot at most (the first and two more) before a disturbed run is kept. */
export const MAX_TRIES = 3

/** Kibibytes reported to the host so far, or undefined where the kernel does not say. */
export function reportedKiB(path = REPORTED_KIB_PATH): bigint | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim()
    return /^\d+$/.test(text) ? BigInt(text) : undefined
  } catch {
    return undefined
  }
}

/** How many runs of a side were set aside as disturbed, and how many disturbed runs were kept (out of tries). */
export interface DisturbedRuns {
  discarded: number
  kept: number
}

/**
 * Runs `run` until a run is not disturbed or `MAX_TRIES` runs were made; returns the last. `before` is the untimed
 * work each try needs again (e.g. removing the previous output). `reported` is read around each try.
 */
export async function undisturbedRun<T>(
  run: () => Promise<T>,
  tally: DisturbedRuns,
  reported: () => bigint | undefined = reportedKiB
): Promise<T> {
  for (let tries = 1; ; tries++) {
    const before = reported()
    const result = await run()
    const after = reported()
    const disturbed = before !== undefined && after !== undefined && after !== before
    if (!disturbed) return result
    if (tries >= MAX_TRIES) {
      tally.kept++
      return result
    }
    tally.discarded++
  }
}

/** "disturbed: 3 runs re-run, 1 kept" (a verdict detail), or undefined when no run was disturbed. */
export function disturbedNote(label: string, d: DisturbedRuns | undefined): string | undefined {
  if (!d || d.discarded + d.kept === 0) return undefined
  const kept = d.kept > 0 ? `, ${d.kept} kept after ${MAX_TRIES} tries` : ''
  return `${label}: ${d.discarded} run${d.discarded === 1 ? '' : 's'} set aside${kept}`
}
