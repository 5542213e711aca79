#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = require("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __nccwpck_require__(8995);
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = require("node:vm");
;// CONCATENATED MODULE: ./src/cli/compile-cache.ts
/**
 * Keeps V8's compiled code for the CLI's chunk files between runs, so a command does not recompile its ~300 KB
 * of JavaScript on every run (about 15 ms of a 120 ms `analyze`, measured in BENCHMARKS.md).
 *
 * It compiles each chunk of the CommonJS bundle (scripts/bundle-cli.mjs) through `vm.Script` with the cached data,
 * and at exit stores the code V8 compiled during the run (including functions compiled lazily, which is most of
 * it) for chunks that had no usable cache. Node 22.1+ has a built-in cache (`module.enableCompileCache`), but it
 * stores a chunk's code right after its first compile, before the lazily compiled functions exist, and by default
 * in the shared temp folder: measured on Node 24.21 (BENCHMARKS.md), a torch `analyze` took 98 ms with it and 67 ms
 * with this one. So this one is used on every Node version.
 *
 * Safety, because cached code is code:
 * - an entry is keyed by the chunk's SHA-256 written at build time (`chunks.json`), the Node version and the
 *   architecture; V8 itself also rejects data made by another V8 or with other flags (then we recompile);
 * - the cache lives in the user's own cache folder (`$XDG_CACHE_HOME/model-compat/v8/...`, else `$HOME/.cache/...`),
 *   never a shared temp folder, and is used only when that folder is owned by us and writable by nobody else;
 * - entries are written to a temporary name and renamed, so a concurrent run never reads half a file;
 * - each compiler mode (jit.ts) has its own entries: V8 rejects code cached under other flags, so with one entry
 *   per chunk, alternating `analyze` and `compare` (or two users of one home folder) rewrote the shared chunks'
 *   entries on every run and compiled them from source each time.
 * Any failure (read-only home, no home, odd platform) only costs the speed-up. NODE_DISABLE_COMPILE_CACHE=1
 * turns it off, as it does Node's own.
 */




/**
 * Turns the cache on for this process; returns which one is in use. `entry` is the path the CLI was started
 * with (`process.argv[1]`): the chunk hashes are read from `chunks.json` next to it, so running from sources
 * (tsx, tests) finds none and changes nothing.
 */
