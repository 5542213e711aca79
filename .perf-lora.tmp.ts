import { readCheckpoint } from './src/formats/index.js'
import { parseSuffix, parseStem } from './src/lora/keys.js'
import { groupModules } from './src/lora/modules.js'
import { layerKind, blockOf } from './src/lora/layers.js'
const ck = await readCheckpoint('/tmp/perfw/lora.safetensors')
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const time = (l: string, f: () => void) => { const t = performance.now(); f(); process.stdout.write(l + ' ' + (performance.now() - t).toFixed(2) + '  ') }
const mode = process.argv[2]
if (mode === 'parts') {
  time('suffix', () => { for (const t of ck.tensors) parseSuffix(t.name) })
  const stems = ck.tensors.map((t) => parseSuffix(t.name)).filter((x) => x)
  time('stem', () => { for (const s of stems) parseStem(s!.stem, s!) })
  const paths = stems.map((s) => parseStem(s!.stem, s!).path)
  time('layerKind', () => { for (const p of paths) layerKind(p, false) })
  time('blockOf', () => { for (const p of paths) blockOf(p) })
}
time('group', () => groupModules(ck.tensors))
time('group2', () => groupModules(ck.tensors))
console.log()
