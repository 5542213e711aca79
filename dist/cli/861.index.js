"use strict";
exports.id = 861;
exports.ids = [861];
exports.modules = {

/***/ 861:
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

// EXTERNAL MODULE: ./src/formats/json/manifest.ts
var manifest = __webpack_require__(4458);
// EXTERNAL MODULE: ./src/analysis/index.ts + 10 modules
var analysis = __webpack_require__(971);
// EXTERNAL MODULE: ./src/report/checkpoint-console.ts
var checkpoint_console = __webpack_require__(9046);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/report/analysis-text.ts

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
    return d.source === 'family' ? `${d.value} (family rule)` : String(d.value);
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
function layoutText(m) {
    const shapes = m.projections
        .filter((p) => p.role === 'qkv' || p.role === 'kv' || p.role === 'fused_qkv_mlp')
        .map((p) => `${p.role} ${(0,format/* formatShape */.BB)(p.shape)}`);
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
        parts.push(`patch ${(0,format/* formatShape */.BB)(d.patchSize)}`);
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/report/analysis-console.ts


function renderStructureConsole(analysis, opts) {
    // Tensor names come from the file: control characters in them must not reach the terminal.
    const a = (0,format/* printableDeep */.Ym)(analysis);
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    const d = a.dimensions;
    let out = `${c.bold('structure')}\n`;
    const summary = [['family', familyText(a)]];
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
    summary.push(['hidden dim', dimText(d.hiddenDim)]);
    summary.push(['ffn', d.ffnDim.value !== null ? `${d.ffnDim.value} (${d.ffnKind})` : dimText(d.ffnDim)]);
    const heads = d.heads.value !== null && d.headDim.value !== null
        ? `${d.heads.value} x ${d.headDim.value}${d.headDim.source === 'family' ? ' (family rule, not in the shapes)' : ''}`
        : `unknown: ${d.headDim.evidence}`;
    summary.push(['heads', heads]);
    summary.push([
        'layers',
        d.layers.value !== null ? `${d.layers.value} (${d.layers.evidence})` : 'no repeated blocks'
    ]);
    summary.push(['channels', channelsText(a)]);
    if (d.contextDim.value !== null)
        summary.push(['context dim', String(d.contextDim.value)]);
    summary.push(['naming', namingText(a)]);
    // The parameter total is in the file summary printed above this section; only a rounded one is worth a line.
    if (!a.paramCountExact)
        summary.push(['parameters', `${(0,format/* formatCount */.B4)(a.paramCount)} (rounded: passes 2^53)`]);
    out += (0,format/* table */.tp)(summary);
    out += `\n${c.bold('parameter types')}\n`;
    out += (0,format/* table */.tp)(Object.entries(a.parameterTypes).map(([k, v]) => [k, `${v.keys} keys`, `${(0,format/* formatCount */.B4)(v.params)} params`]));
    out += `\n${c.bold('naming patterns')} (keys / blocks)\n`;
    out += (0,format/* table */.tp)(Object.entries(a.roles).map(([k, v]) => [k, `${v.keys} keys`, `${v.blocks} blocks`]));
    out += renderFamilies(a, c, max, opts.templates ?? true);
    out += renderModules(a, c, max);
    if (a.notes.length > 0) {
        out += `\n${c.yellow('notes')}\n`;
        for (const n of (0,format/* cutList */.f6)(a.notes, max).shown)
            out += `  - ${n}\n`;
    }
    return out;
}
function renderFamilies(a, c, max, templates) {
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
            formatIndexRanges(f.indices) +
                (f.contiguous ? '' : c.yellow(` (missing ${(0,format/* cutList */.f6)(f.missing, 8).shown.join(', ')})`))
        ]);
    }
    out += (0,format/* table */.tp)(rows, { header: true });
    if (omitted > 0)
        out += c.dim(`  ... ${omitted} more families (see --json)\n`);
    for (const f of shown) {
        for (const v of (0,format/* cutList */.f6)(f.variants, 3).shown)
            out += variantLine(f, v, c);
    }
    if (templates) {
        for (const f of shown.filter((x) => x.parent === null))
            out += templateBlock(f, c, max);
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
function templateBlock(f, c, max) {
    const { shown, omitted } = (0,format/* cutList */.f6)(f.template, max);
    let out = `\n${c.bold(`${f.pattern}.N`)} template (${f.keysPerBlock} keys)\n`;
    out += (0,format/* table */.tp)(shown.map((e) => [e.key, (0,format/* formatShape */.BB)(e.shape), e.dtype]));
    if (omitted > 0)
        out += c.dim(`  ... ${omitted} more keys (see --json)\n`);
    return out;
}
function renderModules(a, c, max) {
    let out = '';
    if (a.attention.length > 0) {
        out += `\n${c.bold('attention')}\n`;
        const rows = [['module', 'blocks', 'layout', 'kind', 'hidden', 'context', 'q/k norm', 'heads']];
        const { shown, omitted } = (0,format/* cutList */.f6)(a.attention, max);
        for (const m of shown) {
            rows.push([
                modulePath(m),
                String(m.blocks),
                layoutText(m),
                m.kind,
                m.hiddenDim === null ? '?' : String(m.hiddenDim),
                m.contextDim === null ? '-' : String(m.contextDim),
                qkNormText(m),
                headsText(m)
            ]);
        }
        out += (0,format/* table */.tp)(rows, { header: true });
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more attention modules (see --json)\n`);
    }
    else
        out += `\n${c.bold('attention')}: none found\n`;
    if (a.ffn.length > 0) {
        out += `\n${c.bold('feed-forward')}\n`;
        const { shown, omitted } = (0,format/* cutList */.f6)(a.ffn, max);
        out += (0,format/* table */.tp)(shown.map((f) => [modulePath(f), String(f.blocks), ffnText(f)]));
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
        ...read/* REMOTE_OPTIONS */.Q
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
    const checkpoints = [];
    for (const path of args.positionals)
        checkpoints.push(await reader.read(path));
    const withStructure = !(0,cli_args/* flag */.Jt)(args, 'no-structure');
    const json = (0,cli_args/* flag */.Jt)(args, 'json');
    // --compare --json prints the comparison document alone (one JSON value on stdout)
    const structures = checkpoints.map((c) => withStructure && !(compare && json) ? (0,analysis/* analyzeStructure */.KM)(c) : undefined);
    if (compare) {
        // The old scripts' form: each file explained first, then the comparison (the same as `compare A B`).
        if (!json)
            printSummaries(checkpoints, structures, names, io);
        if (!json)
            io.stdout('\n');
        // Loaded here, not at the top: a plain analyze never pays for the comparison code.
        const { runCompare } = await Promise.all(/* import() */[__webpack_require__.e(597), __webpack_require__.e(134)]).then(__webpack_require__.bind(__webpack_require__, 1309));
        return runCompare(args, io, [checkpoints[0], checkpoints[1]]);
    }
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(exportPath, (0,checkpoint_console/* renderKeyExport */.Q)(checkpoints));
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
    printSummaries(checkpoints, structures, names, io);
    if (exportPath !== undefined)
        io.stdout(`\nkeys written to ${(0,util_text/* printable */.g)(exportPath)}\n`);
    return errors/* EXIT */.dc.ok;
}
function printSummaries(checkpoints, structures, names, io) {
    checkpoints.forEach((ckpt, i) => {
        const title = names?.[i];
        if (i > 0)
            io.stdout('\n');
        if (title)
            io.stdout(`== ${(0,util_text/* printable */.g)(title)} ==\n`);
        io.stdout((0,checkpoint_console/* renderCheckpointSummary */.j)(ckpt, summarizeCheckpoint(ckpt), { color: io.color }));
        const structure = structures[i];
        if (structure !== undefined)
            io.stdout('\n' + renderStructureConsole(structure, { color: io.color }));
    });
}
const analyzeCommand = { spec, run };


/***/ }),

/***/ 6662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic),
/* harmony export */   c: () => (/* binding */ outputError)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6289);
/**
 * The one way this tool writes a file: to a temporary name next to the target, then renamed over it, so a reader
 * (a later run, the artifact upload, a user's `jq`) never sees half a file. Reports, mappings, key exports, the
 * baseline manifest cache and the remote header cache all go through it.
 */


/**
 * Write `data` to `path` atomically, creating missing folders. The temporary file is created exclusively
 * (`wx`: it fails rather than follow a symbolic link planted under that name). A failure is an `OutputError`
 * naming the path and the reason, and leaves no temporary file behind.
 */
async function writeFileAtomic(path, data) {
    // Loaded here, not at the top: node:fs/promises brings Node's stream modules with it, a cost every CLI run
    // would pay while only some commands write files.
    const { mkdir, rename, rm, writeFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(path);
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
        await mkdir((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(target), { recursive: true });
        await writeFile(temp, data, { flag: 'wx' });
        await rename(temp, target);
    }
    catch (e) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw outputError(path, e);
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
/** A Node file-system error met while writing `path`, as an `OutputError` saying what is wrong. */
function outputError(path, e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OutputError */ .u7)
        return e;
    const code = e?.code;
    const known = typeof code === 'string' && Object.hasOwn(FS_ERRORS, code);
    const detail = known ? `${FS_ERRORS[code]} (${code})` : e instanceof Error ? e.message : String(e);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OutputError */ .u7(path, detail, { cause: e });
}


/***/ }),

/***/ 9046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ renderKeyExport),
/* harmony export */   j: () => (/* binding */ renderCheckpointSummary)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);

function renderCheckpointSummary(ckpt, s, opts) {
    const c = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .colors */ .Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    let out = `${c.bold((0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(ckpt.path))}\n`;
    const rows = [
        ['format', ckpt.format],
        ['tensors', String(s.tensorCount)],
        ['parameters', `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(s.parameterCount)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .groupThousands */ .Zv)(s.parameterCount)})`],
        // A manifest carries its source file's size, not its own: say whose size it is.
        [
            ckpt.format === 'manifest' ? 'source size' : 'file size',
            `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(s.fileBytes)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .groupThousands */ .Zv)(s.fileBytes)} bytes)`
        ]
    ];
    if (s.dataBytes > 0)
        rows.push(['tensor data', (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(s.dataBytes)]);
    if (ckpt.stateDictPath && ckpt.stateDictPath.length > 0)
        rows.push(['state dict at', (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(ckpt.stateDictPath.join('.'))]);
    if (ckpt.components && ckpt.components.length > 0) {
        rows.push([
            'components',
            (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(ckpt.components.map((p) => `${p.name} (${p.tensorCount})`).join(', '))
        ]);
    }
    out += (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(rows);
    const dtypeRows = Object.entries(s.dtypes)
        .sort((a, b) => b[1].parameters - a[1].parameters)
        .map(([d, f]) => [
        (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(d),
        `${f.tensors} ${f.tensors === 1 ? 'tensor' : 'tensors'}`,
        `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(f.parameters)} params`,
        // manifests have no byte ranges: no empty last column (it would leave trailing blanks)
        ...(f.bytes ? [(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(f.bytes)] : [])
    ]);
    if (dtypeRows.length > 0)
        out += `\n${c.bold('dtypes')}\n${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(dtypeRows)}`;
    const metaEntries = Object.entries(ckpt.metadata);
    if (metaEntries.length > 0) {
        const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .cutList */ .f6)(metaEntries, max);
        out += `\n${c.bold('metadata')} (${metaEntries.length} ${metaEntries.length === 1 ? 'key' : 'keys'})\n`;
        out += (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(shown.map(([k, v]) => [(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(k), (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(previewValue(v))]));
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more keys (see --json)\n`);
    }
    if (ckpt.globals.length > 0) {
        const { dangerous, unknown, allowed } = s.globals;
        out += `\n${c.bold('pickle globals')} (nothing was executed)\n`;
        const tier = (t) => (t === 'dangerous' ? c.red(t) : t === 'unknown' ? c.yellow(t) : c.green(t));
        const all = [...dangerous, ...unknown, ...allowed];
        const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .cutList */ .f6)(all, max);
        out += (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(shown.map((g) => [tier(g.tier), (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(`${g.module}.${g.name}`), `x${g.count}`, (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(g.where)]));
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more globals (see --json)\n`);
    }
    if (ckpt.warnings.length > 0) {
        out += `\n${c.yellow('warnings')}\n`;
        for (const w of ckpt.warnings)
            out += `  - ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(w)}\n`;
    }
    return out;
}
function previewValue(v) {
    const text = typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
    const oneLine = (text ?? '').replace(/\s+/g, ' ');
    return oneLine.length > 100 ? `${oneLine.slice(0, 97)}...` : oneLine;
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