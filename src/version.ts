/** The tool's name and version, written into every report and cache key. Keep in step with package.json. */
export const TOOL = Object.freeze({ name: 'model-compat', version: '0.1.0' })
