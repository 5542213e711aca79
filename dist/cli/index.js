#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ formatHelp),
/* harmony export */   Jt: () => (/* binding */ flag),
/* harmony export */   Zy: () => (/* binding */ parseArgs),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   p_: () => (/* binding */ list)
/* harmony export */ });
/* unused harmony export num */
/**
 * A small argument parser for the CLI. node:util parseArgs cannot take several values after one flag
 * (`--names "Wan2.1" "LongCat"`), which is the habit of the analysis scripts our users come from (argparse
 * nargs='+'), so flags here may be greedy: they take every following word up to the next flag.
 */
/** Bad usage: exit 2 with the message and a pointer to `--help`. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
function parseArgs(spec, argv) {
    const options = Object.create(null);
    const positionals = [];
    const byShort = new Map();
    for (const [name, o] of Object.entries(spec.options))
        if (o.short)
            byShort.set(o.short, name);
    let i = 0;
    let onlyPositionals = false;
    while (i < argv.length) {
        const word = argv[i++];
        if (onlyPositionals || word === '-' || !word.startsWith('-')) {
            positionals.push(word);
            continue;
        }
        if (word === '--') {
            onlyPositionals = true;
            continue;
        }
        let name;
        let inline;
        if (word.startsWith('--')) {
            const eq = word.indexOf('=');
            name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
            inline = eq >= 0 ? word.slice(eq + 1) : undefined;
        }
        else {
            const long = byShort.get(word.slice(1));
            if (!long)
                throw new UsageError(`unknown option ${word} for '${spec.name}'`);
            name = long;
        }
        const opt = Object.prototype.hasOwnProperty.call(spec.options, name) ? spec.options[name] : undefined;
        if (!opt)
            throw new UsageError(`unknown option --${name} for '${spec.name}'`);
        const takeValue = () => {
            if (inline !== undefined)
                return inline;
            if (i >= argv.length || isFlag(argv[i]))
                throw new UsageError(`--${name} needs a value`);
            return argv[i++];
        };
        switch (opt.kind) {
            case 'boolean':
                if (inline !== undefined)
                    throw new UsageError(`--${name} takes no value`);
                options[name] = true;
                break;
            case 'string':
                options[name] = takeValue();
                break;
            case 'number': {
                const text = takeValue();
                const n = Number(text);
                if (text.trim() === '' || !Number.isFinite(n))
                    throw new UsageError(`--${name} needs a number, got '${text}'`);
                options[name] = n;
                break;
            }
            case 'list': {
                const values = options[name] ?? [];
                if (inline !== undefined)
                    values.push(inline);
                else {
                    while (i < argv.length && !isFlag(argv[i]))
                        values.push(argv[i++]);
                    if (values.length === 0)
                        throw new UsageError(`--${name} needs at least one value`);
                }
                options[name] = values;
                break;
            }
        }
    }
    if (spec.minPositionals !== undefined && positionals.length < spec.minPositionals) {
        throw new UsageError(`'${spec.name}' needs ${describeCount(spec.minPositionals)}: ${spec.usage}`);
    }
    if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
        throw new UsageError(`'${spec.name}' takes at most ${describeCount(spec.maxPositionals)}: ${spec.usage}`);
    }
    return { positionals, options };
}
function isFlag(word) {
    return word.startsWith('-') && word !== '-' && !/^-\d/.test(word);
}
function describeCount(n) {
    return n === 1 ? 'one file' : `${n} files`;
}
function formatHelp(spec) {
    const lines = [`Usage: model-compat ${spec.name} ${spec.usage}`, '', spec.summary, '', 'Options:'];
    const rows = Object.entries(spec.options).map(([name, o]) => {
        const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
        return [flag, o.help];
    });
    const width = Math.max(...rows.map((r) => r[0].length));
    for (const [flag, help] of rows)
        lines.push(`  ${flag.padEnd(width)}  ${help}`);
    return lines.join('\n') + '\n';
}
/** Typed accessors: the parser already checked kinds, these only narrow. */
function flag(args, name) {
    return args.options[name] === true;
}
function str(args, name) {
    const v = args.options[name];
    return typeof v === 'string' ? v : undefined;
}
function num(args, name) {
    const v = args.options[name];
    return typeof v === 'number' ? v : undefined;
}
function list(args, name) {
    const v = args.options[name];
    return Array.isArray(v) ? v : undefined;
}


/***/ }),

/***/ 1604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ij: () => (/* binding */ EXIT_OK),
/* harmony export */   Wb: () => (/* binding */ processIO),
/* harmony export */   je: () => (/* binding */ EXIT_GATE_FAILED),
/* harmony export */   yt: () => (/* binding */ EXIT_BAD_INPUT)
/* harmony export */ });
const EXIT_OK = 0;
const EXIT_GATE_FAILED = 1;
const EXIT_BAD_INPUT = 2;
function processIO() {
    const env = process.env;
    // A reader that stops early (`model-compat ... | head`) closes the pipe: stop quietly, as other command-line
    // tools do, instead of dying on an unhandled EPIPE with a stack trace.
    process.stdout.on('error', (e) => {
        if (e.code !== 'EPIPE')
            throw e;
        process.exit(process.exitCode ?? 0);
    });
    const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
    return {
        stdout: (t) => void process.stdout.write(t),
        stderr: (t) => void process.stderr.write(t),
        color: Boolean(process.stdout.isTTY) && !noColor && env.TERM !== 'dumb',
        env,
        cwd: process.cwd()
    };
}


/***/ }),

/***/ 6289:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ CheckpointError),
/* harmony export */   t: () => (/* binding */ isCheckpointError)
/* harmony export */ });
/**
 * One error class for every bad input, with one precise code per failure (as the safetensors crate does), so a
 * caller can tell a truncated file from a hostile one and the CLI can exit 2 with a message naming the file.
 */
