"use strict";
exports.id = 753;
exports.ids = [753,134];
exports.modules = {

/***/ 1309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareCommand: () => (/* binding */ compareCommand),
  runCompare: () => (/* binding */ runCompare)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/formats/write-file.ts
var write_file = __webpack_require__(6662);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(4976);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/cli/read.ts + 1 modules
var read = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/compare/index.ts + 11 modules
var compare = __webpack_require__(1597);
;// CONCATENATED MODULE: ./src/compare/patterns.ts
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Finds the block index of a key: the number after the first block-family prefix (`blocks.3.`, possibly behind a
 * wrapper prefix such as `model.diffusion_model.`). Sequential indices (`ffn.0`) are not block indices.
 */
class BlockPatterns {
    regex;
    constructor(families) {
        const alternatives = [...new Set(families)]
            .filter((f) => f !== '')
            .sort((a, b) => b.length - a.length)
            .map(escapeRegex);
        this.regex =
            alternatives.length > 0
                ? new RegExp(`(^|\\.)(${alternatives.join('|')})\\.(\\d{1,9})(?=\\.|$)`)
                : undefined;
    }
    /** `{ index, pattern }` for a key inside a block, undefined otherwise. */
    split(key) {
        const m = this.regex?.exec(key);
        if (!m)
            return undefined;
        const start = m.index + m[1].length + m[2].length + 1;
        return { index: m[3], pattern: `${key.slice(0, start)}{i}${key.slice(start + m[3].length)}` };
    }
    /** Replaces the block index with `{i}` when every key of the mapping sits in a block with the same index. */
    mapping(m) {
        const parts = [...m.source, ...m.target].map((k) => this.split(k));
        const index = parts[0]?.index;
        if (index === undefined || !parts.every((p) => p?.index === index))
            return { source: m.source, target: m.target };
        const patterns = parts.map((p) => p.pattern);
        return { source: patterns.slice(0, m.source.length), target: patterns.slice(m.source.length) };
    }
    key(key) {
        return this.split(key)?.pattern ?? key;
    }
}
/** The block-family prefixes of both sides of a comparison. */
function comparisonFamilies(c) {
    // The largest families only: each one is an alternative in the pattern regex, tried on every displayed key.
    return [...c.structure.a.families, ...c.structure.b.families]
        .sort((x, y) => y.count - x.count)
        .slice(0, MAX_PATTERN_FAMILIES)
        .map((f) => f.prefix);
}
/** Block families used for display patterns (a real model has a handful). */
const MAX_PATTERN_FAMILIES = 64;
const CONFIDENCE_ORDER = { high: 0, medium: 1, low: 2 };
/** Groups mappings by pattern, kind and confidence, in first-seen order within each confidence level. */
function groupMappings(mappings, families) {
    const patterns = new BlockPatterns(families);
    const groups = new Map();
    for (const m of mappings) {
        const p = patterns.mapping(m);
        const id = `${m.confidence}\u0000${m.kind}\u0000${p.source.join('\u0001')}\u0000${p.target.join('\u0001')}`;
        const g = groups.get(id);
        if (g) {
            g.count++;
            g.shapeCompatible = g.shapeCompatible && m.shapeCompatible;
            continue;
        }
        groups.set(id, {
            source: p.source,
            target: p.target,
            kind: m.kind,
            confidence: m.confidence,
            reason: m.reason,
            ...(m.ambiguity ? { ambiguity: m.ambiguity } : {}),
            count: 1,
            shapeCompatible: m.shapeCompatible
        });
    }
    return [...groups.values()].sort((x, y) => CONFIDENCE_ORDER[x.confidence] - CONFIDENCE_ORDER[y.confidence]);
}
/** Groups plain keys by pattern: `blocks.{i}.ffn.w1.weight x48`. */
function groupKeys(keys, families) {
    const patterns = new BlockPatterns(families);
    const groups = new Map();
    for (const k of keys) {
        const p = patterns.key(k);
        groups.set(p, (groups.get(p) ?? 0) + 1);
    }
    return [...groups.entries()].map(([pattern, count]) => ({ pattern, count }));
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/report/compare-console.ts


const DEFAULT_ROWS = 20;
function pct(x) {
    return `${(x * 100).toFixed(1)}%`;
}
function verdictLine(c, k) {
    const v = c.verdict;
    const paint = v.tier === 'compatible' ? k.green : v.tier === 'partial' ? k.yellow : k.red;
    return `${k.bold('Verdict:')} ${paint(k.bold(v.tier.toUpperCase()))} (${pct(v.overlap)} ${basisLabel(v.basis)}). ${(0,util_text/* printable */.g)(v.summary)}\n`;
}
/**
 * The verdict's figure named as the overlap table names it: the exact and normalized bases count only keys whose
 * shapes are compatible, and "0.1% exact overlap" next to an "exact keys 100.0%" row would read as a contradiction.
 */
function basisLabel(basis) {
    if (basis === 'exact')
        return 'exact overlap with compatible shapes';
    if (basis === 'normalized')
        return 'overlap after stripping prefixes, with compatible shapes';
    return 'mapped overlap';
}
function flagLine(f, k) {
    return [
        f.kind === 'green' ? k.green('+') : k.red('-'),
        f.kind === 'green' ? k.green(f.code) : k.red(f.code),
        (0,util_text/* printable */.g)(f.message)
    ];
}
function omitted(n, what, k) {
    return n > 0 ? k.dim(`  ... ${n} more ${what} (all are in --json and the mapping file)\n`) : '';
}
function renderComparisonConsole(c, opts) {
    const k = (0,format/* colors */.Tj)(opts.color);
    const max = Math.max(1, opts.maxRows ?? DEFAULT_ROWS);
    const out = [];
    out.push(verdictLine(c, k));
    out.push((0,format/* table */.tp)([
        ['A', (0,util_text/* printable */.g)(c.models.a.name), (0,util_text/* printable */.g)(`${c.models.a.path} (${c.models.a.format})`)],
        ['B', (0,util_text/* printable */.g)(c.models.b.name), (0,util_text/* printable */.g)(`${c.models.b.path} (${c.models.b.format})`)]
    ]));
    const n = c.keys.totalA;
    const of = (x) => `${Math.round(x * n)} / ${n}`;
    out.push(`\n${k.bold('Overlap')} (share of A's ${n} tensors)\n`);
    out.push((0,format/* table */.tp)([
        ['figure', 'share', 'tensors'],
        ['exact keys', pct(c.overlap.exact), of(c.overlap.exact)],
        ['exact keys, compatible shape', pct(c.overlap.exactCompatible), of(c.overlap.exactCompatible)],
        ['after stripping prefixes', pct(c.overlap.normalized), of(c.overlap.normalized)],
        ['  ... compatible shape', pct(c.overlap.normalizedCompatible), of(c.overlap.normalizedCompatible)],
        ['mapped (high confidence)', pct(c.overlap.mapped), of(c.overlap.mapped)]
    ], { header: true }));
    out.push(`  keys: A ${c.keys.totalA}, B ${c.keys.totalB}, common ${c.keys.common}, only in A ${c.keys.onlyA}, only in B ${c.keys.onlyB}\n`);
    if (c.flags.length > 0) {
        out.push(`\n${k.bold('Flags')}\n`);
        const sorted = [...c.flags].sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'red' ? -1 : 1));
        out.push((0,format/* table */.tp)(sorted.map((f) => flagLine(f, k))));
    }
    out.push(`\n${k.bold('Shapes')} on common keys: ${c.shapes.matching} matching, ${c.shapes.differing.length} differing\n`);
    if (c.shapes.differing.length > 0) {
        const cut = (0,format/* cutList */.f6)(c.shapes.differing, max);
        out.push((0,format/* table */.tp)([
            ['key', 'A', 'B'],
            ...cut.shown.map((d) => [(0,util_text/* printable */.g)(d.key), (0,format/* formatShape */.BB)(d.shapeA), (0,format/* formatShape */.BB)(d.shapeB)])
        ], {
            header: true
        }));
        out.push(omitted(cut.omitted, 'differing keys', k));
    }
    const counts = c.mappingCounts;
    out.push(`\n${k.bold('Mappings')}: ${c.mappings.length} (high ${counts.high}, medium ${counts.medium}, low ${counts.low})\n`);
    const groups = groupMappings(c.mappings, comparisonFamilies(c));
    // Ordering assumptions are long sentences shared by many rows: numbered in the table and spelled out once
    // below it, so the table stays as wide as a terminal.
    const notes = new Map();
    for (const m of c.mappings) {
        if (!m.ambiguity)
            continue;
        const note = notes.get(m.ambiguity) ?? { n: notes.size + 1, mappings: 0 };
        note.mappings++;
        notes.set(m.ambiguity, note);
    }
    if (groups.length > 0) {
        const cut = (0,format/* cutList */.f6)(groups, max);
        const paint = (conf) => conf === 'high' ? k.green(conf) : conf === 'medium' ? k.yellow(conf) : k.red(conf);
        out.push((0,format/* table */.tp)([
            ['confidence', 'kind', 'A', 'B', 'count', 'reason'],
            ...cut.shown.map((g) => [
                paint(g.confidence),
                g.kind,
                (0,util_text/* printable */.g)(g.source.join(' + ')),
                (0,util_text/* printable */.g)(g.target.join(' + ')),
                `x${g.count}`,
                (0,util_text/* printable */.g)(g.ambiguity ? `${g.reason} [ambiguous ${notes.get(g.ambiguity)?.n ?? '?'}]` : g.reason)
            ])
        ], { header: true }));
        out.push(omitted(cut.omitted, 'mapping patterns', k));
    }
    if (notes.size > 0) {
        const total = [...notes.values()].reduce((sum, x) => sum + x.mappings, 0);
        out.push(k.yellow(`  ${total} mappings carry an ordering assumption the headers cannot verify:\n`));
        for (const [text, x] of notes)
            out.push(`  [ambiguous ${x.n}] ${(0,util_text/* printable */.g)(text)} (${x.mappings} mappings)\n`);
    }
    for (const side of ['a', 'b']) {
        const keys = c.unmatched[side];
        out.push(`\n${k.bold(`Unmatched in ${side.toUpperCase()}`)}: ${keys.length}\n`);
        if (keys.length === 0)
            continue;
        const cut = (0,format/* cutList */.f6)(groupKeys(keys, comparisonFamilies(c)), max);
        out.push((0,format/* table */.tp)(cut.shown.map((g) => [(0,util_text/* printable */.g)(g.pattern), `x${g.count}`])));
        out.push(omitted(cut.omitted, 'key patterns', k));
    }
    return out.join('');
}

