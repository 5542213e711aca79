"use strict";
exports.id = 309;
exports.ids = [309];
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
// EXTERNAL MODULE: ./src/compare/index.ts + 7 modules
var compare = __webpack_require__(9875);
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
        return { source: patterns.slice(0, m.source.length), target: patterns.slice(m.source.length), index };
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
            if (p.index !== undefined)
                g.indices.push(Number(p.index));
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
            indices: p.index !== undefined ? [Number(p.index)] : [],
            shapeCompatible: m.shapeCompatible
        });
    }
    for (const g of groups.values())
        g.indices = ascendingUnique(g.indices);
    return [...groups.values()].sort((x, y) => CONFIDENCE_ORDER[x.confidence] - CONFIDENCE_ORDER[y.confidence]);
}
function ascendingUnique(xs) {
    return [...new Set(xs)].sort((a, b) => a - b);
}
/** Groups plain keys by pattern: `blocks.{i}.ffn.w1.weight x48`, with the block indices `{i}` stands for. */
function groupKeys(keys, families) {
    const patterns = new BlockPatterns(families);
    const groups = new Map();
    for (const k of keys) {
        const split = patterns.split(k);
        const pattern = split?.pattern ?? k;
        let g = groups.get(pattern);
        if (!g)
            groups.set(pattern, (g = { pattern, count: 0, indices: [] }));
        g.count++;
        if (split)
            g.indices.push(Number(split.index));
    }
    const out = [...groups.values()];
    for (const g of out)
        g.indices = ascendingUnique(g.indices);
    return out;
}

// EXTERNAL MODULE: ./src/compare/flag-evidence.ts
var flag_evidence = __webpack_require__(3847);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/layout.ts
var layout = __webpack_require__(1894);
// EXTERNAL MODULE: ./src/report/next-steps.ts
var next_steps = __webpack_require__(5587);
// EXTERNAL MODULE: ./src/report/analysis-text.ts
var analysis_text = __webpack_require__(3896);
;// CONCATENATED MODULE: ./src/report/compare-console.ts






