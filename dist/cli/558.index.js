"use strict";
exports.id = 558;
exports.ids = [558];
exports.modules = {

/***/ 2558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyzeCommand: () => (/* binding */ analyzeCommand)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/util/numel.ts
var numel = __webpack_require__(2009);
;// CONCATENATED MODULE: ./src/formats/summary.ts

function summarizeCheckpoint(ckpt) {
    const dtypes = Object.create(null);
    let parameterCount = 0;
    let dataBytes = 0;
    for (const t of ckpt.tensors) {
        const elements = (0,numel/* numel */.u)(t.shape);
        const bytes = t.byteRange ? Number(t.byteRange.end - t.byteRange.start) : 0;
        parameterCount += elements;
        dataBytes += bytes;
        const d = (dtypes[t.dtype] ??= { tensors: 0, parameters: 0, bytes: 0 });
        d.tensors++;
        d.parameters += elements;
        d.bytes += bytes;
    }
    const globals = { allowed: [], unknown: [], dangerous: [] };
    for (const g of ckpt.globals)
        globals[g.tier].push(g);
    return {
        format: ckpt.format,
        tensorCount: ckpt.tensors.length,
        parameterCount,
        dataBytes,
        fileBytes: ckpt.bytes,
        dtypes,
        metadataKeys: Object.keys(ckpt.metadata).length,
        globals
    };
}

// EXTERNAL MODULE: ./src/formats/header-cache.ts
var header_cache = __webpack_require__(8012);
// EXTERNAL MODULE: ./src/formats/http/url.ts
var url = __webpack_require__(9740);
// EXTERNAL MODULE: ./src/formats/index.ts + 1 modules
var formats = __webpack_require__(2964);
// EXTERNAL MODULE: ./src/formats/json/manifest.ts
var manifest = __webpack_require__(4458);
// EXTERNAL MODULE: ./src/analysis/index.ts + 10 modules
var analysis = __webpack_require__(9027);
// EXTERNAL MODULE: ./src/report/checkpoint-console.ts
var checkpoint_console = __webpack_require__(9046);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/layout.ts
var layout = __webpack_require__(1894);
// EXTERNAL MODULE: ./src/cli/display.ts
var display = __webpack_require__(2616);
// EXTERNAL MODULE: ./src/report/analysis-text.ts
var analysis_text = __webpack_require__(3896);
;// CONCATENATED MODULE: ./src/report/analysis-console.ts



function renderStructureConsole(analysis, opts) {
    // Tensor names come from the file: control characters in them must not reach the terminal.
    const a = (0,format/* printableDeep */.Ym)(analysis);
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    const table = (rows, o = {}) => (0,layout/* fitTable */.SM)(rows, { ...o, width });
    const d = a.dimensions;
    let out = `${c.bold('structure')}\n`;
    const summary = [['family', (0,analysis_text/* familyText */.Mm)(a)]];
    if (a.family) {
        // Mismatches with the reference sizes matter most: they come first.
        const mismatch = (e) => e.includes('the reference model has');
        const evidence = [...a.family.evidence.filter(mismatch), ...a.family.evidence.filter((e) => !mismatch(e))];
        const { shown, omitted } = (0,format/* cutList */.f6)(evidence, 8);
        for (const e of shown)
            summary.push(['', c.dim(e)]);
        if (omitted > 0)
            summary.push(['', c.dim(`... ${omitted} more (see --json)`)]);
    }
    summary.push(['hidden dim', (0,analysis_text/* dimText */.yz)(d.hiddenDim)]);
    summary.push([
        'ffn',
        d.ffnDim.value !== null && d.ffnKind !== 'unknown'
            ? `${d.ffnDim.value} (${d.ffnKind})`
            : (0,analysis_text/* dimText */.yz)(d.ffnDim)
    ]);
    summary.push(['heads', (0,analysis_text/* modelHeadsText */.Mw)(d) ?? `unknown: ${d.headDim.evidence}`]);
    summary.push([
        'layers',
        d.layers.value !== null ? `${d.layers.value} (${d.layers.evidence})` : 'no repeated blocks'
    ]);
    summary.push(['channels', (0,analysis_text/* channelsText */.uP)(a)]);
    if (d.contextDim.value !== null)
        summary.push(['context dim', String(d.contextDim.value)]);
    summary.push(['naming', (0,analysis_text/* namingText */.KR)(a)]);
    // The parameter total is in the file summary printed above this section; only a rounded one is worth a line.
    if (!a.paramCountExact)
        summary.push(['parameters', `${(0,format/* formatCount */.B4)(a.paramCount)} (rounded: passes 2^53)`]);
    out += table(summary, { fit: ['fixed', 'wrap'] });
    // Categories with no key say nothing: only the others are listed.
    const types = Object.entries(a.parameterTypes).filter(([, v]) => v.keys > 0);
    if (types.length > 0) {
        out += `\n${c.bold('parameter types')}\n`;
        out += table(types.map(([k, v]) => [k, (0,format/* plural */.LS)(v.keys, 'key'), `${(0,format/* formatCount */.B4)(v.params)} params`]));
    }
    const roles = Object.entries(a.roles).filter(([, v]) => v.keys > 0);
    if (roles.length > 0) {
        out += `\n${c.bold('naming patterns')}\n`;
        out += table(roles.map(([k, v]) => [
            k,
            (0,format/* plural */.LS)(v.keys, 'key'),
            v.blocks > 0 ? `in ${(0,format/* plural */.LS)(v.blocks, 'block')}` : 'outside blocks'
        ]));
    }
    out += renderFamilies(a, c, max, opts.templates ?? true, table);
    out += renderModules(a, c, max, table);
    if (a.notes.length > 0) {
        out += `\n${c.yellow('notes')}\n`;
        for (const n of (0,format/* cutList */.f6)(a.notes, max).shown)
            out += table([['-', n]], { fit: ['fixed', 'wrap'] });
    }
    return out;
}
function renderFamilies(a, c, max, templates, table) {
    if (a.blockFamilies.length === 0)
        return `\n${c.bold('block families')}: none (no repeated blocks)\n`;
    let out = `\n${c.bold('block families')} (${a.topLevelKeys} keys outside blocks)\n`;
    const rows = [['pattern', 'blocks', 'keys/block', 'uniform', 'indices']];
    const { shown, omitted } = (0,format/* cutList */.f6)(a.blockFamilies, max);
    for (const f of shown) {
        rows.push([
            f.parent ? `  ${f.pattern}` : f.pattern,
            String(f.count),
            String(f.keysPerBlock),
            f.uniform ? 'yes' : f.uniformKeys ? 'keys only' : c.yellow(`no (${f.variants.length} variants)`),
            (0,analysis_text/* formatIndexRanges */.ye)(f.indices) +
                (f.contiguous ? '' : c.yellow(` (missing ${(0,format/* cutList */.f6)(f.missing, 8).shown.join(', ')})`))
        ]);
    }
    out += table(rows, { header: true, fit: ['shorten', 'fixed', 'fixed', 'fixed', 'wrap'] });
    if (omitted > 0)
        out += c.dim(`  ... ${omitted} more families (see --json)\n`);
    for (const f of shown) {
        for (const v of (0,format/* cutList */.f6)(f.variants, 3).shown)
            out += variantLine(f, v, c);
    }
    if (templates) {
        for (const f of shown.filter((x) => x.parent === null))
            out += templateBlock(f, c, max, table);
    }
    return out;
}
function variantLine(f, v, c) {
    const parts = [];
    if (v.missing.length)
        parts.push(`lacks ${v.missing.slice(0, 3).join(', ')}${v.missing.length > 3 ? ', ...' : ''}`);
    if (v.extra.length)
        parts.push(`adds ${v.extra.slice(0, 3).join(', ')}${v.extra.length > 3 ? ', ...' : ''}`);
    if (v.shapeDifferences.length) {
        const s = v.shapeDifferences[0];
        parts.push(`${s.key} ${(0,format/* formatShape */.BB)(s.shape)} vs ${(0,format/* formatShape */.BB)(s.templateShape)}${v.shapeDifferences.length > 1 ? ', ...' : ''}`);
    }
    const blocks = (0,format/* cutList */.f6)(v.blocks, 6);
    const which = blocks.shown.join(', ') + (blocks.omitted ? `, +${blocks.omitted}` : '');
    return c.dim(`  ${f.pattern} [${which}]: ${parts.join('; ')}\n`);
}
function templateBlock(f, c, max, table) {
    const { shown, omitted } = (0,format/* cutList */.f6)(f.template, max);
    let out = `\n${c.bold(`${f.pattern}.N`)} template (${(0,format/* plural */.LS)(f.keysPerBlock, 'key')})\n`;
    out += table(shown.map((e) => [e.key, (0,format/* formatShape */.BB)(e.shape), e.dtype]), { fit: ['shorten', 'fixed', 'fixed'] });
    if (omitted > 0)
        out += c.dim(`  ... ${omitted} more keys (see --json)\n`);
    return out;
}
function renderModules(a, c, max, table) {
    let out = '';
    if (a.attention.length > 0) {
        out += `\n${c.bold('attention')}\n`;
        const rows = [['module', 'blocks', 'layout', 'kind', 'hidden', 'context', 'q/k norm', 'heads']];
        const { shown, omitted } = (0,format/* cutList */.f6)(a.attention, max);
        for (const m of shown) {
            rows.push([
                (0,analysis_text/* modulePath */.t$)(m),
                String(m.blocks),
                (0,analysis_text/* layoutText */.SQ)(m),
                m.kind,
                m.hiddenDim === null ? '?' : String(m.hiddenDim),
                m.contextDim === null ? '-' : String(m.contextDim),
                (0,analysis_text/* qkNormText */.wB)(m),
                (0,analysis_text/* moduleHeads */.EF)(m, a.dimensions)
            ]);
        }
        out += table(rows, {
            header: true,
            fit: ['shorten', 'fixed', 'wrap', 'fixed', 'fixed', 'fixed', 'fixed', 'fixed']
        });
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more attention modules (see --json)\n`);
    }
    else
        out += `\n${c.bold('attention')}: none found\n`;
    if (a.ffn.length > 0) {
        out += `\n${c.bold('feed-forward')}\n`;
        const { shown, omitted } = (0,format/* cutList */.f6)(a.ffn, max);
        out += table(shown.map((f) => [(0,analysis_text/* modulePath */.t$)(f), String(f.blocks), (0,analysis_text/* ffnText */.fc)(f)]), { fit: ['shorten', 'fixed', 'wrap'] });
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more feed-forward modules (see --json)\n`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/cli/read.ts + 1 modules
var read = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/formats/write-file.ts
var write_file = __webpack_require__(6662);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/cli/commands/analyze.ts
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
        ...read/* REMOTE_OPTIONS */.Q,
        ...display/* DISPLAY_OPTIONS */.wV
    }
};
async function run(args, io) {
    const compare = (0,cli_args/* flag */.Jt)(args, 'compare');
    if (compare && args.positionals.length !== 2)
        throw new errors/* UsageError */.eb('--compare needs exactly two files');
    if (!compare && (0,cli_args/* str */.gx)(args, 'mapping') !== undefined)
        throw new errors/* UsageError */.eb('--mapping needs --compare (or use `model-compat compare`)');
    const names = (0,cli_args/* list */.p_)(args, 'names');
    if (compare && names && names.length !== 2)
        throw new errors/* UsageError */.eb(`--names needs two names (A and B), got ${names.length}`);
    if (names && names.length > args.positionals.length) {
        throw new errors/* UsageError */.eb(`--names has ${names.length} names for ${args.positionals.length} files`);
    }
    const reader = (0,read/* checkpointReader */.u)(args, io);
    const json = (0,cli_args/* flag */.Jt)(args, 'json');
    // One file, or the two of --compare: its error is the command's. Several: each is reported, the others are
    // still read, and the exit status is the worst (2 when one could not be read).
    const entries = [];
    if (args.positionals.length === 1 || compare) {
        for (const path of args.positionals)
            entries.push({ path, checkpoint: await reader.read(path) });
    }
    else {
        const read = severalReader(reader.read);
        for (const path of args.positionals)
            entries.push(await readEntry(path, read));
    }
    const failed = entries.filter((e) => 'error' in e);
    if (failed.length > 0)
        return reportSeveral(entries, failed, names, args, io);
    const checkpoints = entries.map((e) => e.checkpoint);
    const withStructure = !(0,cli_args/* flag */.Jt)(args, 'no-structure');
    // --compare --json prints the comparison document alone (one JSON value on stdout)
    const structures = checkpoints.map((c) => withStructure && !(compare && json) ? structureOf(c) : undefined);
    if (compare) {
        // The old scripts' form: the comparison (the same as `compare A B`, its verdict first), then each file
        // explained, as the details behind it.
        // Loaded here, not at the top: a plain analyze never pays for the comparison code.
        const { runCompare } = await Promise.all(/* import() */[__webpack_require__.e(611), __webpack_require__.e(614), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 1309));
        const status = await runCompare(args, io, [checkpoints[0], checkpoints[1]]);
        if (!json) {
            io.stdout('\n');
            printSummaries(checkpoints, structures, names, args, io, { answers: false });
        }
        return status;
    }
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(exportPath, (0,checkpoint_console/* renderKeyExport */.QQ)(checkpoints));
    if (json) {
        const manifests = checkpoints.map((c, i) => {
            const m = (0,manifest/* toManifest */.Jq)(c, version/* TOOL */.j);
            if (structures[i] !== undefined)
                m.structure = structures[i];
            return m;
        });
        io.stdout(manifests.length === 1 ? (0,manifest/* manifestToJson */.zK)(manifests[0]) : (0,manifest/* manifestsToJson */.K9)(manifests));
        return errors/* EXIT */.dc.ok;
    }
    printSummaries(checkpoints, structures, names, args, io, { answers: true });
    if (exportPath !== undefined)
        io.stdout(`\nkeys written to ${(0,util_text/* printable */.g)(exportPath)}\n`);
    return errors/* EXIT */.dc.ok;
}
/**
 * How several files are read: local files through a header cache (src/formats/header-cache.ts), so a file whose
 * size and header equal an earlier one's (copies under other names) is not parsed again; it gets that file's
 * checkpoint under its own path. Folders, indexes and URLs are read the ordinary way.
 */
function severalReader(read) {
    const cache = new header_cache/* HeaderCache */.g();
    const readOther = (path, budget) => (0,formats/* readCheckpoint */.HQ)(path, { budget });
    return async (path) => {
        if ((0,url/* isRemoteLocation */.qk)(path))
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
        structures.set(c.tensors, (s = (0,analysis/* analyzeStructure */.KM)(c)));
    return s;
}
const structures = new WeakMap();
/** Reads one of several files: a bad input becomes that file's entry, anything else (a bug) is thrown. */
async function readEntry(path, read) {
    try {
        return { path, checkpoint: await read(path) };
    }
    catch (e) {
        if (e instanceof errors/* InputError */.dz)
            return { path, error: e };
        throw e;
    }
}
/** An error as said after its file's name: without the name when the error is about that file. */
function errorWhat(entry) {
    const e = entry.error;
    return e instanceof errors/* CheckpointError */.jg && e.file === entry.path ? `${e.code}: ${e.detail}` : e.message;
}
/** The JSON entry of a file that could not be read: its path and its error, in place of its manifest. */
function errorEntry(entry) {
    const e = entry.error;
    const globals = (0,errors/* globalsOfFailure */.CI)(e);
    return {
        schemaVersion: 1,
        tool: { ...version/* TOOL */.j },
        source: { path: entry.path },
        error: {
            code: e instanceof errors/* CheckpointError */.jg ? e.code : e.name,
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
    const withStructure = !(0,cli_args/* flag */.Jt)(args, 'no-structure');
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    const readable = entries.filter((e) => 'checkpoint' in e).map((e) => e.checkpoint);
    if (exportPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(exportPath, (0,checkpoint_console/* renderKeyExport */.QQ)(readable));
    const outcome = new errors/* InputError */.dz([
        `${failed.length} of ${entries.length} files could not be read:`,
        ...failed.map((f) => `  ${f.error.message}`)
    ]);
    if ((0,cli_args/* flag */.Jt)(args, 'json')) {
        const items = entries.map((e) => {
            if ('error' in e)
                return JSON.stringify(errorEntry(e), null, 2) + '\n';
            const m = (0,manifest/* toManifest */.Jq)(e.checkpoint, version/* TOOL */.j);
            if (withStructure)
                m.structure = structureOf(e.checkpoint);
            return (0,manifest/* manifestToJson */.zK)(m);
        });
        io.stdout(jsonArray(items));
        throw outcome;
    }
    const width = (0,display/* outputWidth */.gp)(args, io);
    const labels = names
        ? entries.map((e, i) => names[i] ?? e.path)
        : (0,format/* distinguishingLabels */.FY)(entries.map((e) => e.path));
    const parts = entries.map((e, i) => {
        if ('error' in e) {
            const answer = (0,checkpoint_console/* unreadableAnswer */.Cw)(labels[i], errorWhat(e), io.color);
            return { answer: (0,layout/* paragraph */.FY)(answer, width, '', '  '), details: '' };
        }
        const summary = summarizeCheckpoint(e.checkpoint);
        const structure = withStructure ? structureOf(e.checkpoint) : undefined;
        const answer = (0,layout/* paragraph */.FY)((0,checkpoint_console/* checkpointAnswer */.pI)(labels[i], e.checkpoint, summary, structure, io.color), width, '', '  ');
        let details = (0,checkpoint_console/* renderCheckpointSummary */.jV)(e.checkpoint, summary, { color: io.color, width });
        if (structure !== undefined)
            details += '\n' + renderStructureConsole(structure, { color: io.color, width });
        return { answer, details };
    });
    io.stdout(parts.map((p) => p.answer).join(''));
    entries.forEach((e, i) => {
        io.stdout('\n' + (0,layout/* fileHeading */.dR)((0,util_text/* printable */.g)(labels[i]), (0,util_text/* printable */.g)(e.path), width));
        io.stdout(parts[i].details || parts[i].answer);
    });
    if (exportPath !== undefined)
        io.stdout(`\nkeys written to ${(0,util_text/* printable */.g)(exportPath)}\n`);
    // The console view already says which files could not be read, first lines first: stderr does not repeat it.
    return outcome.exitCode;
}
/** Items already rendered as JSON text, in an array indented like `manifestsToJson`'s. */
function jsonArray(items) {
    return `[\n${items.map((t) => '  ' + t.trimEnd().replace(/\n/g, '\n  ')).join(',\n')}\n]\n`;
}
/**
 * Each file explained. With `answers`, the output starts with every file's answer line (what it is, or the
 * dangerous globals it imports), so the first lines answer for all files; each file's details follow under its
 * name.
 */
function printSummaries(checkpoints, structures, names, args, io, opts) {
    const width = (0,display/* outputWidth */.gp)(args, io);
    // One file is named by its path as given; several by what tells them apart (their paths head their details).
    const labels = names
        ? checkpoints.map((c, i) => names[i] ?? c.path)
        : checkpoints.length === 1
            ? [checkpoints[0].path]
            : (0,format/* distinguishingLabels */.FY)(checkpoints.map((c) => c.path));
    const summaries = checkpoints.map((c) => summarizeCheckpoint(c));
    const answers = checkpoints.map((c, i) => (0,layout/* paragraph */.FY)((0,checkpoint_console/* checkpointAnswer */.pI)(labels[i], c, summaries[i], structures[i], io.color), width, '', '  '));
    const several = checkpoints.length > 1 || !opts.answers;
    if (opts.answers)
        io.stdout(answers.join(''));
    checkpoints.forEach((ckpt, i) => {
        if (i > 0 || (several && opts.answers))
            io.stdout('\n');
        // With one file the answer line heads its details; with several, each file's details get its name.
        if (several)
            io.stdout((0,layout/* fileHeading */.dR)((0,util_text/* printable */.g)(labels[i]), (0,util_text/* printable */.g)(ckpt.path), width));
        if (several && !opts.answers)
            io.stdout(answers[i]);
        io.stdout((0,checkpoint_console/* renderCheckpointSummary */.jV)(ckpt, summaries[i], { color: io.color, width }));
        const structure = structures[i];
        if (structure !== undefined)
            io.stdout('\n' + renderStructureConsole(structure, { color: io.color, width }));
    });
}
const analyzeCommand = { spec, run };


/***/ }),

/***/ 8012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ HeaderCache)
/* harmony export */ });
/* unused harmony export DEFAULT_HEADER_CACHE_ENTRIES */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5407);
/* harmony import */ var _detect_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(445);
/* harmony import */ var _file_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3267);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2964);
/* harmony import */ var _safetensors_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2312);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3159);







