"use strict";
exports.id = 574;
exports.ids = [574,46];
exports.modules = {

/***/ 6574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  printSeveral: () => (/* binding */ printSeveral),
  printSummaries: () => (/* binding */ printSummaries)
});

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

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/cli/commands/analyze-console.ts








/** An error as said after its file's name: without the name when the error is about that file. */
function errorWhat(entry) {
    const e = entry.error;
    return e instanceof errors/* CheckpointError */.jg && e.file === entry.path ? `${e.code}: ${e.detail}` : e.message;
}
/**
 * Several files, some of which could not be read, in the console: every file's answer line first (an unreadable
 * one says why), then each file's details under its name. `structureOf` is absent with --no-structure.
 */
function printSeveral(entries, names, args, io, structureOf) {
    const width = (0,display/* outputWidth */.gp)(args, io);
    const labels = names
        ? entries.map((e, i) => names[i] ?? e.path)
        : (0,format/* distinguishingLabels */.FY)(entries.map((e) => e.path));
    const parts = entries.map((e, i) => {
        if ('error' in e) {
            const answer = (0,checkpoint_console.unreadableAnswer)(labels[i], errorWhat(e), io.color);
            return { answer: (0,layout/* paragraph */.FY)(answer, width, '', '  '), details: '' };
        }
        const summary = summarizeCheckpoint(e.checkpoint);
        const structure = structureOf?.(e.checkpoint);
        const answer = (0,layout/* paragraph */.FY)((0,checkpoint_console.checkpointAnswer)(labels[i], e.checkpoint, summary, structure, io.color), width, '', '  ');
        let details = (0,checkpoint_console.renderCheckpointSummary)(e.checkpoint, summary, { color: io.color, width });
        if (structure !== undefined)
            details += '\n' + renderStructureConsole(structure, { color: io.color, width });
        return { answer, details };
    });
    io.stdout(parts.map((p) => p.answer).join(''));
    entries.forEach((e, i) => {
        io.stdout('\n' + (0,layout/* fileHeading */.dR)((0,util_text/* printable */.g)(labels[i]), (0,util_text/* printable */.g)(e.path), width));
        io.stdout(parts[i].details || parts[i].answer);
    });
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
    const answers = checkpoints.map((c, i) => (0,layout/* paragraph */.FY)((0,checkpoint_console.checkpointAnswer)(labels[i], c, summaries[i], structures[i], io.color), width, '', '  '));
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
        io.stdout((0,checkpoint_console.renderCheckpointSummary)(ckpt, summaries[i], { color: io.color, width }));
        const structure = structures[i];
        if (structure !== undefined)
            io.stdout('\n' + renderStructureConsole(structure, { color: io.color, width }));
    });
}


/***/ }),

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