const DEFAULT_ROWS = 20;
/** The tier's words and mark: the same in the console and the Markdown. */
const TIER_MARK = { compatible: 'good', partial: 'warn', incompatible: 'bad' };
/** `✓ COMPATIBLE: 100.0% mapped overlap`: the answer line (without its newline). */
function verdictHead(c, k) {
    const v = c.verdict;
    const paint = v.tier === 'compatible' ? k.green : v.tier === 'partial' ? k.yellow : k.red;
    return `${(0,format/* mark */.Gy)(TIER_MARK[v.tier], k)} ${paint(k.bold(v.tier.toUpperCase()))}: ${(0,format/* formatShare */.T1)(v.overlap)} ${basisLabel(v.basis)}`;
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
function flagRow(f, k) {
    const good = f.kind === 'green';
    return [(0,format/* mark */.Gy)(good ? 'good' : 'bad', k), good ? k.green(f.code) : k.red(f.code), (0,format/* printable */.g$)(f.message)];
}
function omitted(n, what, k) {
    return n > 0 ? k.dim(`  ... ${n} more ${what} (all are in --json and the mapping file)\n`) : '';
}
/** `blocks.{i}.attn.q` with the indices it stands for: `blocks.{0-3, 8}.attn.q`. */
function withIndices(pattern, indices) {
    return indices.length > 0 ? pattern.split('{i}').join(`{${(0,analysis_text/* formatIndexRanges */.ye)(indices, 4)}}`) : pattern;
}
/**
 * Ambiguity notes, one per assumption: the same assumption can be worded with its parts in another order
 * (`k, v` and `v, k`), which is one note, not two.
 */
function ambiguityNotes(c) {
    const notes = new Map();
    for (const m of c.mappings) {
        if (!m.ambiguity)
            continue;
        const key = noteKey(m.ambiguity);
        const note = notes.get(key) ?? { n: notes.size + 1, text: m.ambiguity, mappings: 0 };
        note.mappings++;
        notes.set(key, note);
    }
    return notes;
}
function noteKey(text) {
    return text
        .toLowerCase()
        .split(/[\s,;:()]+/)
        .filter((w) => w !== '')
        .sort()
        .join(' ');
}
/** `48 entries: 34 high, 10 medium, 4 low confidence` / `229 entries, all high confidence`. */
function mappingCountText(c) {
    const counts = c.mappingCounts;
    const levels = ['high', 'medium', 'low'].filter((l) => counts[l] > 0);
    const total = c.mappings.length;
    if (levels.length === 1)
        return `${(0,format/* plural */.LS)(total, 'entry', 'entries')}, all ${levels[0]} confidence`;
    return `${(0,format/* plural */.LS)(total, 'entry', 'entries')}: ${levels.map((l) => `${counts[l]} ${l}`).join(', ')} confidence`;
}
function renderComparisonConsole(c, opts) {
    const k = (0,format/* colors */.Tj)(opts.color);
    const max = Math.max(1, opts.maxRows ?? DEFAULT_ROWS);
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    const out = [];
    out.push((0,layout/* paragraph */.FY)(verdictHead(c, k), width, '', '  '));
    out.push((0,layout/* paragraph */.FY)((0,format/* printable */.g$)(c.verdict.summary), width, '  '));
    out.push((0,layout/* fitTable */.SM)(['a', 'b'].map((side) => {
        const m = c.models[side];
        const where = m.path === m.name ? '' : m.path;
        return [side.toUpperCase(), (0,format/* printable */.g$)(m.name), (0,format/* printable */.g$)(`${where}${where ? ' ' : ''}(${m.format})`)];
    }), { width, fit: ['fixed', 'shorten', 'shorten'] }));
    if (c.flags.length > 0) {
        out.push(`\n${k.bold('Flags')}\n`);
        const sorted = [...c.flags].sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'red' ? -1 : 1));
        out.push((0,layout/* fitTable */.SM)(sorted.flatMap((f) => [
            flagRow(f, k),
            ...(0,flag_evidence/* flagBecause */.bv)(f).map((l) => ['', '', k.dim(`· ${(0,format/* printable */.g$)(l)}`)])
        ]), { width, fit: ['fixed', 'fixed', 'wrap'] }));
    }
    const n = c.keys.totalA;
    const of = (x) => `${(0,format/* groupThousands */.Zv)(Math.round(x * n))} / ${(0,format/* groupThousands */.Zv)(n)}`;
    out.push(`\n${k.bold('Overlap')} (share of A's ${(0,format/* plural */.LS)(n, 'tensor')})\n`);
    const o = c.overlap;
    const rows = [
        ['figure', 'share', 'tensors'],
        ['exact keys', (0,format/* formatShare */.T1)(o.exact), of(o.exact)],
        ['exact keys, compatible shape', (0,format/* formatShare */.T1)(o.exactCompatible), of(o.exactCompatible)],
        ['after stripping prefixes', (0,format/* formatShare */.T1)(o.normalized), of(o.normalized)],
        ['  ... compatible shape', (0,format/* formatShare */.T1)(o.normalizedCompatible), of(o.normalizedCompatible)],
        ['mapped (high confidence)', (0,format/* formatShare */.T1)(o.mapped), of(o.mapped)]
    ];
    out.push((0,layout/* fitTable */.SM)(rows, { header: true, width }));
    const s = c.keys;
    out.push((0,layout/* paragraph */.FY)(`keys: A ${s.totalA}, B ${s.totalB}; in both ${s.common}, only in A ${s.onlyA}, only in B ${s.onlyB}`, width, '  '));
    if (c.shapes.differing.length > 0) {
        const cut = (0,format/* cutList */.f6)(c.shapes.differing, max);
        out.push(`\n${k.bold('Different shapes')} (${(0,format/* plural */.LS)(c.shapes.differing.length, 'key')} in both models)\n`);
        out.push((0,layout/* fitTable */.SM)([
            ['key', 'A', 'B'],
            ...cut.shown.map((d) => [(0,format/* printable */.g$)(d.key), (0,format/* formatShape */.BB)(d.shapeA), (0,format/* formatShape */.BB)(d.shapeB)])
        ], { header: true, width, fit: ['shorten', 'fixed', 'fixed'] }));
        out.push(omitted(cut.omitted, 'keys', k));
    }
    out.push(renderMappings(c, k, max, width));
    out.push(renderUnmatched(c, k, max, width));
    if (opts.steps !== false) {
        const steps = (0,next_steps/* compareSteps */.bY)({
            tier: c.verdict.tier,
            basis: c.verdict.basis,
            a: c.models.a.path,
            b: c.models.b.path,
            unmatched: c.unmatched.a.length + c.unmatched.b.length
        });
        out.push('\n' + (0,next_steps/* renderSteps */.Il)(steps, width));
    }
    return out.join('');
}
function renderMappings(c, k, max, width) {
    if (c.mappings.length === 0)
        return '';
    let out = '\n' +
        (0,layout/* paragraph */.FY)(`${k.bold('Mappings')}: ${mappingCountText(c)} (one per rename, split or fuse; keys equal in both are not listed)`, width, '', '  ');
    const groups = groupMappings(c.mappings, comparisonFamilies(c));
    // Ordering assumptions are long sentences shared by many rows: numbered in the table and spelled out once
    // below it, so the table stays as wide as a terminal.
    const notes = ambiguityNotes(c);
    const cut = (0,format/* cutList */.f6)(groups, max);
    const paint = (conf) => conf === 'high' ? k.green(conf) : conf === 'medium' ? k.yellow(conf) : k.red(conf);
    out += (0,layout/* fitTable */.SM)([
        ['confidence', 'kind', 'A', 'B', 'reason'],
        ...cut.shown.map((g) => [
            paint(g.confidence),
            g.kind,
            (0,format/* printable */.g$)(g.source.map((p) => withIndices(p, g.indices)).join(' + ')),
            (0,format/* printable */.g$)(g.target.map((p) => withIndices(p, g.indices)).join(' + ')),
            (0,format/* printable */.g$)(g.ambiguity ? `${g.reason} [assumption ${notes.get(noteKey(g.ambiguity))?.n ?? '?'}]` : g.reason)
        ])
    ], { header: true, width, fit: ['fixed', 'fixed', 'shorten', 'shorten', 'wrap'] });
    out += omitted(cut.omitted, 'mapping patterns', k);
    if (notes.size > 0) {
        const total = [...notes.values()].reduce((sum, x) => sum + x.mappings, 0);
        out += k.yellow((0,layout/* paragraph */.FY)(`${(0,format/* plural */.LS)(total, 'mapping')} rest on an ordering the headers cannot verify:`, width, '  '));
        for (const x of notes.values())
            out += (0,layout/* paragraph */.FY)(`${(0,format/* printable */.g$)(x.text)} (${(0,format/* plural */.LS)(x.mappings, 'mapping')})`, width, `  [assumption ${x.n}] `, '    ');
    }
    return out;
}
function renderUnmatched(c, k, max, width) {
    let out = '';
    for (const side of ['a', 'b']) {
        const keys = c.unmatched[side];
        if (keys.length === 0)
            continue;
        out += `\n${k.bold(`Unmatched in ${side.toUpperCase()}`)}: ${(0,format/* plural */.LS)(keys.length, 'key')} with no counterpart\n`;
        const cut = (0,format/* cutList */.f6)(groupKeys(keys, comparisonFamilies(c)), max);
        out += (0,layout/* fitTable */.SM)(cut.shown.map((g) => [(0,format/* printable */.g$)(withIndices(g.pattern, g.indices))]), { width, fit: ['shorten'] });
        out += omitted(cut.omitted, 'key patterns', k);
    }
    return out;
}

