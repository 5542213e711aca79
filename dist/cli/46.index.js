"use strict";
exports.id = 46;
exports.ids = [46];
exports.modules = {

/***/ 8732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ formatThreshold),
/* harmony export */   BB: () => (/* binding */ formatShape),
/* harmony export */   Ev: () => (/* binding */ thresholdReason),
/* harmony export */   IN: () => (/* binding */ cutText),
/* harmony export */   KN: () => (/* binding */ percent)
/* harmony export */ });
/* harmony import */ var _util_figures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2377);
/** Number formatting shared by the gate's messages and the Markdown report. */

// One rounding for every figure, in the gate's messages and in every renderer.

/** A threshold as the user wrote it: 80 -> "80%", 72.5 -> "72.5%". */
function formatThreshold(value) {
    return `${Number.isInteger(value) ? value : value.toString()}%`;
}
function formatShape(shape) {
    return `[${shape.join(', ')}]`;
}
/** Percent of `part` over `whole`, 0 when `whole` is 0 (an empty LoRA loads nothing). */
function percent(part, whole) {
    return whole > 0 ? (100 * part) / whole : 0;
}
/**
 * Cut between words, marking the cut with an ellipsis: a reason never ends in half a word. Only text with no space
 * at all in reach (one long key) is cut inside it.
 */
function cutText(text, max) {
    if (text.length <= max)
        return text;
    const head = text.slice(0, max - 1);
    const space = head.lastIndexOf(' ');
    return `${(space > 0 ? head.slice(0, space) : head).replace(/[\s;,:·—-]+$/, '')}…`;
}
/** `loadable 62.5% is under the 80% threshold`. */
function thresholdReason(metric, figure, threshold) {
    return `${metric} ${(0,_util_figures_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l)(figure)} is under the ${formatThreshold(threshold)} threshold`;
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

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   BB: () => (/* binding */ formatShape),
/* harmony export */   FY: () => (/* binding */ distinguishingLabels),
/* harmony export */   Gy: () => (/* binding */ mark),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Li: () => (/* binding */ mdEscape),
/* harmony export */   Mp: () => (/* binding */ commonFolder),
/* harmony export */   T1: () => (/* reexport safe */ _util_figures_js__WEBPACK_IMPORTED_MODULE_0__.T),
/* harmony export */   Tj: () => (/* binding */ colors),
/* harmony export */   Ym: () => (/* binding */ printableDeep),
/* harmony export */   Zv: () => (/* binding */ groupThousands),
/* harmony export */   f6: () => (/* binding */ cutList),
/* harmony export */   g$: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_1__.g),
/* harmony export */   j7: () => (/* binding */ MARKS),
/* harmony export */   l9: () => (/* reexport safe */ _util_figures_js__WEBPACK_IMPORTED_MODULE_0__.l),
/* harmony export */   xe: () => (/* binding */ inertReferences),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export table */
/* harmony import */ var _util_figures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2377);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
/** Small formatting helpers shared by the console and Markdown renderers. */


