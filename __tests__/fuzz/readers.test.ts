/**
 * Short CI fuzz pass (issue 7): for each reader, mutations of valid fixtures (bit flips, truncation, length-field
 * edits, duplicated and reordered chunks and JSON members, splices, format tokens) must end in a valid
 * `Checkpoint` or a typed `CheckpointError`, never another exception or a result that breaks the contract.
 * Fixed seed, so a failure is reproducible; `npm run fuzz` runs the long pass.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  TARGET_NAMES,
  caseArbOf,
  inputOf,
  loadTarget,
  outcomeLabel,
  runCase
} from '../../fixtures/fuzz/targets.js'

const RUNS = 400

describe('reader fuzzing (short pass)', () => {
  test.each([...TARGET_NAMES])(
    '%s: every mutated input ends in a valid result or a typed error',
    async (name) => {
      const target = await loadTarget(name)
      const seen: Record<string, number> = {}
      await fc.assert(
        fc.asyncProperty(caseArbOf(target), async (c) => {
          const outcome = await runCase(target, inputOf(target, c))
          const label = outcomeLabel(outcome)
          seen[label] = (seen[label] ?? 0) + 1
          if (outcome.kind === 'failure') {
            throw new Error(`${name}: ${outcome.reason}: ${outcome.detail}\n${outcome.stack ?? ''}`)
          }
        }),
        { numRuns: RUNS, seed: 0x6d63 }
      )
      // The pass must exercise both sides: mutations that keep the file readable and ones the reader refuses.
      const errors = Object.keys(seen).filter((k) => k !== 'valid')
      expect(seen.valid ?? 0).toBeGreaterThan(0)
      expect(errors.length).toBeGreaterThan(0)
    }
  )
})