// EXTERNAL MODULE: ./src/report/checkpoint-console.ts
var checkpoint_console = __webpack_require__(9046);
// EXTERNAL MODULE: ./src/report/key-exports.ts
var key_exports = __webpack_require__(7463);
// EXTERNAL MODULE: ./src/cli/display.ts
var display = __webpack_require__(2616);
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
        ...read/* REMOTE_OPTIONS */.Q,
        ...display/* DISPLAY_OPTIONS */.wV
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
    // Without --names, each side is named by the shortest tail of its path that tells the two apart.
    const [labelA, labelB] = names ?? (0,format/* distinguishingLabels */.FY)([pathA, pathB]);
    const comparison = (0,compare/* compareCheckpoints */.xt)(a, b, { names: [labelA, labelB] });
    const document = (0,compare/* toMappingFile */.cx)(comparison, version/* TOOL */.j);
    const mappingPath = (0,cli_args/* str */.gx)(args, 'mapping');
    if (mappingPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(mappingPath, (0,json/* toJson */.a)(document));
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(exportPath, (0,key_exports/* renderCompareExport */.E)(comparison, (0,checkpoint_console.renderKeyExport)([a, b])));
    if ((0,cli_args/* flag */.Jt)(args, 'json')) {
        io.stdout((0,json/* toJson */.a)(document));
        return errors/* EXIT */.dc.ok;
    }
    io.stdout(renderComparisonConsole(comparison, { color: io.color, width: (0,display/* outputWidth */.gp)(args, io) }));
    const written = [
        mappingPath && `mapping written to ${(0,util_text/* printable */.g)(mappingPath)}`,
        exportPath && `keys written to ${(0,util_text/* printable */.g)(exportPath)}`
    ];
    for (const w of written)
        if (w)
            io.stdout(`${w}\n`);
    return errors/* EXIT */.dc.ok;
}
const compareCommand = { spec, run: runCompare };


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

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkpointAnswer: () => (/* binding */ checkpointAnswer),
/* harmony export */   renderCheckpointSummary: () => (/* binding */ renderCheckpointSummary),
/* harmony export */   renderKeyExport: () => (/* binding */ renderKeyExport),
/* harmony export */   unreadableAnswer: () => (/* binding */ unreadableAnswer)
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