/** Distinct headers kept by default: far more than a gate run reads, and each entry is one parsed header. */
const DEFAULT_HEADER_CACHE_ENTRIES = 4096;
class HeaderCache {
    byKey = new Map();
    /** Headers being parsed: a file with the same header read meanwhile waits for that parse instead of its own. */
    pending = new Map();
    /** Safetensors headers kept, by file size and header length: their bytes and the key each was given. */
    kept = new Map();
    keptBytes = 0;
    maxEntries;
    derive;
    /** Files whose header had been read before (their value was shared, and not parsed again if possible). */
    hits = 0;
    constructor(opts = {}) {
        this.maxEntries = opts.maxEntries ?? DEFAULT_HEADER_CACHE_ENTRIES;
        this.derive = opts.derive;
    }
    /** Distinct headers held. */
    get size() {
        return this.byKey.size;
    }
    /** Reads a local file or folder (see the module comment); errors are the readers' typed errors. */
    async read(path, opts = {}) {
        // one scope per file: given back when the file fails, when its header was a repeat, or when only what
        // `derive` made of it is kept
        const budget = (opts.budget ?? new _budget_js__WEBPACK_IMPORTED_MODULE_1__/* .ReadBudget */ .QT()).scope();
        try {
            const read = await this.readScoped(path, budget, opts.readOther);
            if (read.shared || this.derive !== undefined)
                budget.release();
            return read;
        }
        catch (e) {
            budget.release();
            throw e;
        }
    }
    async readScoped(path, budget, readOther) {
        const other = async () => {
            const checkpoint = await (readOther ?? ((p, b) => (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readCheckpoint */ .HQ)(p, { budget: b })))(path, budget);
            return { value: this.valueOf(checkpoint), key: undefined, shared: false };
        };
        const source = (0,_source_js__WEBPACK_IMPORTED_MODULE_5__/* .openLocalEntry */ .S_)(path, _source_js__WEBPACK_IMPORTED_MODULE_5__/* .HEAD_BYTES */ .Lq, path, headScratch);
        if (source === 'dir')
            return other();
        try {
            const kind = source.size > 0 ? (0,_detect_js__WEBPACK_IMPORTED_MODULE_6__/* .detectKind */ .i)(source.head.subarray(0, 512), source.size) : 'unknown';
            // an index or manifest opens other files: read it the ordinary way, without a key
            if (kind === 'json')
                return await other();
            const header = kind === 'safetensors' ? safetensorsHeader(source) : undefined;
            const early = header === undefined ? undefined : { header, key: this.safetensorsKey(source.size, header) };
            if (early !== undefined) {
                const known = this.byKey.get(early.key);
                if (known !== undefined)
                    return this.hit(known, early.key);
                // The header bytes are in reused buffers: the reader gets a copy. It is made before any await, and the
                // check for a read of this header under way and the `pending` entry below happen in one turn.
                const copy = early.header.slice();
                const waiting = this.pending.get(early.key);
                if (waiting !== undefined) {
                    const value = await waiting.catch(() => undefined);
                    if (value !== undefined)
                        return this.hit(value, early.key);
                }
                // the reader takes the header from memory
                source.head = copy;
                const parsing = (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(source, path, _file_access_js__WEBPACK_IMPORTED_MODULE_2__/* .localFileAccess */ .oF, budget).then((c) => this.keep(early.key, c));
                const value = parsing.then((r) => r.value);
                value.catch(() => undefined); // a failed parse is its reader's error; a waiting file reads for itself
                this.pending.set(early.key, value);
                try {
                    return await parsing;
                }
                finally {
                    this.pending.delete(early.key);
                }
            }
            source.head = source.head.slice();
            const hash = sha256().update(`reads:${source.size}:`);
            const checkpoint = await (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(new HashingSource(source, hash), path, _file_access_js__WEBPACK_IMPORTED_MODULE_2__/* .localFileAccess */ .oF, budget);
            const key = hash.digest('hex');
            const known = this.byKey.get(key);
            return known !== undefined ? this.hit(known, key) : this.keep(key, checkpoint);
        }
        finally {
            await source.close().catch(() => undefined);
        }
    }
    /**
     * The key of a safetensors header (`header`: the file's first 8 + N bytes, in a reused buffer). A header kept
     * before, byte for byte, keeps its key; a new one is kept while there is room, else keyed by its SHA-256. A header
     * not kept when first seen is never kept later (both limits only fill), so its copies all get the hash key.
     */
    safetensorsKey(size, header) {
        const bucket = `${size}:${header.length}`;
        let list = this.kept.get(bucket);
        if (list !== undefined)
            for (const k of list)
                if (Buffer.compare(k.header, header) === 0)
                    return k.key;
        if ((list?.length ?? 0) < MAX_KEPT_PER_SIZE && this.keptBytes + header.length <= MAX_KEPT_BYTES) {
            if (list === undefined)
                this.kept.set(bucket, (list = []));
            const key = `safetensors:${bucket}:${list.length}`;
            list.push({ header: header.slice(), key });
            this.keptBytes += header.length;
            return key;
        }
        return sha256().update(`safetensors:${size}:`).update(header).digest('hex');
    }
    valueOf(checkpoint) {
        return this.derive ? this.derive(checkpoint) : checkpoint;
    }
    hit(value, key) {
        this.hits++;
        return { value, key, shared: true };
    }
    keep(key, checkpoint) {
        const value = this.valueOf(checkpoint);
        if (this.byKey.size < this.maxEntries)
            this.byKey.set(key, value);
        return { value, key, shared: false };
    }
}
/** Where each file's first bytes are read (reused: most headers are repeats, never parsed). */
const headScratch = new Uint8Array(_source_js__WEBPACK_IMPORTED_MODULE_5__/* .HEAD_BYTES */ .Lq);
/** Where headers longer than the first read are read to be hashed (reused: most are never parsed). */
let scratch = new Uint8Array(0);
const MAX_SCRATCH = 16 << 20;
/** Header bytes kept for comparison (a 136 KB LoRA header: 490 of them). */
const MAX_KEPT_BYTES = 64 << 20;
/** Different headers kept per file size and header length (each costs a comparison for the next such file). */
const MAX_KEPT_PER_SIZE = 8;
/**
 * A safetensors file's first 8 + N bytes, in a reused buffer; undefined when the prefix is bad (the reader then
 * reports it). A header longer than the first read is read whole here, once.
 */
function safetensorsHeader(source) {
    if (source.head.length < 8)
        return undefined;
    let n;
    try {
        n = (0,_safetensors_read_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSafetensorsPrefix */ .MP)(source.head.subarray(0, 8), source.size, source.name);
    }
    catch {
        return undefined;
    }
    let header = source.head.subarray(0, 8 + n);
    if (8 + n > source.head.length) {
        if (8 + n > MAX_SCRATCH)
            header = new Uint8Array(8 + n);
        else {
            if (scratch.length < 8 + n)
                scratch = new Uint8Array(Math.max(8 + n, 2 * scratch.length));
            header = scratch.subarray(0, 8 + n);
        }
        // the first bytes are in memory already: read only the rest
        header.set(source.head, 0);
        source.fill(header.subarray(source.head.length), source.head.length);
    }
    return header;
}
/** A source that feeds every range it hands out (offset, length, bytes) into a hash. */
class HashingSource {
    inner;
    hash;
    readMany;
    constructor(inner, hash) {
        this.inner = inner;
        this.hash = hash;
        const many = inner.readMany?.bind(inner);
        if (many !== undefined) {
            this.readMany = async (ranges) => {
                const all = await many(ranges);
                for (let i = 0; i < all.length; i++)
                    this.note(ranges[i].offset, all[i]);
                return all;
            };
        }
    }
    get name() {
        return this.inner.name;
    }
    get size() {
        return this.inner.size;
    }
    async read(offset, length) {
        const bytes = await this.inner.read(offset, length);
        this.note(offset, bytes);
        return bytes;
    }
    close() {
        return this.inner.close();
    }
    note(offset, bytes) {
        this.hash.update(`${offset}+${bytes.length}:`).update(bytes);
    }
}
/**
 * A SHA-256 hash, with node:crypto loaded on first use: `analyze` of one file (this module's most common importer)
 * never hashes, and loading node:crypto costs a quarter of `node -e 0` on Node 24 (measured with valgrind: +25 M
 * instructions over 89 M).
 */
function sha256() {
    const crypto = process.getBuiltinModule?.('node:crypto') ??
        (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(require("url").pathToFileURL(__filename).href)('node:crypto');
    return crypto.createHash('sha256');
}


/***/ }),

/***/ 3896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EF: () => (/* binding */ moduleHeads),
/* harmony export */   KR: () => (/* binding */ namingText),
/* harmony export */   Mm: () => (/* binding */ familyText),
/* harmony export */   Mw: () => (/* binding */ modelHeadsText),
/* harmony export */   SQ: () => (/* binding */ layoutText),
/* harmony export */   fc: () => (/* binding */ ffnText),
/* harmony export */   t$: () => (/* binding */ modulePath),
/* harmony export */   uP: () => (/* binding */ channelsText),
/* harmony export */   wB: () => (/* binding */ qkNormText),
/* harmony export */   ye: () => (/* binding */ formatIndexRanges),
/* harmony export */   yz: () => (/* binding */ dimText)
/* harmony export */ });
/* unused harmony exports layoutName, headsText */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);

