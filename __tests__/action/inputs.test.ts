import { parseBoolean, parseComment, readActionInputs } from '../../src/action/inputs.js'

const reader = (values: Record<string, string>) => (name: string) => (values[name] ?? '').trim()

describe('readActionInputs', () => {
  it('applies the action.yml defaults', () => {
    const inputs = readActionInputs(
      reader({ artifacts: 'loras/*.safetensors\n\n# comment\n', baseline: 'base.json' })
    )
    expect(inputs).toEqual({
      artifacts: ['loras/*.safetensors'],
      baseline: 'base.json',
      threshold: 80,
      metric: 'auto',
      failOn: ['dangerous-globals', 'unknown-globals'],
      allowGlobals: [],
      loaders: ['any'],
      comment: 'always',
      mappingDir: 'model-compat-report',
      uploadArtifact: true,
      artifactName: 'model-compat-report',
      cache: true,
      githubToken: '',
      hfToken: ''
    })
  })

  it('reads every input', () => {
    const inputs = readActionInputs(
      reader({
        artifacts: 'a.safetensors\nb/*.pt\n!b/skip.pt',
        baseline: 'base',
        threshold: '92.5',
        metric: 'exact',
        'fail-on': 'shape-mismatch, zip-anomaly',
        comment: 'on-failure',
        'mapping-dir': 'out/mapping',
        'upload-artifact': 'false',
        'artifact-name': 'compat',
        cache: 'FALSE',
        'github-token': 'ghs_x'
      })
    )
    expect(inputs).toMatchObject({
      artifacts: ['a.safetensors', 'b/*.pt', '!b/skip.pt'],
      threshold: 92.5,
      metric: 'exact',
      failOn: ['dangerous-globals', 'unknown-globals', 'shape-mismatch', 'zip-anomaly'],
      comment: 'on-failure',
      mappingDir: 'out/mapping',
      uploadArtifact: false,
      artifactName: 'compat',
      cache: false,
      githubToken: 'ghs_x'
    })
  })

  it.each([
    [{ baseline: 'b' }, "Invalid input 'artifacts': required"],
    [{ artifacts: '!only-excludes', baseline: 'b' }, "Invalid input 'artifacts': required"],
    [{ artifacts: 'a' }, "Invalid input 'baseline': required"],
    [{ artifacts: 'a', baseline: 'b', threshold: 'high' }, "Invalid input 'threshold'"],
    [{ artifacts: 'a', baseline: 'b', metric: 'overlap' }, "Invalid input 'metric'"],
    [
      { artifacts: 'a', baseline: 'b', 'fail-on': 'everything' },
      "Invalid input 'fail-on': unknown flag 'everything'"
    ],
    [
      { artifacts: 'a', baseline: 'b', comment: 'sometimes' },
      "Invalid input 'comment': expected always, on-failure or never"
    ],
    [
      { artifacts: 'a', baseline: 'b', cache: 'yes' },
      "Invalid input 'cache': expected true or false, got 'yes'"
    ],
    [{ artifacts: 'a', baseline: 'b', 'upload-artifact': '1' }, "Invalid input 'upload-artifact'"],
    [
      { artifacts: 'a', baseline: 'b', 'artifact-name': 'a/b' },
      "Invalid input 'artifact-name': 'a/b' contains '/'"
    ]
  ])('rejects %j naming the input', (values, message) => {
    expect(() => readActionInputs(reader(values))).toThrow(message)
  })

  it('takes YAML booleans for comment', () => {
    expect(parseComment('true')).toBe('always')
    expect(parseComment('false')).toBe('never')
    expect(parseBoolean('', 'x', false)).toBe(false)
  })
})
