/**
 * The sticky PR comment: one per workflow and job, found again and edited in place, never duplicated. A token
 * that cannot write (fork PRs, Dependabot, a missing `pull-requests: write`) is a warning: the job summary and
 * the report artifact carry the same content.
 *
 * "Ours" is a comment that starts with our hidden marker AND was written by the token's own identity. The marker
 * alone is not enough: anyone can type it, so a human comment (or one planted by another job's report, quoting
 * a name from a file) carrying it would be edited. The identity is the GraphQL `viewer` (it answers for user
 * tokens and for app installation tokens such as GITHUB_TOKEN, whose REST `GET /user` is refused), else
 * `GET /user`. When neither answers, no comment is ours: a new one is created rather than someone else's edited.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import { InternalError } from '../formats/errors.js'
import { printable } from '../util/text.js'
import type { CommentMode } from './inputs.js'

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped'

/**
 * A GitHub API that hangs must not hold the job until the runner's timeout: every comment request shares one
 * deadline (MODEL_COMPAT_API_TIMEOUT_MS overrides it, for tests and slow GHES instances).
 */
export const DEFAULT_API_TIMEOUT_MS = 30_000

function apiTimeoutMs(): number {
  const v = Number(process.env.MODEL_COMPAT_API_TIMEOUT_MS)
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_API_TIMEOUT_MS
}

/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536

/**
 * The hidden marker: workflow and job (and the step, when a job runs the gate twice) make it unique, so each
 * keeps its own comment across runs.
 */
export function commentMarker(workflow: string | undefined, job: string | undefined, step?: string): string {
  const clean = (s: string | undefined) =>
    (s ?? '')
      .replace(/--+/g, '-')
      .replace(/[<>"\r\n]/g, '')
      .slice(0, 100)
  const stepPart = step ? ` step="${clean(step)}"` : ''
  return `<!-- model-compat:gate workflow="${clean(workflow)}" job="${clean(job)}"${stepPart} -->`
}

/** Whether to write the comment for this mode and gate result; `update-only` keeps an old failure from lying. */
export function commentAction(mode: CommentMode, passed: boolean): 'upsert' | 'update-only' | 'none' {
  if (mode === 'never') return 'none'
  if (mode === 'always' || !passed) return 'upsert'
  return 'update-only'
}

interface IssueComment {
  id: number
  body?: string | null
  user?: { login?: string; type?: string } | null
}

export async function upsertPrComment(opts: {
  token: string
  body: string
  mode: CommentMode
  passed: boolean
}): Promise<CommentOutcome> {
  const what = commentAction(opts.mode, opts.passed)
  if (what === 'none') return 'skipped'
  const ctx = github.context
  const pr = ctx.payload.pull_request as
    { number?: number; head?: { repo?: { full_name?: string } | null } } | undefined
  if (!pr || typeof pr.number !== 'number') {
    core.info(`Not a pull request event (${ctx.eventName ?? 'no event'}); no PR comment.`)
    return 'skipped'
  }
  const headRepo = pr.head?.repo?.full_name
  if (ctx.eventName === 'pull_request' && headRepo && headRepo !== `${ctx.repo.owner}/${ctx.repo.repo}`) {
    // On `pull_request` from a fork the token is read-only whatever `permissions:` says; don't try.
    core.warning(
      `Pull request from the fork ${headRepo}: the token cannot comment, so the PR comment is skipped. ` +
        'The report is in the job summary and the artifact.'
    )
    return 'skipped'
  }
  if (!opts.token) {
    core.warning('No github-token; the PR comment is skipped. The report is in the job summary.')
    return 'skipped'
  }
  const marker = commentMarker(ctx.workflow, ctx.job, process.env.GITHUB_ACTION)
  const body = `${marker}\n${opts.body}`
  if (body.length > MAX_COMMENT_CHARS) {
    // The renderer keeps the body under its budget; this guards the contract rather than truncating blindly.
    throw new InternalError(`PR comment body is ${body.length} characters; the limit is ${MAX_COMMENT_CHARS}`)
  }
  const { owner, repo } = ctx.repo
  const timeoutMs = apiTimeoutMs()
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), timeoutMs)
  // As a client default: octokit.paginate does not pass a per-call `request` option on to its page requests.
  const octokit = github.getOctokit(opts.token, { request: { signal: deadline.signal } })
  try {
    const comments = (await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pr.number,
      per_page: 100
    })) as IssueComment[]
    const login = await tokenLogin(octokit)
    if (login === undefined)
      core.info(
        "Could not learn the token's identity: a new PR comment is written, no earlier one is edited."
      )
    const existing =
      login === undefined
        ? undefined
        : comments.find((c) => c.body?.startsWith(`${marker}\n`) && writtenBy(c, login))
    if (existing) {
      if (existing.body === body) return 'unchanged'
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      return 'updated'
    }
    if (what === 'update-only') return 'skipped'
    await octokit.rest.issues.createComment({ owner, repo, issue_number: pr.number, body })
    return 'created'
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 403 || status === 404) {
      core.warning(
        `Could not write the PR comment (HTTP ${status}): the token is read-only or lacks 'pull-requests: write' ` +
          '(always the case for pull requests from forks and Dependabot). The report is in the job summary and the artifact.'
      )
      return 'skipped'
    }
    // Anything else (5xx, timeouts) is GitHub's problem, not the PR's: warn and keep the gate's own verdict.
    const why = deadline.signal.aborted
      ? `the GitHub API did not answer within ${Math.round(timeoutMs / 1000)} s`
      : e instanceof Error
        ? e.message
        : String(e)
    core.warning(
      printable(`Could not write the PR comment: ${why}. The report is in the job summary and the artifact.`)
    )
    return 'skipped'
  } finally {
    clearTimeout(timer)
  }
}

type Octokit = ReturnType<typeof github.getOctokit>

/** The login of the token's owner (`name[bot]` or `name` for an app), or undefined when it cannot be learned. */
export async function tokenLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    const r = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
    if (typeof r?.viewer?.login === 'string' && r.viewer.login !== '') return r.viewer.login
  } catch {
    // an endpoint without GraphQL (some GHES setups), or a token without the scope: try REST
  }
  try {
    const r = await octokit.rest.users.getAuthenticated()
    if (typeof r.data?.login === 'string' && r.data.login !== '') return r.data.login
  } catch {
    // an installation token is refused here (403 "Resource not accessible by integration")
  }
  return undefined
}

/**
 * Whether `comment` was written by `login`. Logins are unique and compare without case. The REST API names an
 * app's bot `name[bot]`; should the identity come without the suffix, a Bot author (never a user) named
 * `login[bot]` matches too.
 */
export function writtenBy(comment: IssueComment, login: string): boolean {
  const author = comment.user?.login?.toLowerCase()
  if (author === undefined) return false
  const me = login.toLowerCase()
  return author === me || (comment.user?.type === 'Bot' && author === `${me}[bot]`)
}
