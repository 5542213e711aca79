import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import * as github from '../../__fixtures__/github.js'

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/github', () => github)
const { upsertPrComment, commentMarker, commentAction } = await import('../../src/action/comment.js')

const marker = commentMarker('CI', 'gate')

describe('upsertPrComment', () => {
  beforeEach(() => {
    github.resetGitHub()
    jest.clearAllMocks()
    process.env.GITHUB_WORKFLOW = 'CI'
    process.env.GITHUB_JOB = 'gate'
  })

  it('creates the comment once, then updates it in place', async () => {
    expect(await upsertPrComment({ token: 't', body: 'first', mode: 'always', passed: true })).toBe('created')
    expect(await upsertPrComment({ token: 't', body: 'second', mode: 'always', passed: true })).toBe(
      'updated'
    )
    expect(await upsertPrComment({ token: 't', body: 'second', mode: 'always', passed: true })).toBe(
      'unchanged'
    )
    expect(github.api.comments).toHaveLength(1)
    expect(github.api.comments[0].body).toBe(`${marker}\nsecond`)
    expect(github.api.calls).toEqual([
      'list',
      'viewer',
      'create:7',
      'list',
      'viewer',
      'update:100',
      'list',
      'viewer'
    ])
  })

  it('keeps separate comments per workflow/job and leaves human quotes alone', async () => {
    github.api.comments.push({ id: 1, body: `> ${marker}\nquoted`, user: { login: 'alice', type: 'User' } })
    github.api.comments.push({
      id: 2,
      body: `${commentMarker('CI', 'other-job')}\nx`,
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    github.api.comments.push({
      id: 3,
      body: `${marker}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    expect(await upsertPrComment({ token: 't', body: 'new', mode: 'always', passed: false })).toBe('updated')
    expect(github.api.comments.map((c) => c.body)).toEqual([
      `> ${marker}\nquoted`,
      `${commentMarker('CI', 'other-job')}\nx`,
      `${marker}\nnew`
    ])
  })

  it('on-failure: creates only on failure, but updates an old comment when the gate now passes', async () => {
    expect(await upsertPrComment({ token: 't', body: 'ok', mode: 'on-failure', passed: true })).toBe(
      'skipped'
    )
    expect(github.api.comments).toHaveLength(0)
    expect(await upsertPrComment({ token: 't', body: 'bad', mode: 'on-failure', passed: false })).toBe(
      'created'
    )
    expect(await upsertPrComment({ token: 't', body: 'ok', mode: 'on-failure', passed: true })).toBe(
      'updated'
    )
    expect(github.api.comments[0].body).toContain('ok')
    expect(commentAction('never', false)).toBe('none')
  })

  it.each([403, 404])('turns HTTP %i into a warning', async (status) => {
    github.api.failWrites = status
    expect(await upsertPrComment({ token: 't', body: 'x', mode: 'always', passed: false })).toBe('skipped')
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringContaining(`Could not write the PR comment (HTTP ${status})`)
    )
  })

  it('turns other API errors into a warning too', async () => {
    github.api.failReads = 502
    expect(await upsertPrComment({ token: 't', body: 'x', mode: 'always', passed: true })).toBe('skipped')
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('HttpError: 502'))
  })

  it('skips pull requests from forks up front, with a warning', async () => {
    github.context.payload = { pull_request: { number: 7, head: { repo: { full_name: 'someone/models' } } } }
    expect(await upsertPrComment({ token: 't', body: 'x', mode: 'always', passed: true })).toBe('skipped')
    expect(github.api.calls).toEqual([])
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringContaining('Pull request from the fork someone/models')
    )
    github.context.payload = { pull_request: { number: 7, head: { repo: { full_name: 'octo/models' } } } }
    expect(await upsertPrComment({ token: 't', body: 'x', mode: 'always', passed: true })).toBe('created')
  })

  it('skips outside pull requests and without a token', async () => {
    github.context.payload = {}
    expect(await upsertPrComment({ token: 't', body: 'x', mode: 'always', passed: true })).toBe('skipped')
    github.context.payload = { pull_request: { number: 7 } }
    expect(await upsertPrComment({ token: '', body: 'x', mode: 'always', passed: true })).toBe('skipped')
    expect(github.api.calls).toEqual([])
  })

  it('edits only a comment that starts with the marker AND was written by the token: never a planted marker', async () => {
    const human = { login: 'mallory', type: 'User' }
    const otherBot = { login: 'renovate[bot]', type: 'Bot' }
    github.api.comments.push(
      // A human comment that is our marker, verbatim: anyone can type it.
      { id: 1, body: `${marker}\nplease edit me`, user: human },
      // Another bot quoting it (e.g. a report that printed a name from a file holding the marker).
      { id: 2, body: `${marker}\nfrom someone else`, user: otherBot },
      // Ours, but with the marker further down (a name from a file cannot make a comment ours).
      { id: 3, body: `intro\n${marker}\nx`, user: { login: 'github-actions[bot]', type: 'Bot' } }
    )
    expect(await upsertPrComment({ token: 't', body: 'report', mode: 'always', passed: true })).toBe(
      'created'
    )
    expect(github.api.comments.slice(0, 3).map((c) => c.body)).toEqual([
      `${marker}\nplease edit me`,
      `${marker}\nfrom someone else`,
      `intro\n${marker}\nx`
    ])
    expect(await upsertPrComment({ token: 't', body: 'again', mode: 'always', passed: true })).toBe('updated')
    expect(github.api.comments).toHaveLength(4)
    expect(github.api.comments[3].body).toBe(`${marker}\nagain`)
  })

  it('learns the identity from GET /user when GraphQL does not answer, and matches logins without case', async () => {
    github.api.identity = { login: 'Release-Bot', type: 'User', via: 'rest' }
    github.api.comments.push({ id: 5, body: `${marker}\nold`, user: { login: 'release-bot', type: 'User' } })
    expect(await upsertPrComment({ token: 't', body: 'new', mode: 'always', passed: true })).toBe('updated')
    expect(github.api.calls).toEqual(['list', 'viewer', 'user', 'update:5'])
  })

  it('matches an app by its bot login, with or without the [bot] suffix, and never a human of a like name', async () => {
    github.api.identity = { login: 'my-gate-app[bot]', type: 'Bot', via: 'graphql' }
    github.api.comments.push(
      { id: 6, body: `${marker}\nhuman`, user: { login: 'my-gate-app', type: 'User' } },
      { id: 7, body: `${marker}\nold`, user: { login: 'my-gate-app[bot]', type: 'Bot' } }
    )
    expect(await upsertPrComment({ token: 't', body: 'new', mode: 'always', passed: true })).toBe('updated')
    expect(github.api.comments.find((c) => c.id === 7)!.body).toBe(`${marker}\nnew`)
    expect(github.api.comments.find((c) => c.id === 6)!.body).toBe(`${marker}\nhuman`)
    // A login given without the suffix still finds the bot's comment (and only a Bot's).
    github.api.identity = { login: 'my-gate-app-2', type: 'Bot', via: 'graphql' }
    github.api.comments.push({
      id: 9,
      body: `${marker}\nold`,
      user: { login: 'my-gate-app-2[bot]', type: 'Bot' }
    })
    expect(await upsertPrComment({ token: 't', body: 'newer', mode: 'always', passed: true })).toBe('updated')
    expect(github.api.comments.find((c) => c.id === 9)!.body).toBe(`${marker}\nnewer`)
  })

  it('when the identity cannot be learned, creates a new comment instead of editing one', async () => {
    github.api.identity = { login: 'github-actions[bot]', type: 'Bot', via: 'none' }
    github.api.comments.push({
      id: 8,
      body: `${marker}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    expect(await upsertPrComment({ token: 't', body: 'new', mode: 'always', passed: false })).toBe('created')
    expect(github.api.comments.find((c) => c.id === 8)!.body).toBe(`${marker}\nold`)
    expect(core.info).toHaveBeenCalledWith(expect.stringContaining("Could not learn the token's identity"))
    // update-only (on-failure, now passing) never creates: with no comment of ours found, nothing is written.
    expect(await upsertPrComment({ token: 't', body: 'ok', mode: 'on-failure', passed: true })).toBe(
      'skipped'
    )
    expect(github.api.calls.filter((c) => c.startsWith('update'))).toEqual([])
  })

  it('refuses a body over the API limit instead of sending it', async () => {
    await expect(
      upsertPrComment({ token: 't', body: 'x'.repeat(70000), mode: 'always', passed: true })
    ).rejects.toThrow(/limit is 65536/)
  })
})