/** [0, 1, 2, 5, 7, 8] -> "0-2, 5, 7-8". Lists longer than `maxRuns` runs are cut with a count. */
function formatIndexRanges(indices, maxRuns = 12) {
    const runs = [];
    let omitted = 0;
    for (let i = 0; i < indices.length;) {
        let j = i;
        while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1)
            j++;
        if (runs.length < maxRuns)
            runs.push(i === j ? String(indices[i]) : `${indices[i]}-${indices[j]}`);
        else
            omitted++;
        i = j + 1;
    }
    return omitted > 0 ? `${runs.join(', ')}, ... (${omitted} more runs)` : runs.join(', ');
}
function dimText(d) {
    if (d.value === null)
        return 'unknown';
    if (d.source === 'family')
        return `${d.value} (family rule)`;
    return d.source === 'metadata' ? `${d.value} (file metadata)` : String(d.value);
}
function modulePath(m) {
    if (!m.family)
        return m.path || '(root)';
    return m.path ? `${m.family}.*.${m.path}` : `${m.family}.* (block root)`;
}
const LAYOUT_TEXT = {
    'fused-qkv': 'fused QKV',
    separate: 'separate Q/K/V',
    'q-fused-kv': 'Q + fused KV',
    'fused-qkv-mlp': 'QKV+MLP fused linear',
    partial: 'partial'
};
/**
 * An attention layout in words (`Q + fused KV`), the one wording for every command: flags and gate reasons that
 * name layouts should say them through this, not as their identifiers (`q-fused-kv`).
 */
