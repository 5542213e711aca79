/** action.yml and the code agree: every input the code reads is declared, with the defaults the code assumes. */
import { readFileSync } from 'node:fs'
import { readActionInputs } from '../../src/action/inputs.js'

const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')

/** The `inputs:` / `outputs:` maps of action.yml: two-space keys, with their `default:` when given. */
function section(name: string): Map<string, string | undefined> {
  const start = yml.indexOf(`\n${name}:\n`)
  const body = yml.slice(start + name.length + 3).split(/\n(?=\S)/)[0]
  const out = new Map<string, string | undefined>()
  let current = ''
  for (const line of body.split('\n')) {
    const key = /^ {2}([a-z-]+):\s*$/.exec(line)
    if (key) out.set((current = key[1]), undefined)
    const def = /^ {4}default:\s*(.*)$/.exec(line)
    if (def && current) out.set(current, def[1].replace(/^'(.*)'$/, '$1'))
  }
  return out
}

describe('action.yml', () => {
  const inputs = section('inputs')
  const outputs = section('outputs')

  it('declares exactly the inputs the code reads', () => {
    const read = new Set<string>()
    readActionInputs((name) => {
      read.add(name)
      return { artifacts: 'a', baseline: 'b' }[name] ?? ''
    })
    expect([...inputs.keys()].sort()).toEqual([...read].sort())
  })

  it('has defaults that give the same inputs as the code defaults', () => {
    const fromYml = readActionInputs((name) =>
      name === 'artifacts' ? 'a' : name === 'baseline' ? 'b' : (inputs.get(name) ?? '')
    )
    const fromCode = readActionInputs((name) => (name === 'artifacts' ? 'a' : name === 'baseline' ? 'b' : ''))
    expect({ ...fromYml, githubToken: '' }).toEqual({ ...fromCode, githubToken: '' })
    expect(inputs.get('github-token')).toBe('${{ github.token }}')
    expect(inputs.get('threshold')).toBe('80')
  })

  it('declares the outputs main.ts sets and runs on node24 from dist/index.js', async () => {
    const main = readFileSync(new URL('../../src/action/main.ts', import.meta.url), 'utf8')
    const set = [...main.matchAll(/core\.setOutput\('([a-z-]+)'/g)].map((m) => m[1]).sort()
    expect([...outputs.keys()].sort()).toEqual(set)
    expect(yml).toMatch(/\nruns:\n {2}using: node24\n {2}main: dist\/index\.js\n/)
    expect(yml).toMatch(/\nbranding:\n {2}icon: \S+\n {2}color: \S+\n/)
  })
})