function enableCompileCache(entry, env, compilers = 'default') {
    const loader = (external_node_module_default());
    if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== '')
        return 'off';
    try {
        if (entry === undefined || typeof loader.wrap !== 'function')
            return 'off';
        const bundleDir = (0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)(entry));
        const hashes = readChunkHashes((0,external_node_path_.join)(bundleDir, 'chunks.json'));
        if (hashes === undefined)
            return 'off';
        const cacheDir = privateCacheDir(env);
        if (cacheDir === undefined)
            return 'off';
        installHook(loader, bundleDir, hashes, cacheDir, compilers === 'default' ? '' : `-${compilers}`);
        return 'bundle';
    }
    catch {
        return 'off';
    }
}
function readChunkHashes(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object')
        return undefined;
    const hashes = new Map();
    for (const [name, hash] of Object.entries(parsed)) {
        if (typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash))
            hashes.set(name, hash);
    }
    return hashes;
}
/** `<user cache>/model-compat/v8/<node version>-<arch>`, created private; undefined when it is not ours alone. */
function privateCacheDir(env) {
    // From the environment rather than os.homedir(): node:os is not otherwise loaded by a CLI run.
    const base = (0,external_node_path_.isAbsolute)(env.XDG_CACHE_HOME ?? '')
        ? env.XDG_CACHE_HOME
        : (0,external_node_path_.isAbsolute)(env.HOME ?? '')
            ? (0,external_node_path_.join)(env.HOME, '.cache')
            : (0,external_node_path_.isAbsolute)(env.LOCALAPPDATA ?? '')
                ? env.LOCALAPPDATA
                : undefined;
    if (base === undefined)
        return undefined;
    const dir = (0,external_node_path_.join)(base, 'model-compat', 'v8', `${process.version}-${process.arch}`);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const uid = process.getuid?.();
    const st = (0,external_node_fs_.lstatSync)(dir);
    if (!st.isDirectory())
        return undefined;
    // On POSIX: ours, and nobody else may write there (where the uid is unknown, as on Windows, the profile
    // folder's own ACLs apply).
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))
        return undefined;
    return dir;
}
function installHook(loader, bundleDir, hashes, cacheDir, suffix) {
    const original = loader.prototype._compile;
    const toStore = [];
    loader.prototype._compile = function compileWithCache(content, filename) {
        const hash = (0,external_node_path_.dirname)(filename) === bundleDir ? hashes.get((0,external_node_path_.basename)(filename)) : undefined;
        if (hash === undefined)
            return original.call(this, content, filename);
        const file = (0,external_node_path_.join)(cacheDir, `${hash}${suffix}.bin`);
        let cachedData;
        try {
            cachedData = (0,external_node_fs_.readFileSync)(file);
        }
        catch {
            cachedData = undefined;
        }
        const script = new external_node_vm_namespaceObject.Script(loader.wrap(content), { filename, cachedData });
        if (cachedData === undefined || script.cachedDataRejected === true)
            toStore.push({ script, file });
        const wrapper = script.runInThisContext();
        const requireFromChunk = (0,external_node_module_.createRequire)(filename);
        return wrapper.call(this.exports, this.exports, requireFromChunk, this, filename, (0,external_node_path_.dirname)(filename));
    };
    process.once('exit', () => {
        for (const { script, file } of toStore) {
            try {
                const temp = `${file}.${process.pid}.tmp`;
                (0,external_node_fs_.writeFileSync)(temp, script.createCachedData(), { mode: 0o600 });
                (0,external_node_fs_.renameSync)(temp, file);
            }
            catch {
                // a full disk or a read-only cache only costs the next run's speed-up
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/cli/jit.ts

/**
 * Commands whose work, once their headers are read, is one pass of name work over a few thousand keys (analysis,
 * correspondence, resolution): V8's optimizing compilers (TurboFan; Maglev on Node 22+) compile those per-key
 * loops for code that then runs a few milliseconds, and the compiling costs more than it saves. Measured (Node 20,
 * dist/cli, medians of 9): compare of the SDXL UNet calibration pair 328 -> 239-260 ms; gate of 1,500 LoRAs 445 ->
 * 290 ms.
 */
const NAME_WORK_COMMANDS = new Set(['compare', 'lora', 'gate']);
/**
 * `analyze` keeps the optimizing compilers for code that runs long (the unpickler's opcode loop is 1.6x slower
 * without TurboFan on `__fixtures__/bad/legacy-nested-100k.pt`, 196 -> 317 ms), but V8's default threshold also
 * sends the readers' and the analysis's per-tensor loops to TurboFan after a millisecond or two, for code that
 * finishes a few milliseconds later: on Node 20 those compiles were 35 M instructions of a safetensors `analyze`
 * (7% of `node -e 0`) and 100 M of a torch zip (20%). A 16x budget (64x on Node 20, below) leaves a run over a
 * thousand-tensor header interpreted and still optimizes a loop that runs for tens of milliseconds. Only on the V8
 * versions whose flags were measured (an unknown flag makes V8 print an error): Node 20 counts bytecode executed
 * (`--interrupt-budget`, default 66 KB), Node 24 counts invocations (`--invocation-count-for-*`).
 */
// `convert` too: its planning is name work (resolution over thousands of keys), which the 16x budget leaves to the
// interpreter as name-work mode would (convert --dry-run of the bench's 1,500-module rename, Node 20 instructions:
// default 2,420-2,438 M, name-work 1,883 M, reader 1,896-1,916 M), while a torch base's unpickler stays optimized.
const READER_COMMANDS = new Set(['analyze', 'convert']);
const READER_FLAGS = {
    // Node 20: 64x the default 66 KB budget. Against 16x (Node 20 instructions, cachegrind): torch zip analyze of
    // 1,095 tensors 939 -> 906 M warm and 1,076 -> 1,051 M cold; safetensors and convert within noise;
    // legacy-nested-100k.pt still 0.14-0.15 s (its opcode loop runs long enough to be optimized either way).
    '11': ['--interrupt-budget=4325376'],
    '13': [
        '--invocation-count-for-maglev=6400',
        '--invocation-count-for-turbofan=48000',
        '--invocation-count-for-maglev-osr=1600',
        '--invocation-count-for-osr=8000'
    ]
};
/**
 * Called first thing in the CLI process with the command name, before any code has run hot: setting V8 flags once
 * functions are already tiering has little effect (measured: set after compare's reads, 328 -> 304-314 ms only).
 * Returns the mode, which also keys the compiled-code cache (compile-cache.ts): V8 rejects cached code made under
 * other flags, so the modes must not share entries.
 *
 * `node:v8` is loaded only when flags are set: it loads Node's whole stream stack with it (for heap snapshots),
 * about 12 M instructions, 2.4% of `node -e 0`.
 */
function tuneCompilersFor(command) {
    if (command === undefined)
        return 'default';
    if (NAME_WORK_COMMANDS.has(command)) {
        setV8Flags(['--no-turbofan', '--no-maglev']);
        return 'name-work';
    }
    const readerFlags = READER_FLAGS[process.versions.v8.split('.')[0] ?? ''];
    if (READER_COMMANDS.has(command) && readerFlags !== undefined) {
        setV8Flags(readerFlags);
        return 'reader';
    }
    return 'default';
}
function setV8Flags(flags) {
    const v8 = process.getBuiltinModule?.('node:v8') ??
        (0,external_node_module_.createRequire)(require("url").pathToFileURL(__filename).href)('node:v8');
    for (const flag of flags)
        v8.setFlagsFromString(flag);
}

;// CONCATENATED MODULE: ./src/cli/index.ts


// The V8 compilers a command runs best with (see jit.ts), before any code runs hot.
const compilers = tuneCompilersFor(process.argv[2]);
// Before anything else loads: V8's compiled code is kept between runs (see compile-cache.ts). Best effort.
enableCompileCache(process.argv[1], process.env, compilers);
// The dispatcher, the argument parser and the error family are loaded after the cache is on, so that in the
// bundle they come from it too: the entry file itself is compiled from source on every run, so it holds only
// the cache and the module loader.
__nccwpck_require__.e(/* import() */ 609).then(__nccwpck_require__.bind(__nccwpck_require__, 3609)).then(({ start }) => start(), (e) => {
    process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
});

module.exports = __webpack_exports__;
/******/ })()
;