function layoutName(layout) {
    return LAYOUT_TEXT[layout];
}
function layoutText(m) {
    const shapes = m.projections
        .filter((p) => p.role === 'qkv' || p.role === 'kv' || p.role === 'fused_qkv_mlp')
        .map((p) => `${p.role} ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShape */ .BB)(p.shape)}`);
    return shapes.length ? `${LAYOUT_TEXT[m.layout]} (${shapes.join(', ')})` : LAYOUT_TEXT[m.layout];
}
function qkNormText(m) {
    if (!m.qkNorm.present)
        return 'none';
    if (m.qkNorm.perHead === true)
        return `per head [${m.qkNorm.size}]`;
    if (m.qkNorm.perHead === false)
        return `full dim [${m.qkNorm.size}]`;
    return m.qkNorm.size === null ? 'present' : `[${m.qkNorm.size}]`;
}
function headsText(m) {
    return m.heads !== null && m.headDim !== null ? `${m.heads} x ${m.headDim}` : '?';
}
function ffnText(f) {
    const kind = f.kind === 'gated'
        ? 'gated (SwiGLU-style)'
        : f.kind === 'gated-fused'
            ? 'gated, fused gate/up (GEGLU-style)'
            : f.kind === 'fused-with-attention'
                ? 'MLP fused with attention'
                : f.kind;
    return f.intermediateDim !== null ? `${kind}, ${f.intermediateDim}` : kind;
}
function familyText(a) {
    if (!a.family)
        return 'unknown (no family rule matched; the structure below is generic)';
    return `${a.family.name} (${a.family.confidence} confidence; ${a.family.naming} naming)`;
}
function namingText(a) {
    const n = a.naming;
    const sep = n.separator === 'dot' ? 'dots' : n.separator === 'underscore' ? 'underscores' : n.separator;
    const parts = [sep, n.case === 'mixed' ? 'snake_case with cased names' : n.case];
    if (n.commonPrefix)
        parts.push(`prefix ${n.commonPrefix}`);
    else if (n.knownPrefixes.length)
        parts.push(`mixed prefixes: ${n.knownPrefixes.map((p) => `${p.prefix} (${p.keys})`).join(', ')}`);
    if (n.casedSegments.length)
        parts.push(`e.g. ${n.casedSegments.slice(0, 5).join(', ')}`);
    return parts.join('; ');
}
function channelsText(a) {
    const d = a.dimensions;
    const parts = [`in ${dimText(d.inChannels)}`];
    parts.push(d.outChannels.value !== null ? `out ${dimText(d.outChannels)}` : `out features ${dimText(d.outFeatures)}`);
    if (d.patchSize)
        parts.push(`patch ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShape */ .BB)(d.patchSize)}`);
    return parts.join(', ');
}
/** `40 x 128`, with where it comes from when the shapes do not show it; undefined when unknown. */
function modelHeadsText(d) {
    if (d.heads.value === null || d.headDim.value === null)
        return undefined;
    const source = d.headDim.source === 'family'
        ? ' (family rule, not in the shapes)'
        : d.headDim.source === 'metadata'
            ? ' (file metadata)'
            : '';
    return `${d.heads.value} x ${d.headDim.value}${source}`;
}
/**
 * A module's heads: its own when its shapes show them, else the model's (family rule or metadata) when the module
 * works at the model's hidden dim, so the table never says `?` beside a model-wide `40 x 128`.
 */
