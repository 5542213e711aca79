"use strict";
exports.id = 325;
exports.ids = [325];
exports.modules = {

/***/ 2325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analyzeCommand: () => (/* binding */ analyzeCommand)
/* harmony export */ });
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7593);
/* harmony import */ var _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6289);
/* harmony import */ var _formats_http_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9740);
/* harmony import */ var _formats_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2964);
/* harmony import */ var _formats_json_manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4458);
/* harmony import */ var _analysis_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9027);
/* harmony import */ var _display_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2616);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4924);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(311);
/* harmony import */ var _formats_write_file_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6662);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9997);
/** `model-compat analyze FILE... [--names N...] [--export keys.txt] [--json] [--compare --mapping out.json]` */











const spec = {
    name: 'analyze',
    summary: 'Read checkpoints header-only and explain them: format, tensors, dtypes, metadata, pickle globals.',
    usage: 'FILE... [--names NAME...] [--export keys.txt] [--json] [--compare [--mapping out.json]]',
    minPositionals: 1,
    options: {
        names: { kind: 'list', help: 'display names for the files, in order', value: 'NAME...' },
        export: {
            kind: 'string',
            help: 'write every key with its shape and dtype to a text file',
            value: 'FILE'
        },
        json: { kind: 'boolean', help: 'print the manifest JSON (one object per file; an array for several)' },
        compare: { kind: 'boolean', help: 'compare the two files (same as `model-compat compare A B`)' },
        mapping: { kind: 'string', help: 'with --compare: write the key mapping JSON here', value: 'FILE' },
        'no-structure': {
            kind: 'boolean',
            help: 'skip the structure analysis (blocks, attention, dims, family)'
        },
        ..._read_js__WEBPACK_IMPORTED_MODULE_7__/* .REMOTE_OPTIONS */ .Q,
        ..._display_js__WEBPACK_IMPORTED_MODULE_6__/* .DISPLAY_OPTIONS */ .wV
    }
};
async function run(args, io) {
    const compare = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .flag */ .Jt)(args, 'compare');
    if (compare && args.positionals.length !== 2)
        throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('--compare needs exactly two files');
    if (!compare && (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(args, 'mapping') !== undefined)
        throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('--mapping needs --compare (or use `model-compat compare`)');
    const names = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(args, 'names');
    if (compare && names && names.length !== 2)
        throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--names needs two names (A and B), got ${names.length}`);
    if (names && names.length > args.positionals.length) {
        throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--names has ${names.length} names for ${args.positionals.length} files`);
    }
    const reader = (0,_read_js__WEBPACK_IMPORTED_MODULE_7__/* .checkpointReader */ .u)(args, io);
    const json = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .flag */ .Jt)(args, 'json');
    // One file, or the two of --compare: its error is the command's. Several: each is reported, the others are
    // still read, and the exit status is the worst (2 when one could not be read).
    const entries = [];
    if (args.positionals.length === 1 || compare) {
        for (const path of args.positionals)
            entries.push({ path, checkpoint: await reader.read(path) });
    }
    else {
        const read = await severalReader(reader.read);
        for (const path of args.positionals)
            entries.push(await readEntry(path, read));
    }
    const failed = entries.filter((e) => 'error' in e);
    if (failed.length > 0)
        return reportSeveral(entries, failed, names, args, io);
    const checkpoints = entries.map((e) => e.checkpoint);
    const withStructure = !(0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .flag */ .Jt)(args, 'no-structure');
    // --compare --json prints the comparison document alone (one JSON value on stdout)
    const structures = checkpoints.map((c) => withStructure && !(compare && json) ? structureOf(c) : undefined);
    if (compare) {
        // The old scripts' form: the comparison (the same as `compare A B`, its verdict first), then each file
        // explained, as the details behind it.
        // Loaded here, not at the top: a plain analyze never pays for the comparison code.
        const { runCompare } = await Promise.all(/* import() */[__webpack_require__.e(261), __webpack_require__.e(7), __webpack_require__.e(309)]).then(__webpack_require__.bind(__webpack_require__, 1309));
        const status = await runCompare(args, io, [checkpoints[0], checkpoints[1]]);
        if (!json) {
            io.stdout('\n');
            const view = await __webpack_require__.e(/* import() */ 574).then(__webpack_require__.bind(__webpack_require__, 6574));
            view.printSummaries(checkpoints, structures, names, args, io, { answers: false });
        }
        return status;
    }
    const exportPath = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,_formats_write_file_js__WEBPACK_IMPORTED_MODULE_9__/* .writeFileAtomic */ .Z)(exportPath, await keyExport(checkpoints));
    if (json) {
        const manifests = checkpoints.map((c, i) => {
            const m = (0,_formats_json_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .toManifest */ .Jq)(c, _version_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL */ .j);
            if (structures[i] !== undefined)
                m.structure = structures[i];
            return m;
        });
        io.stdout(manifests.length === 1 ? (0,_formats_json_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .manifestToJson */ .zK)(manifests[0]) : (0,_formats_json_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .manifestsToJson */ .K9)(manifests));
        return _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.ok;
    }
    // The console renderers load only for the console view: `--json` (scripts, CI) never compiles them.
    const view = await __webpack_require__.e(/* import() */ 574).then(__webpack_require__.bind(__webpack_require__, 6574));
    view.printSummaries(checkpoints, structures, names, args, io, { answers: true });
    if (exportPath !== undefined)
        io.stdout(`\nkeys written to ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .printable */ .g)(exportPath)}\n`);
    return _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.ok;
}
/**
 * How several files are read: local files through a header cache (src/formats/header-cache.ts), so a file whose
 * size and header equal an earlier one's (copies under other names) is not parsed again; it gets that file's
 * checkpoint under its own path. Folders, indexes and URLs are read the ordinary way.
 */