// EXTERNAL MODULE: ./src/report/checkpoint-console.ts
var checkpoint_console = __webpack_require__(9046);
// EXTERNAL MODULE: ./src/report/key-exports.ts
var key_exports = __webpack_require__(7463);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli/commands/compare.ts
/**
 * `model-compat compare A B [--names NAME_A NAME_B] [--mapping out.json] [--export keys.txt] [--json]`, also
 * reached as `model-compat analyze A B --compare ...` (the old scripts' form, same options).
 */












const spec = {
    name: 'compare',
    summary: 'Compare two models: key overlap, shapes, flags, a verdict, and a proposed key mapping.',
    usage: 'A B [--names NAME_A NAME_B] [--mapping out.json] [--export keys.txt] [--json]',
    minPositionals: 2,
    maxPositionals: 2,
    options: {
        names: { kind: 'list', help: 'display names for A and B', value: 'NAME_A NAME_B' },
        mapping: {
            kind: 'string',
            help: 'write the key mapping JSON (schemas/mapping.schema.json) here',
            value: 'FILE'
        },
        export: { kind: 'string', help: 'write both key lists and every mapping to a text file', value: 'FILE' },
        json: { kind: 'boolean', help: 'print the mapping document as JSON instead of the report' },
        ...read/* REMOTE_OPTIONS */.Q
    }
};
/** `loaded`: A and B already read (by `analyze --compare`, which printed them first). */
async function runCompare(args, io, loaded) {
    if (args.positionals.length !== 2)
        throw new errors/* UsageError */.eb(`compare needs exactly two files: ${spec.usage}`);
    const names = (0,cli_args/* list */.p_)(args, 'names');
    if (names && names.length !== 2)
        throw new errors/* UsageError */.eb(`--names needs two names (A and B), got ${names.length}`);
    const [pathA, pathB] = args.positionals;
    let a;
    let b;
    if (loaded !== undefined)
        [a, b] = loaded;
    else {
        const reader = (0,read/* checkpointReader */.u)(args, io);
        a = await reader.read(pathA);
        b = await reader.read(pathB);
    }
    const comparison = (0,compare/* compareCheckpoints */.xt)(a, b, names ? { names: [names[0], names[1]] } : {});
    const document = (0,compare/* toMappingFile */.cx)(comparison, version/* TOOL */.j);
    const mappingPath = (0,cli_args/* str */.gx)(args, 'mapping');
    if (mappingPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(mappingPath, (0,json/* toJson */.a)(document));
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(exportPath, (0,key_exports/* renderCompareExport */.E)(comparison, (0,checkpoint_console/* renderKeyExport */.Q)([a, b])));
    if ((0,cli_args/* flag */.Jt)(args, 'json')) {
        io.stdout((0,json/* toJson */.a)(document));
        return errors/* EXIT */.dc.ok;
    }
    io.stdout(renderComparisonConsole(comparison, { color: io.color }));
    const written = [
        mappingPath && `mapping written to ${(0,util_text/* printable */.g)(mappingPath)}`,
        exportPath && `keys written to ${(0,util_text/* printable */.g)(exportPath)}`
    ];
    for (const w of written)
        if (w)
            io.stdout(`${w}\n`);
    // The unmatched summary is cut in the report; say how many patterns that is when the list is long.
    if (groupKeys(comparison.unmatched.a, comparisonFamilies(comparison)).length > 50 &&
        mappingPath === undefined) {
        io.stdout('use --mapping FILE or --json for every key\n');
    }
    return errors/* EXIT */.dc.ok;
}
const compareCommand = { spec, run: runCompare };


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

/***/ 9493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ lookupTable)
/* harmony export */ });
/**
 * Lookup tables indexed by names from files. A plain object literal answers `table['constructor']` or
 * `table['__proto__']` with Object.prototype's members, so a hostile key name would be taken for a table entry;
 * a null-prototype table answers undefined for every name it does not hold.
 */