/***/ }),

/***/ 7463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ renderCompareExport),
/* harmony export */   i: () => (/* binding */ renderLoraKeyExport)
/* harmony export */ });
/* harmony import */ var _lora_reasons_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6168);

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
                    : `${r.status}: ${r.expected ?? (0,_lora_reasons_js__WEBPACK_IMPORTED_MODULE_0__/* .moduleReason */ .xk)(r) ?? ''}`
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

/***/ 5587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Il: () => (/* binding */ renderSteps),
/* harmony export */   bY: () => (/* binding */ compareSteps),
/* harmony export */   sH: () => (/* binding */ loraSteps)
/* harmony export */ });
/* unused harmony exports shellQuote, stepsMarkdown, commandLines */
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1894);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);


/** A word as a POSIX shell reads it: bare when safe, else in single quotes. */
function shellQuote(word) {
    const w = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(word);
    return /^[A-Za-z0-9_./:@%+=,-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
/** `NAME.converted.safetensors` next to the input: the output name the steps suggest. */
function convertedName(path) {
    const stem = path.replace(/\.safetensors$/i, '');
    return `${stem}.converted.safetensors`;
}
/** Steps after `compare A B`: A is the model LoRAs were made for, B the one they should load on. */
function compareSteps(x) {
    const mc = 'model-compat';
    const lora = 'LORA.safetensors';
    const check = {
        text: `Check a LoRA made for A against B, module by module:`,
        command: [mc, 'lora', lora, '--base', x.b]
    };
    if (x.tier === 'incompatible') {
        return [
            { text: 'Weights and LoRAs do not transfer between these models: use ones made for B.' },
            { ...check, text: 'To confirm for a given LoRA, resolve it against B:' }
        ];
    }
    const review = {
        text: x.unmatched > 0
            ? 'Review the proposed mapping and the keys left unmatched:'
            : 'Review the proposed mapping:',
        command: [
            mc,
            'compare',
            x.a,
            x.b,
            '--mapping',
            'mapping.json',
            ...(x.unmatched > 0 ? ['--export', 'keys.txt'] : [])
        ]
    };
    // The conversion to B's names: planned first, then written (a partial match leaves out what cannot convert).
    const convert = (...rest) => [
        mc,
        'convert',
        lora,
        '--base',
        x.b,
        '--to',
        'base',
        ...rest,
        ...(x.tier === 'partial' ? ['--drop-unmatched'] : [])
    ];
    const dryRun = {
        text: x.tier === 'partial'
            ? 'Plan the conversion of a LoRA; what cannot be converted exactly is listed with the reason:'
            : "Plan the conversion of a LoRA to B's key names:",
        command: convert('--dry-run')
    };
    const write = {
        text: 'Write the converted LoRA, then check it loads:',
        command: convert('-o', convertedName(lora))
    };
    if (x.basis === 'exact' && x.tier === 'compatible') {
        return [
            { ...check, text: 'LoRAs made for A should load on B as they are; check one, module by module:' },
            {
                text: 'Gate every LoRA in CI against B:',
                command: [mc, 'gate', '--baseline', x.b, 'loras/*.safetensors']
            }
        ];
    }
    return [review, dryRun, write, check];
}
/** Steps after `lora LORA --base BASE`, by what failed. */
function loraSteps(x) {
    const mc = 'model-compat';
    const steps = [];
    if (x.modules === 0)
        return steps;
    if (x.loadable === x.modules) {
        if (x.aliased > 0) {
            steps.push({
                text: "Loaders that do not know this LoRA's key names need a copy in the base's names; plan it:",
                command: [mc, 'convert', x.lora, '--base', x.base, '--to', 'base', '--dry-run']
            });
        }
        steps.push({
            text: 'Gate it in CI, so a later change cannot break it unnoticed:',
            command: [mc, 'gate', '--baseline', x.base, x.lora]
        });
        return steps;
    }
    if (x.unresolved > 0) {
        steps.push({
            text: 'Plan a conversion: modules in another naming or attention layout are converted exactly, the others are ' +
                'listed with the reason:',
            command: [mc, 'convert', x.lora, '--base', x.base, '--dry-run']
        });
    }
    if (x.shapeMismatch > 0) {
        steps.push({
            text: 'Modules with other shapes were trained for another model size or variant: no conversion fixes them; ' +
                'use a LoRA trained on this base.'
        });
    }
    steps.push({
        text: 'Every module with its base key and the reason it does not load:',
        command: [mc, 'lora', x.lora, '--base', x.base, '--export', 'modules.tsv']
    });
    return steps;
}
/**
 * The steps as console text: `  1. text` wrapped to the width, the command on the lines below, indented, wrapped
 * between arguments with ` \` continuations.
 */
function renderSteps(steps, width, heading = 'Next steps') {
    if (steps.length === 0)
        return '';
    let out = `${heading}\n`;
    steps.forEach((s, i) => {
        const first = `  ${i + 1}. `;
        out += (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .paragraph */ .FY)(s.text, width, first);
        if (s.command)
            out += commandLines(s.command.map(shellQuote), width, ' '.repeat(first.length + 2));
    });
    return out;
}
/** Steps as a Markdown ordered list, each command in a code span. */
function stepsMarkdown(steps) {
    return steps
        .map((s, i) => {
        // A backtick would end the code span early (escapes do not work inside one).
        const command = s.command ? ` \`${s.command.map(shellQuote).join(' ').replace(/`/g, "'")}\`` : '';
        return `${i + 1}. ${s.text}${command}`;
    })
        .join('\n');
}
/**
 * A command's words on as few lines as fit, broken between words with a `\` continuation. A word is never cut (the
 * command must paste whole): one too long for its line goes on a continuation line of its own, indented less.
 */
function commandLines(words, width, indent) {
    const lines = [];
    const more = `${indent}  `;
    let line = indent;
    for (const w of words) {
        const candidate = line === indent ? line + w : `${line} ${w}`;
        // Room for the " \" a continued line ends with.
        if (line !== indent && (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .displayWidth */ .F1)(candidate) + 2 > width) {
            lines.push(`${line} \\`);
            line = (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .displayWidth */ .F1)(more + w) + 2 > width ? `  ${w}` : more + w;
        }
        else
            line = candidate;
    }
    lines.push(line);
    return lines.join('\n') + '\n';
}


/***/ })

};
;