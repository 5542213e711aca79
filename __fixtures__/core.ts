/** A stand-in for @actions/core in unit tests (jest.unstable_mockModule('@actions/core', () => core)). */
import type * as core from '@actions/core'
import { jest } from '@jest/globals'

export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const notice = jest.fn<typeof core.notice>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const getInput = jest.fn<typeof core.getInput>()
export const getMultilineInput = jest.fn<typeof core.getMultilineInput>()
export const getBooleanInput = jest.fn<typeof core.getBooleanInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const isDebug = jest.fn<typeof core.isDebug>(() => false)

/** What the summary buffer received, in order; `written` holds each write's text. */
export const summaryState = { buffer: '', written: [] as string[] }

export const summary = {
  addRaw: jest.fn((text: string, addEOL = false) => {
    summaryState.buffer += text + (addEOL ? '\n' : '')
    return summary
  }),
  stringify: jest.fn(() => summaryState.buffer),
  write: jest.fn(async () => {
    summaryState.written.push(summaryState.buffer)
    summaryState.buffer = ''
    return summary
  }),
  clear: jest.fn(async () => {
    summaryState.buffer = ''
    return summary
  })
}

/** Inputs as the runner would pass them; unset names read ''. */
export function useInputs(values: Record<string, string>): void {
  getInput.mockImplementation((name: string) => (values[name] ?? '').trim())
}

export function resetSummary(): void {
  summaryState.buffer = ''
  summaryState.written = []
}
