import { gateCommand } from './src/cli/commands/gate.js'
import { parseArgs } from './src/cli/args.js'
const args = parseArgs(gateCommand.spec, process.argv.slice(2))
const code = await gateCommand.run(args, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), color: false, env: process.env, cwd: process.cwd() })
console.log('exit', code)
