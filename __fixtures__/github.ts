/**
 * A stand-in for @actions/github: a mutable `context` and a `getOctokit` returning an in-memory issue-comments API
 * whose behaviour (existing comments, status to fail writes with, who the token is) each test sets.
 */
import { jest } from '@jest/globals'

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
}

export const context = {
  eventName: 'pull_request',
  workflow: 'CI',
  job: 'gate',
  repo: { owner: 'octo', repo: 'models' },
  payload: { pull_request: { number: 7 } } as Record<string, unknown>
}

export const api = {
  comments: [] as FakeComment[],
  /** HTTP status every write fails with (403 for a read-only token), or 0. */
  failWrites: 0,
  failReads: 0,
  calls: [] as string[],
  nextId: 100,
  /**
   * Who the token is, and how that can be learned: GraphQL `viewer` (as for GITHUB_TOKEN and app tokens), REST
   * `GET /user` only (a user token on an endpoint without GraphQL), or not at all. Comments it creates carry it.
   */
  identity: { login: 'github-actions[bot]', type: 'Bot', via: 'graphql' as 'graphql' | 'rest' | 'none' }
}

function httpError(status: number): Error & { status: number } {
  return Object.assign(new Error(`HttpError: ${status}`), { status })
}

const rest = {
  issues: {
    listComments: jest.fn(async () => {
      api.calls.push('list')
      if (api.failReads) throw httpError(api.failReads)
      return { data: api.comments }
    }),
    createComment: jest.fn(async (p: { body: string; issue_number: number }) => {
      api.calls.push(`create:${p.issue_number}`)
      if (api.failWrites) throw httpError(api.failWrites)
      const c = {
        id: api.nextId++,
        body: p.body,
        user: { login: api.identity.login, type: api.identity.type }
      }
      api.comments.push(c)
      return { data: c }
    }),
    updateComment: jest.fn(async (p: { comment_id: number; body: string }) => {
      api.calls.push(`update:${p.comment_id}`)
      if (api.failWrites) throw httpError(api.failWrites)
      const c = api.comments.find((x) => x.id === p.comment_id)
      if (!c) throw httpError(404)
      c.body = p.body
      return { data: c }
    })
  }
}

const users = {
  getAuthenticated: jest.fn(async () => {
    api.calls.push('user')
    // GitHub refuses GET /user to installation tokens.
    if (api.identity.via !== 'rest') throw httpError(403)
    return { data: { login: api.identity.login, type: api.identity.type } }
  })
}

const graphql = jest.fn(async (query: string) => {
  api.calls.push('viewer')
  if (api.identity.via !== 'graphql' || !/viewer\s*\{\s*login/.test(query)) throw httpError(403)
  return { viewer: { login: api.identity.login } }
})

export const getOctokit = jest.fn((_token: string) => ({
  rest: { ...rest, users },
  graphql,
  paginate: async (fn: (p: unknown) => Promise<{ data: unknown[] }>, params: unknown) =>
    (await fn(params)).data
}))

export function resetGitHub(): void {
  api.comments = []
  api.failWrites = 0
  api.failReads = 0
  api.calls = []
  api.identity = { login: 'github-actions[bot]', type: 'Bot', via: 'graphql' }
  context.eventName = 'pull_request'
  context.payload = { pull_request: { number: 7 } }
}