async function severalReader(read) {
    // loaded here: a run of one file (the common case) never uses it
    const { HeaderCache } = await __webpack_require__.e(/* import() */ 12).then(__webpack_require__.bind(__webpack_require__, 8012));
    const cache = new HeaderCache();
    const readOther = (path, budget) => (0,_formats_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readCheckpoint */ .HQ)(path, { budget });
    return async (path) => {
        if ((0,_formats_http_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteLocation */ .qk)(path))
            return read(path);
        const { value } = await cache.read(path, { readOther });
        return value.path === path ? value : { ...value, path };
    };
}
/**
 * The structure analysis of a checkpoint, once per distinct header: copies read through the header cache share
 * their tensor list, and the analysis depends on the tensors and metadata, never on the file's name.
 */
function structureOf(c) {
    let s = structures.get(c.tensors);
    if (s === undefined)
        structures.set(c.tensors, (s = (0,_analysis_index_js__WEBPACK_IMPORTED_MODULE_5__/* .analyzeStructure */ .KM)(c)));
    return s;
}
const structures = new WeakMap();
/** Reads one of several files: a bad input becomes that file's entry, anything else (a bug) is thrown. */
async function readEntry(path, read) {
    try {
        return { path, checkpoint: await read(path) };
    }
    catch (e) {
        if (e instanceof _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz)
            return { path, error: e };
        throw e;
    }
}
/** The JSON entry of a file that could not be read: its path and its error, in place of its manifest. */
function errorEntry(entry) {
    const e = entry.error;
    const globals = (0,_formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .globalsOfFailure */ .CI)(e);
    return {
        schemaVersion: 1,
        tool: { ..._version_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL */ .j },
        source: { path: entry.path },
        error: {
            code: e instanceof _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg ? e.code : e.name,
            message: e.message,
            ...(globals.length > 0 ? { globals } : {})
        }
    };
}
/**
 * Several files, some of which could not be read: every file is reported in order (a manifest or an error entry
 * in the JSON array; an answer line and a section each in the console), the keys of the readable ones exported,
 * and the command ends with the status of a bad input, naming the files that could not be read.
 */
async function reportSeveral(entries, failed, names, args, io) {
    const withStructure = !(0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .flag */ .Jt)(args, 'no-structure');
    const exportPath = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(args, 'export');
    const readable = entries.filter((e) => 'checkpoint' in e).map((e) => e.checkpoint);
    if (exportPath !== undefined)
        await (0,_formats_write_file_js__WEBPACK_IMPORTED_MODULE_9__/* .writeFileAtomic */ .Z)(exportPath, await keyExport(readable));
    const outcome = new _formats_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([
        `${failed.length} of ${entries.length} files could not be read:`,
        ...failed.map((f) => `  ${f.error.message}`)
    ]);
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .flag */ .Jt)(args, 'json')) {
        const items = entries.map((e) => {
            if ('error' in e)
                return JSON.stringify(errorEntry(e), null, 2) + '\n';
            const m = (0,_formats_json_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .toManifest */ .Jq)(e.checkpoint, _version_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL */ .j);
            if (withStructure)
                m.structure = structureOf(e.checkpoint);
            return (0,_formats_json_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .manifestToJson */ .zK)(m);
        });
        io.stdout(jsonArray(items));
        throw outcome;
    }
    const view = await __webpack_require__.e(/* import() */ 574).then(__webpack_require__.bind(__webpack_require__, 6574));
    view.printSeveral(entries, names, args, io, withStructure ? structureOf : undefined);
    if (exportPath !== undefined)
        io.stdout(`\nkeys written to ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .printable */ .g)(exportPath)}\n`);
    // The console view already says which files could not be read, first lines first: stderr does not repeat it.
    return outcome.exitCode;
}
/** Items already rendered as JSON text, in an array indented like `manifestsToJson`'s. */
function jsonArray(items) {
    return `[\n${items.map((t) => '  ' + t.trimEnd().replace(/\n/g, '\n  ')).join(',\n')}\n]\n`;
}
/** The `--export` text (src/report/checkpoint-console.ts), loaded only when asked for. */
async function keyExport(checkpoints) {
    return (await __webpack_require__.e(/* import() */ 46).then(__webpack_require__.bind(__webpack_require__, 9046))).renderKeyExport(checkpoints);
}
const analyzeCommand = { spec, run };


/***/ })

};
;