import { expandModel } from './fixtures/specs.js'
import { isAdapterKey, stripKnownPrefix, keyRoles, splitBlockKey } from './src/analysis/keys.js'
const names = expandModel('wan2.1-t2v-14b').map((t) => t.name)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const time = (l: string, f: () => void) => { const t = cpu(); f(); process.stdout.write(l + " " + (cpu() - t).toFixed(2) + "  ") }
time('adapter', () => { for (const n of names) isAdapterKey(n) })
time('adapter2', () => { for (const n of names) isAdapterKey(n) })
time('strip', () => { for (const n of names) stripKnownPrefix(n) })
time('roles', () => { for (const n of names) keyRoles(n, true) })
time('split', () => { for (const n of names) n.split('.') })
time('splitBlock', () => { for (const n of names) splitBlockKey(n) })
console.log()
