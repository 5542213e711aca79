import { readCheckpoint } from './src/formats/index.js'
import { parseSuffix, parseStem } from './src/lora/keys.js'
import { layerKind, blockOf } from './src/lora/layers.js'
import { numel, tensorBytes } from './src/lora/modules.js'
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const ck = await readCheckpoint('/tmp/perfw/lora.safetensors')
let last = cpu()
const T = (l: string) => { const t = cpu(); process.stdout.write(`${l} ${(t - last).toFixed(1)} `); last = cpu() }
const ps = ck.tensors.map((t) => parseSuffix(t.name)); T('suffix')
const stems = new Map<string, any>(); for (const p of ps) if (p && !stems.has(p.stem)) stems.set(p.stem, p); T('map')
const infos = [...stems.values()].map((p) => parseStem(p.stem, p)); T('stem')
infos.forEach((i) => layerKind(i.path, false)); T('layerKind')
infos.forEach((i) => blockOf(i.path)); T('blockOf')
let s = 0; for (const t of ck.tensors) { s += numel(t.shape); s += tensorBytes(t) } T('numel')
console.log()
