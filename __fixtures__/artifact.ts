/** A stand-in for @actions/artifact: records uploads, or throws like the real client when told to. */
import { jest } from '@jest/globals'

export const uploads: Array<{ name: string; files: string[]; root: string }> = []
export const artifactState = { fail: '' }

export class DefaultArtifactClient {
  uploadArtifact = jest.fn(async (name: string, files: string[], root: string) => {
    if (artifactState.fail) throw new Error(artifactState.fail)
    uploads.push({ name, files, root })
    return { id: 4242, size: files.length * 100 }
  })
}

export function resetArtifact(): void {
  uploads.length = 0
  artifactState.fail = ''
}
