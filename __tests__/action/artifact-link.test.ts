/** The PR summary links the uploaded report: the URL is built from the runner's environment and the upload's id. */
import { describe, expect, it } from '@jest/globals'
import { artifactUrl } from '../../src/action/main.js'

const env = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'octo/models',
  GITHUB_RUN_ID: '123'
}

describe('artifactUrl', () => {
  it('is ${server}/${repo}/actions/runs/${run_id}/artifacts/${id}', () => {
    expect(artifactUrl(env, 42)).toBe('https://github.com/octo/models/actions/runs/123/artifacts/42')
    expect(artifactUrl({ ...env, GITHUB_SERVER_URL: 'https://ghe.example.com' }, 7)).toBe(
      'https://ghe.example.com/octo/models/actions/runs/123/artifacts/7'
    )
  })

  it('is undefined without an id or with a missing or malformed variable (no link is better than a wrong one)', () => {
    expect(artifactUrl(env, undefined)).toBeUndefined()
    expect(artifactUrl(env, -1)).toBeUndefined()
    expect(artifactUrl({ ...env, GITHUB_RUN_ID: '' }, 1)).toBeUndefined()
    expect(artifactUrl({ ...env, GITHUB_RUN_ID: '1) [x](y' }, 1)).toBeUndefined()
    expect(artifactUrl({ ...env, GITHUB_REPOSITORY: 'a/b/c' }, 1)).toBeUndefined()
    expect(artifactUrl({ ...env, GITHUB_SERVER_URL: 'javascript:alert(1)' }, 1)).toBeUndefined()
  })
})