function lookupTable(entries) {
    return Object.freeze(Object.assign(Object.create(null), entries));
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


/***/ }),

/***/ 7463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ renderCompareExport),
/* harmony export */   i: () => (/* binding */ renderLoraKeyExport)
/* harmony export */ });
/** Tab-separated: key, module path, role, shape, dtype, and the base target (or why it has none). */
function renderLoraKeyExport(analyses, resolutions) {
    let out = '';
    analyses.forEach((a, i) => {
        out += `# ${a.path}\n`;
        const byStem = new Map(resolutions[i]?.results.map((r) => [r.stem, r]) ?? []);
        for (const m of a.modules) {
            const r = byStem.get(m.stem);
            const target = r
                ? r.status === 'ok'
                    ? r.target.key
                    : `${r.status}: ${r.expected ?? r.reason ?? ''}`
                : '';
            for (const t of m.tensors) {
                const role = t.index !== undefined ? `${t.role}.${t.index}` : t.role;
                out +=
                    [t.tensor.name, m.path, role, JSON.stringify(t.tensor.shape), t.tensor.dtype, target].join('\t') +
                        '\n';
            }
        }
        for (const k of a.unknownKeys)
            out += `${k}\t\tunknown\t\t\t\n`;
    });
    return out;
}
/** Both key lists (key, shape, dtype), then every mapping and unmatched key, one per line. */
function renderCompareExport(c, keyLists) {
    const lines = [keyLists.trimEnd(), '', `# mappings ${c.models.a.name} -> ${c.models.b.name}`];
    for (const m of c.mappings) {
        const amb = m.ambiguity ? `\tambiguous: ${m.ambiguity}` : '';
        lines.push(`${m.source.join(' + ')}\t->\t${m.target.join(' + ')}\t${m.kind}\t${m.confidence}\t${m.reason}${amb}`);
    }
    for (const side of ['a', 'b']) {
        lines.push('', `# unmatched in ${side.toUpperCase()} (${c.unmatched[side].length})`);
        for (const k of c.unmatched[side])
            lines.push(k);
    }
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 4976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ toJson)
/* harmony export */ });
/** JSON documents as we write them: two-space indented, BigInt as decimal strings, a trailing newline. */
function toJson(value) {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';
}


/***/ })

};
;