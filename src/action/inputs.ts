/**
 * The action's inputs, read and validated in one place. Every bad value fails with a message naming the input, as
 * written in the workflow, so the user knows which line to fix. Defaults match action.yml (the runner fills them
 * in, but local runs and tests may not).
 */
import {
  invalidInput,
  parseAllowGlobals,
  parseFailOn,
  parseLoaders,
  parseMetric,
  parseThreshold
} from '../gate/policy.js'
import type { FailOnFlag, MetricChoice } from '../gate/types.js'
import type { LoaderName } from '../lora/types.js'

export type CommentMode = 'always' | 'on-failure' | 'never'

export interface ActionInputs {
  artifacts: string[]
  baseline: string
  threshold: number
  metric: MetricChoice
  failOn: FailOnFlag[]
  /** Pickle globals the user trusts (`allow-globals`); never a dangerous one. */
  allowGlobals: string[]
  /** The runtimes a LoRA must load in (`loader`); `['any']` by default. */
  loaders: LoaderName[]
  comment: CommentMode
  mappingDir: string
  uploadArtifact: boolean
  artifactName: string
  cache: boolean
  githubToken: string
  /** Token for hf:// and Hub URLs; empty means HF_TOKEN from the environment, if any. */
  hfToken: string
}

export const DEFAULT_MAPPING_DIR = 'model-compat-report'
export const DEFAULT_ARTIFACT_NAME = 'model-compat-report'

/** `core.getInput`-like: the trimmed value, '' when unset. */
export type InputReader = (name: string) => string

export function readActionInputs(get: InputReader): ActionInputs {
  const artifacts = get('artifacts')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  if (artifacts.filter((l) => !l.startsWith('!')).length === 0) {
    throw invalidInput('artifacts', 'required: one or more paths or globs, one per line')
  }
  const baseline = get('baseline').trim()
  if (baseline === '') {
    throw invalidInput('baseline', 'required: a checkpoint file, folder, sharded index or manifest JSON')
  }
  const mappingDir = get('mapping-dir').trim() || DEFAULT_MAPPING_DIR
  if (mappingDir.includes('\0')) throw invalidInput('mapping-dir', 'contains a NUL character')
  const artifactName = get('artifact-name').trim() || DEFAULT_ARTIFACT_NAME
  // The artifact service rejects these characters (actions/upload-artifact's name checks).
  const badChar = /["':<>|*?\r\n\\/]/.exec(artifactName)
  if (badChar) {
    throw invalidInput(
      'artifact-name',
      `'${artifactName}' contains '${badChar[0]}', which artifact names cannot`
    )
  }
  return {
    artifacts,
    baseline,
    threshold: parseThreshold(get('threshold')),
    metric: parseMetric(get('metric')),
    failOn: parseFailOn(get('fail-on')),
    allowGlobals: parseAllowGlobals(get('allow-globals')),
    loaders: parseLoaders(get('loader')),
    comment: parseComment(get('comment')),
    mappingDir,
    uploadArtifact: parseBoolean(get('upload-artifact'), 'upload-artifact', true),
    artifactName,
    cache: parseBoolean(get('cache'), 'cache', true),
    githubToken: get('github-token').trim(),
    hfToken: get('hf-token').trim()
  }
}

export function parseComment(text: string): CommentMode {
  const word = text.trim().toLowerCase()
  if (word === '') return 'always'
  // YAML users write booleans here; take them at their word rather than fail.
  if (word === 'true') return 'always'
  if (word === 'false') return 'never'
  if (word === 'always' || word === 'on-failure' || word === 'never') return word
  throw invalidInput('comment', `expected always, on-failure or never, got '${text}'`)
}

/** The YAML 1.2 core-schema booleans, as @actions/core accepts them, with the input named on error. */
export function parseBoolean(text: string, input: string, fallback: boolean): boolean {
  const t = text.trim()
  if (t === '') return fallback
  if (['true', 'True', 'TRUE'].includes(t)) return true
  if (['false', 'False', 'FALSE'].includes(t)) return false
  throw invalidInput(input, `expected true or false, got '${text}'`)
}
