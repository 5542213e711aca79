import { readCheckpoint } from '/work/main/src/formats/index.js'
const { analyzeStructure } = await import(process.env.AN_DIR + '/structure.js')
let last = 0
;(globalThis as any).__T = (l: string) => { const u = process.cpuUsage(); const t = (u.user + u.system) / 1000; process.stderr.write(`${l} ${(t - last).toFixed(1)}  `); last = t }
const ck = await readCheckpoint(process.argv[2]!)
;(globalThis as any).__T('read')
analyzeStructure(ck)
;(globalThis as any).__T('end'); console.error()