class CheckpointError extends Error {
    code;
    /** The file (or URL) the problem is in. */
    file;
    /** What is wrong, without the file name. */
    detail;
    constructor(code, file, detail, options) {
        super(`${file}: ${code}: ${detail}`, options);
        this.name = 'CheckpointError';
        this.code = code;
        this.file = file;
        this.detail = detail;
    }
}
function isCheckpointError(e) {
    return e instanceof CheckpointError;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ TOOL)
/* harmony export */ });
/** The tool's name and version, written into every report and cache key. Keep in step with package.json. */
const TOOL = Object.freeze({ name: 'model-compat', version: '0.1.0' });


/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_namespaceObject);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __nccwpck_require__(7593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __nccwpck_require__(1604);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __nccwpck_require__(6289);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/cli/main.ts
/** The CLI dispatcher: picks the command, parses its arguments, maps errors to exit codes. */




const COMMANDS = [
    {
        name: 'analyze',
        summary: 'Read checkpoints header-only and explain them: format, tensors, dtypes, metadata, pickle globals.',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(478), __nccwpck_require__.e(971), __nccwpck_require__.e(861)]).then(__nccwpck_require__.bind(__nccwpck_require__, 861))).analyzeCommand
    },
    {
        name: 'compare',
        summary: 'Compare two models: key overlap, shapes, flags, a verdict, and a proposed key mapping.',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(478), __nccwpck_require__.e(971), __nccwpck_require__.e(38), __nccwpck_require__.e(753)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1309))).compareCommand
    },
    {
        name: 'lora',
        summary: 'Explain LoRA files (conventions, ranks, alpha, coverage), resolve them against a base, compare two.',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(478), __nccwpck_require__.e(556), __nccwpck_require__.e(834)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1834))).loraCommand
    },
    {
        name: 'gate',
        summary: 'Gate checkpoints or LoRAs against a baseline: overlap or loadable %, flags, pass or fail.',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(478), __nccwpck_require__.e(971), __nccwpck_require__.e(38), __nccwpck_require__.e(556), __nccwpck_require__.e(78)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6078))).gateCommand
    },
    {
        name: 'convert',
        summary: 'Rewrite a LoRA for a base: another key convention, or fused/separate attention layouts, exactly.',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(478), __nccwpck_require__.e(971), __nccwpck_require__.e(38), __nccwpck_require__.e(556), __nccwpck_require__.e(249)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2249))).convertCommand
    }
];
function topHelp() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
        `${version/* TOOL */.j.name} ${version/* TOOL */.j.version}: header-only compatibility checks for model checkpoints and LoRAs`,
        '',
        'Usage: model-compat <command> [options] FILE...',
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        "Run 'model-compat <command> --help' for a command's options.",
        'Exit status: 0 ok, 1 the gate failed, 2 bad input or usage.',
        ''
    ].join('\n');
}
async function main(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
        io.stdout(target ? (0,args/* formatHelp */.B2)((await target.load()).spec) : topHelp());
        return name === undefined ? cli_io/* EXIT_BAD_INPUT */.yt : cli_io/* EXIT_OK */.Ij;
    }
    if (name === '--version' || name === '-V') {
        io.stdout(`${version/* TOOL */.j.version}\n`);
        return cli_io/* EXIT_OK */.Ij;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
        io.stderr(`model-compat: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}\n`);
        return cli_io/* EXIT_BAD_INPUT */.yt;
    }
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout((0,args/* formatHelp */.B2)(command.spec));
        return cli_io/* EXIT_OK */.Ij;
    }
    try {
        return await command.run((0,args/* parseArgs */.Zy)(command.spec, rest), io);
    }
    catch (e) {
        if (e instanceof args/* UsageError */.eb) {
            io.stderr(`model-compat ${name}: ${e.message}\nRun 'model-compat ${name} --help' for usage.\n`);
            return cli_io/* EXIT_BAD_INPUT */.yt;
        }
        if ((0,errors/* isCheckpointError */.t)(e)) {
            io.stderr(`model-compat ${name}: ${e.message}\n`);
            return cli_io/* EXIT_BAD_INPUT */.yt;
        }
        const problem = fileSystemError(e);
        if (problem) {
            // Outputs (--export, --mapping, --summary, --mapping-dir, -o) that cannot be written are bad usage, not a bug.
            io.stderr(`model-compat ${name}: ${problem}\n`);
            return cli_io/* EXIT_BAD_INPUT */.yt;
        }
        // Anything else is a bug in this tool, not bad input: say so, with the stack for the report.
        io.stderr(`model-compat ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        return 70;
    }
}
const FS_ERRORS = Object.freeze({
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'already exists and is not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'file name too long'
});
/** A Node file-system error (it carries `code` and `path`) as "PATH: what is wrong", or undefined. */
function fileSystemError(e) {
    const { code, path } = (e ?? {});
    if (typeof code !== 'string' || typeof path !== 'string' || !Object.hasOwn(FS_ERRORS, code))
        return undefined;
    return `cannot write ${path}: ${FS_ERRORS[code]} (${code})`;
}

;// CONCATENATED MODULE: ./src/cli/index.ts



// V8's on-disk compile cache (Node 22.1+; Node 20 has no such function): the command chunks loaded by `main` are
// then compiled once per version, not on every run. NODE_DISABLE_COMPILE_CACHE=1 turns it off. Best effort.
try {
    ;
    external_node_module_default().enableCompileCache?.();
}
catch {
    // A read-only or missing temp folder only costs the speed-up.
}
main(process.argv.slice(2), (0,cli_io/* processIO */.Wb)()).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
});

