import { readCheckpoint } from './src/formats/index.js'
import { analyzeLora, buildBaseIndex, resolveLora } from './src/lora/index.js'
import { groupModules } from './src/lora/modules.js'
import { buildLoraReport } from './src/lora/report.js'
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
let last = cpu()
const T = (l: string) => { const t = cpu(); process.stdout.write(`${l} ${(t - last).toFixed(1)} `); last = cpu() }
const ck = await readCheckpoint('/tmp/perfw/lora.safetensors'); T('readLora')
const base = await readCheckpoint('/tmp/perfw/wan.safetensors'); T('readBase')
if (process.argv[2] === 'g') { groupModules(ck.tensors); T('group') }
const a = analyzeLora(ck); T('analyze')
const idx = buildBaseIndex(base); T('index')
const r = resolveLora(a, idx); T('resolve')
const rep = buildLoraReport({ tool: { name: 'x', version: '1' }, analyses: [a], resolutions: [r] }); T('report')
const s = JSON.stringify(rep, null, 2); T('json')
console.log(' ok', r.loadable, r.modules)