function formatBytes(n) {
    if (!Number.isFinite(n))
        return String(n);
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let u = 0;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return u === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`;
}
/** 14288491584 -> "14.29B"; counts under 10,000 stay exact ("3,672"). */
function formatCount(n) {
    const abs = Math.abs(n);
    if (abs >= 1e9)
        return `${(n / 1e9).toFixed(2)}B`;
    if (abs >= 1e6)
        return `${(n / 1e6).toFixed(2)}M`;
    if (abs >= 1e4)
        return `${(n / 1e3).toFixed(1)}K`;
    return groupThousands(n);
}
/**
 * 14288491584 -> "14,288,491,584". Written out because `toLocaleString('en-US')` loads ICU's number formatter,
 * which costs a cold CLI process over 10 ms, for a few commas.
 */
function groupThousands(n) {
    if (!Number.isFinite(n) || Math.abs(n) >= 1e21)
        return String(n); // toFixed switches to exponents there
    const sign = n < 0 ? '-' : '';
    const [whole = '', fraction] = Math.abs(n)
        .toFixed(Number.isInteger(n) ? 0 : 3)
        .split('.');
    let out = '';
    for (let end = whole.length; end > 0; end -= 3)
        out = whole.slice(Math.max(0, end - 3), end) + (out === '' ? '' : `,${out}`);
    const frac = fraction?.replace(/0+$/, '');
    return `${sign}${out}${frac ? `.${frac}` : ''}`;
}
// One rounding for every figure (src/util/figures.ts), re-exported for the renderers.

/** `1 key`, `3 keys`, `1,200 modules`: a count with the noun it counts, in the right number. */
function plural(n, one, many = `${one}s`) {
    return `${groupThousands(n)} ${n === 1 ? one : many}`;
}
function formatShape(shape) {
    return `[${shape.join(', ')}]`;
}
/** Align rows into columns; the first row is the header when `header` is set. */
function table(rows, opts = {}) {
    if (rows.length === 0)
        return '';
    const widths = [];
    for (const r of rows)
        r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(c))));
    const indent = opts.indent ?? '  ';
    const lines = rows.map((r) => indent +
        r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - visibleLength(c)))).join('  '));
    if (opts.header && lines.length > 1) {
        lines.splice(1, 0, indent + widths.map((w) => '-'.repeat(w)).join('  '));
    }
    return lines.join('\n') + '\n';
}
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
function visibleLength(s) {
    return s.replace(ANSI, '').length;
}
/**
 * The symbol of a good, bad or doubtful finding. Symbols, not colour alone, so a log without colour (CI, a pipe,
 * NO_COLOR) still tells a red flag from a green one.
 */
const MARKS = { good: '✓', bad: '✗', warn: '!' };
function mark(kind, c) {
    const paint = kind === 'good' ? c.green : kind === 'bad' ? c.red : c.yellow;
    return paint(MARKS[kind]);
}
const wrap = (open, close) => (s) => `\x1b[${open}m${s}\x1b[${close}m`;
function colors(enabled) {
    if (!enabled) {
        const id = (s) => s;
        return { bold: id, dim: id, red: id, green: id, yellow: id };
    }
    return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) };
}
/**
 * Text from a file (tensor names, metadata, paths, flag messages quoting them) made safe for a terminal: control
 * characters become `?` (src/util/text.ts says why). Renderers apply it to file data, never to their own colour
 * codes.
 */

/**
 * A copy of a JSON-shaped report with every string made printable, for renderers that print many names from a
 * file: one pass here instead of a `printable()` at every place a name is shown.
 */
function printableDeep(value) {
    return JSON.parse(JSON.stringify(value), (_k, v) => typeof v === 'string' ? (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(v) : v);
}
/** Cut a list to `max` items and say how many were left out. */
function cutList(items, max) {
    return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}
/** Escape text for a Markdown table cell or inline code. */
function mdEscape(s) {
    return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * Labels for files shown side by side: each path's shortest tail of folders that no other path shares, so
 * `a/A.safetensors` and `b/A.safetensors` read as such, not as "A.safetensors" twice. Distinct file names stay
 * bare file names; URLs and `hf://` locations split on `/` like paths.
 */
function distinguishingLabels(paths) {
    const parts = paths.map((p) => p.split(/[\\/]+/).filter((s) => s !== ''));
    return parts.map((mine, i) => {
        for (let n = 1; n <= mine.length; n++) {
            const tail = mine.slice(-n).join('/');
            const clash = parts.some((other, j) => j !== i && other.slice(-n).join('/') === tail);
            if (!clash)
                return tail;
        }
        return paths[i];
    });
}
/**
 * The folder every path starts with (ending in `/`), or '' when they do not share one: a table of artifacts can
 * name it once above the rows and show the rest of each path.
 */
function commonFolder(paths) {
    if (paths.length === 0)
        return '';
    const split = paths.map((p) => p.split('/'));
    const first = split[0];
    let n = 0;
    // Folders only: the last part of every path (its file name) is never taken.
    while (n < first.length - 1 && split.every((s) => n < s.length - 1 && s[n] === first[n]))
        n++;
    return n === 0 ? '' : `${first.slice(0, n).join('/')}/`;
}
/**
 * GitHub turns `@name` into a mention (a notification to that user or team) and `#12`, `GH-12`, `org/repo#12`
 * into links, in PR comments and job summaries alike. Text from a file must do neither: a zero-width space after
 * the `@`, the `#` or the `GH-` breaks the pattern and reads the same. Code spans need none of this (GitHub does
 * not look for references inside them, and a zero-width space there would be copied with the key); every other
 * piece of file-derived text in a comment or summary goes through here.
 */
function inertReferences(text) {
    return text
        .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b')
        .replace(/#(?=\d)/g, '#\u200b')
        .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b');
}


/***/ }),

/***/ 2377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ formatShare),
/* harmony export */   l: () => (/* binding */ formatPercent)
/* harmony export */ });
/**
 * How every figure is printed: one function, one rounding, so the gate, the comparison and every renderer say the
 * same percentage for the same figure.
 */
/**
 * A percentage (0 to 100) with one decimal, rounded down: 79.96 reads 79.9, never "80.0% is under the 80%
 * threshold", and a figure reads the same wherever it is printed.
 */
function formatPercent(value) {
    if (!Number.isFinite(value))
        return 'n/a';
    const floored = Math.floor(value * 10 + 1e-9) / 10;
    return `${floored.toFixed(1)}%`;
}
/** A share in [0, 1] as a percentage, rounded as `formatPercent`. */
function formatShare(fraction) {
    return formatPercent(fraction * 100);
}


/***/ })

};
;