function moduleHeads(m, d) {
    const own = headsText(m);
    if (own !== '?' || d.heads.value === null || d.headDim.value === null)
        return own;
    if (m.hiddenDim !== d.hiddenDim.value)
        return own;
    return `${d.heads.value} x ${d.headDim.value} (${d.headDim.source === 'metadata' ? 'metadata' : 'family rule'})`;
}


/***/ }),

/***/ 9046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ unreadableAnswer),
/* harmony export */   QQ: () => (/* binding */ renderKeyExport),
/* harmony export */   jV: () => (/* binding */ renderCheckpointSummary),
/* harmony export */   pI: () => (/* binding */ checkpointAnswer)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1894);
/* harmony import */ var _gate_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8732);



/** The globals of a tier as `posix.system, builtins.eval` (at most a few, then "and N more"). */
function globalNames(globals) {
    const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .cutList */ .f6)(globals, 3);
    const names = shown.map((g) => `${g.module}.${g.name}`).join(', ');
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(omitted > 0 ? `${names} and ${omitted} more` : names);
}
/**
 * The answer line of a file `analyze` could not read: what is wrong with it (`what`: the error, without the file's
 * name when it is about the file itself; a pickle refused after its globals were scanned already names the
 * dangerous ones it imports).
 */
function unreadableAnswer(name, what, color) {
    const c = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .colors */ .Tj)(color);
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .mark */ .Gy)('bad', c)} ${c.bold((0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(name))}: ${c.red('not read')}: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(what)}`;
}
/**
 * The answer line of `analyze` for one file: `✗ evil.pt: 1 dangerous pickle global (posix.system); nothing was
 * executed` for a hostile pickle, else what the file is: `wan.safetensors: Wan2.1 T2V-1.3B (high confidence),
 * safetensors, 231 tensors, 1.42M parameters, BF16`. `name` is the file's label (a display name or its path).
 */
function checkpointAnswer(name, ckpt, s, structure, color) {
    const c = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .colors */ .Tj)(color);
    const label = c.bold((0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(name));
    const { dangerous, unknown } = s.globals;
    if (dangerous.length > 0) {
        return (`${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .mark */ .Gy)('bad', c)} ${label}: ${c.red((0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(dangerous.length, 'dangerous pickle global'))} ` +
            `(${globalNames(dangerous)}); nothing was executed. Do not load this file with torch.load.`);
    }
    const what = [];
    if (structure?.family)
        what.push(`${structure.family.name}, ${structure.family.confidence} confidence`);
    else if (isAdapterFile(structure))
        what.push('LoRA or adapter tensors (see `model-compat lora`)');
    what.push(ckpt.format, (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(s.tensorCount, 'tensor'), `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(s.parameterCount)} parameters`);
    const dtypes = Object.entries(s.dtypes).sort((a, b) => b[1].parameters - a[1].parameters);
    if (dtypes.length > 0)
        what.push(dtypes.length === 1 ? dtypes[0][0] : `mostly ${dtypes[0][0]}`);
    const head = `${label}: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(what.join(', '))}`;
    if (unknown.length > 0)
        return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .mark */ .Gy)('warn', c)} ${head}; ${c.yellow((0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(unknown.length, 'unknown pickle global'))} (${globalNames(unknown)})`;
    return head;
}
/** Every key is an adapter tensor: the file is a LoRA (or LyCORIS, DoRA...), explained by `model-compat lora`. */
function isAdapterFile(structure) {
    return (structure !== undefined &&
        structure.tensorCount > 0 &&
        structure.notes.some((n) => n.startsWith(`${structure.tensorCount} of ${structure.tensorCount} keys are adapter`)));
}
function renderCheckpointSummary(ckpt, s, opts) {
    const c = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .colors */ .Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    let out = '';
    // Security first: what the pickle imports, then what the reader found odd.
    if (ckpt.globals.length > 0) {
        const { dangerous, unknown, allowed } = s.globals;
        out += `${c.bold('pickle globals')} (read, never executed)\n`;
        const tier = (t) => t === 'dangerous'
            ? `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .mark */ .Gy)('bad', c)} ${c.red(t)}`
            : t === 'unknown'
                ? `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .mark */ .Gy)('warn', c)} ${c.yellow(t)}`
                : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .mark */ .Gy)('good', c)} ${c.green(t)}`;
        const all = [...dangerous, ...unknown, ...allowed];
        const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .cutList */ .f6)(all, max);
        out += (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .fitTable */ .SM)(shown.map((g) => [
            tier(g.tier),
            (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(`${g.module}.${g.name}`),
            `x${g.count}`,
            (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(pickleName(g.where))
        ]), { width, fit: ['fixed', 'shorten', 'fixed', 'shorten'] });
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more globals (see --json)\n`);
    }
    // A warning that a listed global is dangerous or unknown says again what the table says.
    const listed = ckpt.globals.filter((g) => g.tier !== 'allowed').map((g) => `global ${g.module}.${g.name}`);
    const warnings = ckpt.warnings.filter((w) => !listed.some((g) => w.includes(g)));
    if (warnings.length > 0) {
        out += `${out ? '\n' : ''}${c.yellow('warnings')}\n`;
        for (const w of warnings)
            out += (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .paragraph */ .FY)((0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(w), width, '  - ');
    }
    const rows = [];
    const exact = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .groupThousands */ .Zv)(s.parameterCount);
    // The answer line gives the short count; the exact one only when it says more.
    if ((0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(s.parameterCount) !== exact)
        rows.push(['parameters', exact]);
    // A manifest carries its source file's size, not its own: say whose size it is.
    rows.push([
        ckpt.format === 'manifest' ? 'source size' : 'file size',
        `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(s.fileBytes)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .groupThousands */ .Zv)(s.fileBytes)} bytes)`
    ]);
    if (s.dataBytes > 0)
        rows.push(['tensor data', (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(s.dataBytes)]);
    if (ckpt.stateDictPath && ckpt.stateDictPath.length > 0)
        rows.push(['state dict at', (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(ckpt.stateDictPath.join('.'))]);
    if (ckpt.components && ckpt.components.length > 0) {
        rows.push([
            'components',
            (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(ckpt.components.map((p) => `${p.name} (${p.tensorCount})`).join(', '))
        ]);
    }
    out += `${out ? '\n' : ''}${c.bold('file')}\n` + (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .fitTable */ .SM)(rows, { width, fit: ['fixed', 'wrap'] });
    const dtypeRows = Object.entries(s.dtypes)
        .sort((a, b) => b[1].parameters - a[1].parameters)
        .map(([d, f]) => [
        (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(d),
        (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(f.tensors, 'tensor'),
        `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(f.parameters)} params`,
        // manifests have no byte ranges: no empty last column (it would leave trailing blanks)
        ...(f.bytes ? [(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(f.bytes)] : [])
    ]);
    if (dtypeRows.length > 1)
        out += `\n${c.bold('dtypes')}\n${(0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .fitTable */ .SM)(dtypeRows, { width })}`;
    const metaEntries = Object.entries(ckpt.metadata);
    if (metaEntries.length > 0) {
        const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .cutList */ .f6)(metaEntries, max);
        out += `\n${c.bold('metadata')} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(metaEntries.length, 'key')})\n`;
        const torch = ckpt.format.startsWith('pytorch');
        out += (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .fitTable */ .SM)(shown.map(([k, v]) => [(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(torch ? (TORCH_METADATA[k] ?? k) : k), (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(previewValue(v))]), { width, fit: ['shorten', 'wrap'] });
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more keys (see --json)\n`);
    }
    return out;
}
/** The PyTorch readers' own metadata keys, in words (a file's own metadata keys are shown as stored). */
const TORCH_METADATA = Object.freeze({
    archivePrefix: 'archive prefix',
    pickleProtocol: 'pickle protocol',
    protocolVersion: 'legacy protocol version',
    typeSizes: 'type sizes',
    otherTensors: 'tensors outside the state dict',
    byteorder: 'byte order',
    version: 'archive version'
});
/** The five pickles of a legacy torch file, by position. */
const LEGACY_PICKLES = ['magic number', 'protocol version', 'system info', 'the object', 'storage keys'];
/** Where a global was found: `legacy:3` -> `legacy pickle 3 (the object)`; zip entries as they are. */
function pickleName(where) {
    const legacy = /^legacy:(\d)$/.exec(where);
    if (!legacy)
        return where;
    const n = Number(legacy[1]);
    return `legacy pickle ${n}${LEGACY_PICKLES[n] ? ` (${LEGACY_PICKLES[n]})` : ''}`;
}
function previewValue(v) {
    const text = typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
    // Cut between words, never inside one; the whole value is in --json.
    return (0,_gate_format_js__WEBPACK_IMPORTED_MODULE_2__/* .cutText */ .IN)((text ?? '').replace(/\s+/g, ' '), 100);
}
/** The `--export` text: one tensor a line, a heading per file. */
function renderKeyExport(files) {
    let out = '';
    for (const ckpt of files) {
        out += `# ${ckpt.path} (${ckpt.format}, ${ckpt.tensors.length} tensors)\n`;
        for (const t of ckpt.tensors)
            out += `${t.name}\t[${t.shape.join(', ')}]\t${t.dtype}\n`;
        out += '\n';
    }
    return out;
}


/***/ })

};
;