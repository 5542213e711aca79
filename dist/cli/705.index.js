"use strict";
exports.id = 705;
exports.ids = [705,12];
exports.modules = {

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateCommand: () => (/* binding */ gateCommand)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/cli/read.ts + 1 modules
var read = __webpack_require__(4924);
;// CONCATENATED MODULE: ./src/gate/policy.ts
/**
 * Parsing and defaults of the gate policy. The action and the CLI both parse the same words; every error names
 * the input (`fail-on`, `--fail-on`, ...) so the user knows which line of the workflow to fix.
 */

const METRIC_CHOICES = ['auto', 'exact', 'normalized', 'mapped', 'loadable'];
const FAIL_ON_FLAGS = [
    'dangerous-globals',
    'unknown-globals',
    'zip-anomaly',
    'shape-mismatch',
    'unresolved-modules',
    'block-count',
    'attention-layout',
    'hidden-dim',
    'naming',
    'any-red'
];
/**
 * Pickle globals fail by default, dangerous and unknown alike: the findings that are a security problem, not a
 * compat one. The allowlist (torch's weights_only set) is the only sound base, so a global nobody vetted fails
 * until the user allows it by name (`allow-globals`); a known gadget fails whatever the user allows.
 */
const DEFAULT_FAIL_ON = ['dangerous-globals', 'unknown-globals'];
/**
 * The flags no `fail-on` value can drop. A workflow that lists its own flags (`fail-on: shape-mismatch`) means
 * "also fail on a shape mismatch", not "let code-running pickles through": a list that replaced the security
 * flags would turn a compat setting into a hole. Unknown globals are relaxed only by name, with `allow-globals`,
 * so every exception is written down; dangerous globals are never relaxed.
 */
const SECURITY_FLOOR = ['dangerous-globals', 'unknown-globals'];
/** `flags` with the security floor in front (once each). */
function withSecurityFloor(flags) {
    return [...SECURITY_FLOOR, ...flags.filter((f) => !SECURITY_FLOOR.includes(f))];
}
const DEFAULT_THRESHOLD = 80;
/** A bad value of the input or flag `input` (the name the user wrote it under): `Invalid input 'x': detail`. */
function invalidInput(input, detail) {
    return new errors/* UsageError */.eb(detail, { input });
}
function parseThreshold(text, input = 'threshold') {
    const trimmed = text.trim().replace(/%$/, '');
    if (trimmed === '')
        return DEFAULT_THRESHOLD;
    const n = Number(trimmed);
    if (!Number.isFinite(n) || !/^[+]?\d*\.?\d+$/.test(trimmed)) {
        throw invalidInput(input, `expected a percentage between 0 and 100, got '${text}'`);
    }
    if (n < 0 || n > 100)
        throw invalidInput(input, `expected a percentage between 0 and 100, got ${n}`);
    return n;
}
function parseMetric(text, input = 'metric') {
    const word = text.trim().toLowerCase();
    if (word === '')
        return 'auto';
    const found = METRIC_CHOICES.find((m) => m === word);
    if (!found)
        throw invalidInput(input, `expected one of ${METRIC_CHOICES.join(', ')}, got '${text}'`);
    return found;
}
/**
 * Words separated by commas, spaces or newlines, added to the security floor; `none` alone means no compat flag
 * fails the gate (the floor still does).
 */
function parseFailOn(text, input = 'fail-on') {
    const words = text
        .split(/[\s,]+/)
        .map((w) => w.trim().toLowerCase())
        .filter((w) => w !== '');
    if (words.length === 0)
        return [...DEFAULT_FAIL_ON];
    if (words.includes('none')) {
        if (words.length > 1)
            throw invalidInput(input, `'none' cannot be combined with other flags`);
        return withSecurityFloor([]);
    }
    const flags = [];
    for (const w of words) {
        const found = FAIL_ON_FLAGS.find((f) => f === w);
        if (!found) {
            throw invalidInput(input, `unknown flag '${w}'; expected none or any of ${FAIL_ON_FLAGS.join(', ')}`);
        }
        if (!flags.includes(found))
            flags.push(found);
    }
    return withSecurityFloor(flags);
}
const LOADER_CHOICES = ['any', 'comfyui', 'diffusers'];
/**
 * The `loader` input: the runtimes a LoRA must load in, separated by commas, spaces or newlines (`comfyui,
 * diffusers`). Empty means `any` (every naming model-compat understands).
 */
function parseLoaders(text, input = 'loader') {
    const words = text
        .split(/[\s,]+/)
        .map((w) => w.trim().toLowerCase())
        .filter((w) => w !== '');
    if (words.length === 0)
        return ['any'];
    const out = [];
    for (const w of words) {
        const found = LOADER_CHOICES.find((l) => l === w);
        if (!found)
            throw invalidInput(input, `unknown loader '${w}'; expected one or more of ${LOADER_CHOICES.join(', ')}`);
        if (!out.includes(found))
            out.push(found);
    }
    return out;
}
/** Whether a policy gates under anything but the default `any` loader. */
function gatesRuntimes(policy) {
    const l = policy.loaders;
    return l !== undefined && !(l.length === 1 && l[0] === 'any');
}
function makePolicy(p = {}) {
    const policy = {
        threshold: p.threshold ?? DEFAULT_THRESHOLD,
        metric: p.metric ?? 'auto',
        failOn: withSecurityFloor(p.failOn ?? DEFAULT_FAIL_ON)
    };
    if (p.allowGlobals !== undefined && p.allowGlobals.length > 0)
        policy.allowGlobals = [...p.allowGlobals];
    if (gatesRuntimes(p))
        policy.loaders = [...p.loaders];
    return policy;
}
/** A module path or qualified name: identifiers joined by dots. */
const DOTTED = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*(\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*)*$/u;
/**
 * The `allow-globals` input: pickle globals the user trusts, separated by commas, spaces or newlines. Each is a
 * full name (`mymodule.MyClass`, `mymodule.sub.fn`) or a module and everything in it and its submodules
 * (`mymodule.*`). `*` alone, or a wildcard anywhere else, is refused: allowing everything is what the gate
 * exists to prevent. A dangerous global (a known gadget) is never allowed, whatever this says.
 */
function parseAllowGlobals(text, input = 'allow-globals') {
    const out = [];
    for (const word of text.split(/[\s,]+/).filter((w) => w !== '')) {
        const base = word.endsWith('.*') ? word.slice(0, -2) : word;
        if (!DOTTED.test(base)) {
            throw invalidInput(input, `'${word}' is not a global name (module.Name) or a module pattern (module.*); ` +
                'a wildcard may only end a module name, and * alone would allow every global');
        }
        if (!word.endsWith('.*') && !base.includes('.')) {
            throw invalidInput(input, `'${word}' names no global: write module.Name, or ${word}.* for the module`);
        }
        if (!out.includes(word))
            out.push(word);
    }
    return out;
}
/** Whether `module.name` is allowed by one of the patterns of `parseAllowGlobals`. */
function allowedByUser(module, name, patterns) {
    const full = `${module}.${name}`;
    return patterns.some((p) => p.endsWith('.*') ? module === p.slice(0, -2) || full.startsWith(p.slice(0, -1)) : full === p);
}
/**
 * The metric the threshold applies to for one artifact. A LoRA has no key-overlap figures of its own unless the
 * resolver provides them, and a checkpoint has no loadable figure, so an inapplicable choice falls back to that
 * kind's natural figure with a note rather than failing a mixed release.
 */
function chooseMetric(choice, kind, available) {
    const natural = kind === 'lora' ? 'loadable' : 'mapped';
    if (choice === 'auto') {
        if (available[natural] !== undefined)
            return { metric: natural };
        const best = bestAvailable(available);
        return best ? { metric: best } : { metric: natural };
    }
    if (available[choice] !== undefined)
        return { metric: choice };
    return {
        metric: natural,
        note: `metric '${choice}' does not apply to a ${kind === 'lora' ? 'LoRA' : 'full checkpoint'}; gated on '${natural}'`
    };
}
function bestAvailable(available) {
    let best;
    for (const m of ['exact', 'normalized', 'mapped', 'loadable']) {
        const v = available[m];
        if (v !== undefined && (best === undefined || v > (available[best] ?? -1)))
            best = m;
    }
    return best;
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/gate/format.ts
var format = __webpack_require__(8732);
// EXTERNAL MODULE: ./src/util/figures.ts
var figures = __webpack_require__(2377);
// EXTERNAL MODULE: ./src/compare/verdict.ts
var verdict = __webpack_require__(7682);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/gate/coverage.ts

/** Wider block families are cut (the rest is counted in `outsideBlocks`): the picture must stay one line a row. */
const MAX_COVERAGE_COLUMNS = 64;
const KIND_ORDER = ['self-attn', 'cross-attn', 'attn', 'ffn', 'modulation', 'norm', 'embedding', 'other'];
const CELL_LOADS = '#';
const CELL_FAILS = 'x';
const CELL_UNTOUCHED = '.';
function buildCoverage(modules, baselineBlocks) {
    const inBlocks = modules.filter((m) => m.block !== undefined && Number.isSafeInteger(m.block) && m.block >= 0);
    if (inBlocks.length === 0)
        return undefined;
    const maxBlock = inBlocks.reduce((acc, m) => Math.max(acc, m.block), 0);
    const wanted = Math.max(maxBlock + 1, baselineBlocks !== undefined && baselineBlocks > 0 ? baselineBlocks : 0);
    const blocks = Math.min(wanted, MAX_COVERAGE_COLUMNS);
    const byKind = new Map();
    let outsideBlocks = 0;
    for (const m of inBlocks) {
        const kind = m.layerKind && m.layerKind.trim() !== '' ? m.layerKind : 'other';
        let row = byKind.get(kind);
        if (!row)
            byKind.set(kind, (row = { loads: new Set(), fails: new Set(), modules: 0, failing: 0 }));
        row.modules++;
        const failing = m.status !== 'loadable';
        if (failing)
            row.failing++;
        const b = m.block;
        if (b >= blocks) {
            outsideBlocks++;
            continue;
        }
        ;
        (failing ? row.fails : row.loads).add(b);
    }
    const kinds = [...byKind.keys()].sort((a, b) => kindRank(a) - kindRank(b) || (0,order/* byCodeUnit */.X)(a, b));
    const rows = kinds.map((kind) => {
        const r = byKind.get(kind);
        let cells = '';
        for (let b = 0; b < blocks; b++)
            cells += r.fails.has(b) ? CELL_FAILS : r.loads.has(b) ? CELL_LOADS : CELL_UNTOUCHED;
        return { layerKind: kind, cells, modules: r.modules, failing: r.failing };
    });
    return { blocks, rows, outsideBlocks };
}
function kindRank(kind) {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
}

// EXTERNAL MODULE: ./src/lora/loaders/verdict.ts
var loaders_verdict = __webpack_require__(470);
;// CONCATENATED MODULE: ./src/gate/loaders.ts
/**
 * A LoRA gated per runtime (the `loader` input): each listed loader's result, and the reason a failing one gives.
 * The views come from the engines (engines.ts `resolveLora` with a loader profile).
 */


function loaderResult(view, threshold) {
    const loader = view.loader ?? 'any';
    const loaded = view.modules.filter((m) => m.status === 'loadable').length;
    const out = {
        loader,
        loadable: view.loadable,
        modules: view.moduleCount,
        loaded,
        brokenLoads: view.brokenLoads ?? 0,
        passed: view.fileError === undefined && view.loadable >= threshold
    };
    if (view.fileError !== undefined)
        out.fileError = view.fileError;
    // The cause names its runtime already (`ComfyUI: lora key not loaded ...`); the loader column says it too.
    const cause = view.cause?.replace(new RegExp(`^${loaders_verdict/* LOADER_LABELS */.s[loader]}: `), '');
    const why = view.fileError !== undefined ? `the whole file fails: ${view.fileError}` : cause;
    if (why !== undefined && loaded < view.moduleCount)
        out.why = (0,format/* cutText */.IN)(why, 300);
    return out;
}
/** `ComfyUI: loadable 0% is under the 80% threshold (the whole file fails: KeyError: ...)`. */
function loaderReason(l, threshold) {
    const head = `${loaders_verdict/* LOADER_LABELS */.s[l.loader]}: ${(0,format/* thresholdReason */.Ev)('loadable', l.loadable, threshold)}`;
    return l.why ? `${head} (${l.why})` : head;
}

;// CONCATENATED MODULE: ./src/gate/security.ts

const MAX_LISTED = 5;
/** Formats that cannot carry code, with why (a sharded checkpoint is safetensors shards and a JSON index). */
const NO_CODE = {
    safetensors: 'safetensors holds tensors and a JSON header only',
    'safetensors-sharded': 'safetensors shards and a JSON index hold tensors and JSON headers only',
    gguf: 'GGUF holds tensors and typed metadata only'
};
/**
 * Flags of one artifact. `allowGlobals` (the user's `allow-globals`) moves unknown globals to allowed; a
 * dangerous one stays dangerous, and the evidence says the allowance did not apply.
 */
function securityFlags(ckpt, allowGlobals = []) {
    const flags = globalFlags(ckpt.globals, allowGlobals);
    const anomalies = ckpt.warnings.filter(isZipAnomaly);
    if (anomalies.length > 0) {
        flags.push({
            id: 'zip-anomaly',
            severity: 'warning',
            title: 'Zip container anomalies',
            evidence: listText(anomalies)
        });
    }
    const incomplete = completenessWarnings(ckpt);
    if (incomplete.length > 0) {
        flags.push({
            id: 'incomplete-checkpoint',
            severity: 'warning',
            title: 'Checkpoint incomplete or inconsistent',
            evidence: listText(incomplete)
        });
    }
    const noCode = NO_CODE[ckpt.format];
    if (ckpt.globals.length === 0 && noCode) {
        flags.push({ id: 'no-code', severity: 'green', title: 'No executable content', evidence: noCode });
    }
    return flags;
}
/**
 * The dangerous- and unknown-globals flags of a list of globals: a checkpoint's, or those an unreadable file's
 * pickles imported before it was refused (the gate shows them on the artifact's error row).
 */
function globalFlags(globals, allowGlobals = []) {
    const flags = [];
    const dangerous = globals.filter((g) => g.tier === 'dangerous');
    const unknown = globals.filter((g) => g.tier === 'unknown' && !allowedByUser(g.module, g.name, allowGlobals));
    if (dangerous.length > 0) {
        const tried = dangerous.some((g) => allowedByUser(g.module, g.name, allowGlobals));
        flags.push({
            id: 'dangerous-globals',
            severity: 'red',
            title: 'Dangerous pickle globals',
            evidence: `${listGlobals(dangerous)} (found by reading the pickle; nothing was executed)` +
                (tried ? '; allow-globals never allows a known-dangerous global' : '')
        });
    }
    if (unknown.length > 0) {
        flags.push({
            id: 'unknown-globals',
            severity: 'warning',
            title: 'Unknown pickle globals',
            evidence: `${listGlobals(unknown)} (not what a state dict needs, and not known to be safe; nothing was executed). ` +
                'If you trust the code that defines them, allow them with allow-globals (CLI: --allow-globals), e.g. ' +
                `${suggestion(unknown)}`
        });
    }
    return flags;
}
/** An allow-globals value that would cover these globals: their modules, as patterns. */
function suggestion(globals) {
    const modules = [...new Set(globals.map((g) => g.module))];
    const shown = modules.slice(0, 3).map((m) => `${m}.*`);
    return `allow-globals: ${shown.join(', ')}${modules.length > 3 ? ', ...' : ''}`;
}
/**
 * A baseline read with shards missing (or not where its index says) still reads, and every figure is then
 * computed against part of the model: a LoRA looks unresolved, a checkpoint's keys look unmatched. Each artifact
 * carries the warning, so no row reads as if the baseline were whole.
 */
function baselineFlags(baseline) {
    const incomplete = completenessWarnings(baseline);
    if (incomplete.length === 0)
        return [];
    return [
        {
            id: 'baseline-incomplete',
            severity: 'warning',
            title: 'Baseline incomplete or inconsistent',
            evidence: `${listText(incomplete)}; the figures are against the tensors that could be read`
        }
    ];
}
/** Reader warnings that say a sharded checkpoint is not whole (the sharded reader's `MissingShard:`/`ShardMismatch:`). */
function completenessWarnings(ckpt) {
    return ckpt.warnings.filter((w) => w.startsWith('MissingShard:') || w.startsWith('ShardMismatch:'));
}
/** Reader warnings about the zip container: the torch-zip reader prefixes each zip anomaly with `zip: `. */
function isZipAnomaly(warning) {
    return warning.startsWith('zip: ');
}
function listGlobals(globals) {
    const items = globals.map((g) => `${g.module}.${g.name}${g.resolvesTo !== undefined ? ` (resolves to ${g.resolvesTo})` : ''} in ${g.where}` +
        `${g.count > 1 ? ` (x${g.count})` : ''}`);
    return listText(items);
}
function listText(items) {
    const shown = items.slice(0, MAX_LISTED).join(', ');
    return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

;// CONCATENATED MODULE: ./src/gate/judge.ts
/**
 * The gate's verdict of one artifact: for a checkpoint, everything in its row that depends on its header alone
 * (figures, flags, reasons, pass or fail) and its mapping or resolution document; for a file that could not be
 * read, its error row. Pure: a checkpoint and engine results in, a row out; `evaluateGate` (evaluate.ts) places
 * the rows under their paths and adds the run's verdict and message.
 */







/** How many module failures the report keeps per LoRA (the resolution document has them all). */
const MAX_FAILURES_IN_REPORT = 200;
const MAX_REASONS = 5;
/** An artifact that could not be read: its error row. */
function unreadableRow(input, policy) {
    const { code, message, globals = [] } = input.error ?? {
        code: 'Unreadable',
        message: `${input.path}: could not be read`
    };
    // a file that is not a loadable checkpoint still shows what its pickles import
    const flags = globalFlags(globals, policy.allowGlobals).map((f) => withFailsGate(f, policy));
    const reasons = dedupe([message, ...flags.filter((f) => f.failsGate).map(flagText)]).slice(0, MAX_REASONS);
    return {
        report: { path: input.path, status: 'error', figures: {}, reasons, flags, error: { code, message } }
    };
}
/**
 * A judged checkpoint as the report row of the file at `path`. The row's parts are shared with every other file of
 * the same header (nothing downstream changes them); an engine error's message gets the path in front.
 */
function placeJudged(j, path) {
    const report = { ...j.report, path };
    if (report.error !== undefined) {
        const message = `${path}: ${report.error.message}`;
        report.error = { ...report.error, message };
        report.reasons = [message];
    }
    return j.document === undefined ? { report } : { report, document: j.document };
}
/**
 * The gate's verdict of one checkpoint: everything in an artifact's row that depends on its header alone (all
 * but its path), and its mapping or resolution document. The same header always gets the same verdict, so a run
 * judges each distinct header once (`evaluateGate` per checkpoint object, the CLI per header hash).
 */
function judgeCheckpoint(ckpt, ctx) {
    const { policy, engines, baseline } = ctx;
    const kind = engines.isLora(ckpt) ? 'lora' : 'checkpoint';
    const flags = [...securityFlags(ckpt, policy.allowGlobals), ...baselineFlags(baseline)].map((f) => withFailsGate(f, policy));
    const report = {
        path: '',
        format: ckpt.format,
        kind,
        status: 'pass',
        figures: {},
        reasons: [],
        flags
    };
    let document;
    let detailReasons;
    try {
        if (kind === 'lora') {
            // The first listed loader gives the figures, failures and document; every listed loader is gated.
            const loaders = policy.loaders && policy.loaders.length > 0 ? policy.loaders : ['any'];
            const loaderViews = loaders.map((l) => engines.resolveLora(ckpt, baseline, l));
            const view = loaderViews[0];
            document = view.document;
            report.figures = loraFigures(view);
            report.lora = loraReport(view);
            if (gatesRuntimes(policy))
                report.lora.loaders = loaderViews.map((v) => loaderResult(v, policy.threshold));
            report.tier = tierOf(view.loadable);
            flags.push(...loraFlags(view).map((f) => withFailsGate(f, policy)));
            detailReasons = report.lora.failures.slice(0, 3).map((f) => `${f.module}: ${f.detail}`);
        }
        else {
            const view = engines.compare(ckpt, baseline);
            document = view.document;
            report.figures = { ...view.figures };
            report.tier = view.tier;
            report.checkpoint = {
                shapes: view.shapes,
                unmatched: view.unmatched,
                sampleMappings: view.sampleMappings
            };
            flags.push(...checkpointFlags(view).map((f) => withFailsGate(f, policy)));
            detailReasons = view.shapes.examples
                .slice(0, 2)
                .map((e) => `${e.key}: ${(0,format/* formatShape */.BB)(e.artifact)} vs baseline ${(0,format/* formatShape */.BB)(e.baseline)}`);
        }
    }
    catch (e) {
        // An engine failing on one artifact must not hide the others' results: report it as that artifact's error
        // (its message gets the path when the row is placed).
        const message = e instanceof Error ? e.message : String(e);
        const error = { code: 'EngineError', message };
        return { report: { ...report, status: 'error', reasons: [message], error }, path: ckpt.path };
    }
    const { metric, note } = chooseMetric(policy.metric, kind, report.figures);
    report.metric = metric;
    if (note)
        report.metricNote = note;
    // Gated per runtime: the loadable figure is the lowest over the listed loaders.
    const perLoader = metric === 'loadable' ? (report.lora?.loaders ?? []) : [];
    const figure = perLoader.length > 0 ? Math.min(...perLoader.map((l) => l.loadable)) : (report.figures[metric] ?? 0);
    report.figure = figure;
    const reasons = [];
    // A runtime that refuses the whole file fails its loader whatever the threshold.
    const underThreshold = figure < policy.threshold || perLoader.some((l) => !l.passed);
    // Flags that fail the gate by themselves come first: a dangerous pickle global matters more than any figure.
    const failing = flags.filter((f) => f.failsGate);
    for (const f of failing)
        reasons.push(flagText(f));
    if (underThreshold && perLoader.length > 0) {
        for (const l of perLoader)
            if (!l.passed)
                reasons.push(loaderReason(l, policy.threshold));
    }
    else if (underThreshold) {
        reasons.push((0,format/* thresholdReason */.Ev)(metric, figure, policy.threshold));
    }
    if (underThreshold || failing.length > 0) {
        report.status = 'fail';
        const redEvidence = flags.filter((f) => f.severity === 'red' && !f.failsGate).map(flagText);
        reasons.push(...redEvidence, ...detailReasons);
    }
    report.reasons = dedupe(reasons).slice(0, MAX_REASONS);
    return { report, document, path: ckpt.path };
}
/**
 * A flag as a reason: `Shape mismatch: 7 of 10 modules ...`; a title that has its own colon ("Different hidden
 * dims: 64 vs 128") takes its evidence after a dash, so the two colons do not read as one list.
 */
function flagText(f) {
    if (!f.evidence)
        return f.title;
    return `${f.title}${f.title.includes(': ') ? ' — ' : ': '}${f.evidence}`;
}
function withFailsGate(f, policy) {
    // The floor holds even for a policy built by hand (library callers): see SECURITY_FLOOR.
    const listed = SECURITY_FLOOR.some((id) => id === f.id) || policy.failOn.some((id) => id === f.id);
    const anyRed = policy.failOn.includes('any-red') && f.severity === 'red';
    return { ...f, failsGate: listed || anyRed };
}
function loraFigures(view) {
    const figures = { loadable: view.loadable };
    if (view.exact !== undefined)
        figures.exact = view.exact;
    if (view.normalized !== undefined)
        figures.normalized = view.normalized;
    return figures;
}
function loraReport(view) {
    const failing = view.modules.filter((m) => m.status !== 'loadable');
    // Shape mismatches first: they are the "right model family, wrong size" case users most need to see.
    failing.sort((a, b) => (a.status === b.status ? 0 : a.status === 'shape-mismatch' ? -1 : 1));
    const coverage = buildCoverage(view.modules, view.baselineBlocks);
    return {
        convention: view.convention,
        modules: view.moduleCount,
        loadable: view.loadable,
        unresolved: failing.filter((m) => m.status === 'unresolved').length,
        shapeMismatch: failing.filter((m) => m.status === 'shape-mismatch').length,
        failures: failing.slice(0, MAX_FAILURES_IN_REPORT).map((m) => ({
            module: m.name,
            status: m.status,
            detail: m.detail ?? (m.status === 'unresolved' ? 'no matching baseline key' : 'shape mismatch')
        })),
        failuresTotal: failing.length,
        ...(coverage ? { coverage } : {})
    };
}
function loraFlags(view) {
    const flags = [...view.flags];
    const has = (id) => flags.some((f) => f.id === id);
    const mismatched = view.modules.filter((m) => m.status === 'shape-mismatch');
    const unresolved = view.modules.filter((m) => m.status === 'unresolved');
    if (mismatched.length > 0 && !has('shape-mismatch')) {
        flags.push({
            id: 'shape-mismatch',
            severity: 'red',
            title: 'Shape mismatch',
            evidence: `${mismatched.length} of ${view.moduleCount} modules do not fit the baseline's shapes` +
                (mismatched[0].detail ? ` (e.g. ${mismatched[0].name}: ${mismatched[0].detail})` : '')
        });
    }
    if (unresolved.length > 0 && !has('unresolved-modules')) {
        flags.push({
            id: 'unresolved-modules',
            severity: 'red',
            title: 'Unresolved modules',
            evidence: view.loader !== undefined && view.loader !== 'any'
                ? `${unresolved.length} of ${view.moduleCount} modules do not load in ${loaders_verdict/* LOADER_LABELS */.s[view.loader]} (e.g. ${unresolved[0].name})`
                : `${unresolved.length} of ${view.moduleCount} modules target no baseline key (e.g. ${unresolved[0].name})`
        });
    }
    if (view.moduleCount > 0 && mismatched.length === 0 && unresolved.length === 0 && !has('all-loadable')) {
        flags.push({
            id: 'all-loadable',
            severity: 'green',
            title: 'Every module loads',
            evidence: `${view.moduleCount} modules resolve to baseline keys with matching shapes`
        });
    }
    return flags;
}
function checkpointFlags(view) {
    // The comparison's red `shapes` flag says what the gate's `shape-mismatch` says: keep one (the one `fail-on`
    // names), so the reasons and the red count do not show the same finding twice.
    const flags = view.flags.filter((f) => !(f.id === 'shapes' && f.severity === 'red'));
    if (view.shapes.mismatched > 0 && !flags.some((f) => f.id === 'shape-mismatch')) {
        const e = view.shapes.examples[0];
        const common = view.shapes.matching + view.shapes.mismatched;
        flags.push({
            id: 'shape-mismatch',
            severity: 'red',
            title: 'Shape mismatch',
            evidence: `${view.shapes.mismatched} of ${common} common tensors have different shapes` +
                (e ? ` (e.g. ${e.key}: ${(0,format/* formatShape */.BB)(e.artifact)} vs baseline ${(0,format/* formatShape */.BB)(e.baseline)})` : '')
        });
    }
    return flags;
}
/** The tiers of the comparison, applied to a LoRA's loadable share (a percentage here, a fraction there). */
function tierOf(figure) {
    return (0,verdict/* tierOf */.kx)(figure / 100);
}
/**
 * Reasons without repeats: a reason already quoted inside an earlier one (a module's detail that a flag's "e.g."
 * already gives) is left out too.
 */
function dedupe(items) {
    const out = [];
    for (const item of items)
        if (!out.some((kept) => kept.includes(item)))
            out.push(item);
    return out;
}

;// CONCATENATED MODULE: ./src/gate/evaluate.ts





function evaluateGate(run) {
    const documents = [];
    const usedNames = new Set(['gate-report.json']);
    // inputs that share a checkpoint object (identical headers, src/formats/header-cache.ts) are judged once
    const judged = new WeakMap();
    const judge = (ckpt) => {
        let j = judged.get(ckpt);
        if (j === undefined)
            judged.set(ckpt, (j = judgeCheckpoint(ckpt, run)));
        return j;
    };
    const artifacts = run.inputs.map((input) => {
        const j = input.judged ?? (input.checkpoint !== undefined ? judge(input.checkpoint) : undefined);
        if (j === undefined)
            return unreadableRow(input, run.policy).report;
        const { report, document } = placeJudged(j, input.path);
        if (document !== undefined && report.kind) {
            const name = uniqueName(input.path, report.kind === 'lora' ? '.lora.json' : '.mapping.json', usedNames);
            const at = input.location ?? input.path;
            documents.push({
                name,
                content: document,
                ...(at !== j.path ? { retarget: { from: j.path, to: at } } : {})
            });
            report.document = name;
        }
        return report;
    });
    const figures = artifacts.map((a) => a.figure).filter((f) => f !== undefined);
    const passed = artifacts.length > 0 && artifacts.every((a) => a.status === 'pass');
    const report = {
        schemaVersion: 1,
        tool: { ...run.tool },
        passed,
        verdict: verdictOf(artifacts),
        overlap: figures.length > 0 ? Math.min(...figures) : null,
        policy: {
            threshold: run.policy.threshold,
            metric: run.policy.metric,
            failOn: [...run.policy.failOn],
            ...(run.policy.allowGlobals?.length ? { allowGlobals: [...run.policy.allowGlobals] } : {}),
            ...(gatesRuntimes(run.policy) ? { loaders: [...run.policy.loaders] } : {})
        },
        baseline: {
            path: run.baseline.path,
            format: run.baseline.format,
            tensors: run.baseline.tensors.length,
            ...(run.baselineFromCache !== undefined ? { fromCache: run.baselineFromCache } : {})
        },
        artifacts,
        message: ''
    };
    report.message = failureMessage(report);
    return { report, documents };
}
const TIER_ORDER = ['compatible', 'partial', 'incompatible', 'error'];
function verdictOf(artifacts) {
    let worst = 'compatible';
    for (const a of artifacts) {
        const v = a.status === 'error' ? 'error' : (a.tier ?? 'incompatible');
        if (TIER_ORDER.indexOf(v) > TIER_ORDER.indexOf(worst))
            worst = v;
    }
    return artifacts.length === 0 ? 'error' : worst;
}
/** Failing artifacts the message lists before "and N more"; the report and the summary list them all. */
const MAX_MESSAGE_ARTIFACTS = 5;
/** A message line stays readable in a log, an annotation and a terminal. */
const MAX_MESSAGE_LINE = 240;
const MAX_MESSAGE_REASON = 110;
const MESSAGE_REASONS = 2;
/**
 * The failure message (core.setFailed, the CLI's stderr, the top of the summary): a head line, then one line per
 * failing artifact with its gated figure against the threshold and its top reasons, cut to a readable length.
 * The full reasons are in the report and in each artifact's section of the summary.
 */
function failureMessage(report) {
    if (report.passed)
        return '';
    if (report.artifacts.length === 0)
        return 'No artifacts to gate.';
    const bad = report.artifacts.filter((a) => a.status !== 'pass');
    const total = report.artifacts.length;
    const lines = [`Compatibility gate failed for ${bad.length} of ${total} artifact${total === 1 ? '' : 's'}:`];
    // Each line printable: a path or name from a file must not break the message into lines of its own (in a CI
    // log a line that starts `::error::` is a workflow command) nor put an ESC on a terminal.
    for (const a of bad.slice(0, MAX_MESSAGE_ARTIFACTS))
        lines.push((0,util_text/* printable */.g)(failureLine(a, report.policy.threshold)));
    const more = bad.length - MAX_MESSAGE_ARTIFACTS;
    if (more > 0)
        lines.push(`  and ${more} more artifact${more === 1 ? '' : 's'}`);
    return lines.join('\n');
}
function failureLine(a, threshold) {
    if (a.status === 'error') {
        const message = a.error?.message ?? 'could not be read';
        return (0,format/* cutText */.IN)(`  ${message.includes(a.path) ? message : `${a.path}: ${message}`}`, MAX_MESSAGE_LINE);
    }
    const parts = [];
    // The figure against the threshold in its short form, in its place among the reasons.
    const long = a.metric && a.figure !== undefined && a.figure < threshold
        ? (0,format/* thresholdReason */.Ev)(a.metric, a.figure, threshold)
        : undefined;
    const short = (r) => r === long
        ? `${a.metric} ${(0,figures/* formatPercent */.l)(a.figure)} < threshold ${(0,format/* formatThreshold */.B6)(threshold)}`
        : shortReason(r, a.flags);
    // The first reason always (cut if need be), the next only when it fits whole.
    for (const [i, r] of a.reasons.slice(0, MESSAGE_REASONS + (long ? 1 : 0)).entries()) {
        const next = [...parts, short(r)];
        if (i > 0 && lineOf(a.path, next).length > MAX_MESSAGE_LINE)
            break;
        parts.splice(0, parts.length, ...next);
    }
    return (0,format/* cutText */.IN)(lineOf(a.path, parts), MAX_MESSAGE_LINE);
}
function lineOf(path, parts) {
    return `  ${path}: ${parts.join(' · ')}`;
}
/**
 * A reason short enough for the message. A flag whose title states the facts ("Different hidden dims: 64 vs 128")
 * goes without its evidence; one whose title is only a label ("Likely cause") keeps the evidence, cut.
 */
function shortReason(reason, flags) {
    if (reason.length <= MAX_MESSAGE_REASON)
        return reason;
    const flag = flags.find((f) => flagText(f) === reason);
    if (flag && /[\d:(]/.test(flag.title))
        return (0,format/* cutText */.IN)(flag.title, MAX_MESSAGE_REASON);
    return (0,format/* cutText */.IN)(reason, MAX_MESSAGE_REASON);
}
/** `dir/My LoRA.safetensors` -> `My_LoRA.safetensors.lora.json`, suffixed -2, -3 ... when taken. */
function uniqueName(path, suffix, used) {
    const base = (path
        .split(/[\\/]/)
        .filter((p) => p !== '')
        .pop() ?? 'artifact').replace(/[^A-Za-z0-9._-]+/g, '_');
    const stem = base.replace(/^\.+/, '').slice(0, 120) || 'artifact';
    let name = `${stem}${suffix}`;
    for (let i = 2; used.has(name); i++)
        name = `${stem}-${i}${suffix}`;
    used.add(name);
    return name;
}

// EXTERNAL MODULE: ./src/report/format.ts
var report_format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/layout.ts
var layout = __webpack_require__(1894);
;// CONCATENATED MODULE: ./src/report/gate-console.ts
/**
 * The gate's report for a terminal (`model-compat gate` without --json or --markdown): the gate result first (how
 * many artifacts fail, and any dangerous pickle global), one row per artifact with failures first (status, gated
 * figure, flag counts, top reason), then a short section per artifact that did not pass or passed with red or
 * warning flags or a metric note (its reasons, its other red and warning flags, a few of the modules or keys at
 * fault). Lists are cut with a count of what was left out; the Markdown and the JSON report have everything.
 * Fitted to `width`: paths are shortened in the middle, reasons wrap. Pure: data in, string out; colour only when
 * asked for, and every flag carries a word or symbol besides its colour.
 */





const DEFAULT_ROWS = 5;
const DEFAULT_SECTIONS = 10;
/** Long evidence (a flag's quoted keys and shapes) is cut here, between words; the JSON report has it whole. */
const MAX_LINE = 200;
/**
 * Failures first: a flag that fails the gate by itself (a dangerous pickle global), then unreadable artifacts,
 * then the other failures, then passes with warnings, then clean passes; each group in the order given.
 */
function failuresFirst(items) {
    const rank = (a) => a.status === 'fail' && a.flags.some((f) => f.failsGate)
        ? 0
        : a.status === 'error'
            ? 1
            : a.status === 'fail'
                ? 2
                : a.flags.some((f) => f.severity !== 'green')
                    ? 3
                    : 4;
    return items
        .map((a, i) => ({ a, i, r: rank(a) }))
        .sort((x, y) => x.r - y.r || x.i - y.i)
        .map((x) => x.a);
}
function renderGateConsole(report, options) {
    const k = (0,report_format/* colors */.Tj)(options.color);
    const maxRows = Math.max(1, options.maxRows ?? DEFAULT_ROWS);
    const maxSections = Math.max(0, options.maxSections ?? DEFAULT_SECTIONS);
    const width = options.width ?? Number.POSITIVE_INFINITY;
    const where = (file) => options.fullReportHint
        ? `all are in ${file ? clean(file) : 'the report folder'}, ${clean(options.fullReportHint)}`
        : (options.noReportHint && clean(options.noReportHint)) || 'all are in the JSON report';
    const artifacts = failuresFirst(report.artifacts);
    // The folder every artifact shares is said once, in the head; the rows show the rest of each path.
    const folder = (0,report_format/* commonFolder */.Mp)(artifacts.map((a) => a.path));
    let out = verdictLines(report, k, width, folder);
    if (artifacts.length > 0) {
        out +=
            '\n' +
                (0,layout/* fitTable */.SM)(artifacts.map((a) => artifactRow(a, k, folder)), { width, fit: ['fixed', 'shorten', 'fixed', 'fixed', 'fixed', 'wrap'] });
    }
    // A passing artifact gets a section for its red flags (an 83% loadable LoRA passes a threshold of 80 with 80
    // modules that do not load: the row alone would hide them), its warnings, or a note on the metric (gated on
    // another figure than the one asked for).
    const noted = artifacts.filter((a) => a.status !== 'pass' || a.metricNote || a.flags.some((f) => f.severity !== 'green'));
    const { shown, omitted } = (0,report_format/* cutList */.f6)(noted, maxSections);
    for (const a of shown)
        out += '\n' + artifactSection(a, k, maxRows, where, width);
    if (omitted > 0) {
        out +=
            '\n' +
                k.dim(`... ${(0,report_format/* plural */.LS)(omitted, 'more artifact', 'more artifacts')} with failures or warnings (--markdown or --json)`) +
                '\n';
    }
    return out;
}
/** Artifacts that import a dangerous pickle global: said in the answer line, whatever else failed. */
function dangerousCount(r) {
    return r.artifacts.filter((a) => a.flags.some((f) => f.id === 'dangerous-globals')).length;
}
/**
 * `✗ FAILED: 2 of 4 artifacts do not pass; 1 imports dangerous pickle globals (threshold 80% on auto)`, then the
 * policy and the baseline on an indented line.
 */
function verdictLines(r, k, width, folder) {
    const bad = r.artifacts.filter((a) => a.status !== 'pass').length;
    const total = r.artifacts.length;
    const head = r.passed
        ? `${(0,report_format/* mark */.Gy)('good', k)} ${k.green(k.bold('PASSED'))}`
        : `${(0,report_format/* mark */.Gy)('bad', k)} ${k.red(k.bold('FAILED'))}`;
    const what = r.passed
        ? total === 1
            ? 'the artifact passes'
            : `all ${(0,report_format/* plural */.LS)(total, 'artifact')} pass`
        : `${bad} of ${(0,report_format/* plural */.LS)(total, 'artifact')} ${bad === 1 ? 'does' : 'do'} not pass`;
    const danger = dangerousCount(r);
    const dangerText = danger > 0
        ? `; ${k.red(`${danger} ${danger === 1 ? 'imports' : 'import'} dangerous pickle globals`)}`
        : '';
    const figure = r.overlap === null ? 'n/a' : (0,figures/* formatPercent */.l)(r.overlap);
    const failOn = r.policy.failOn.length > 0 ? r.policy.failOn.join(', ') : 'none';
    return ((0,layout/* paragraph */.FY)(`${head}: ${what}${dangerText} (lowest gated figure ${figure}, threshold ${(0,format/* formatThreshold */.B6)(r.policy.threshold)})`, width, '', '  ') +
        k.dim((0,layout/* paragraph */.FY)(`verdict ${r.verdict} · metric ${r.policy.metric} · fail-on ${failOn} · ` +
            `baseline ${clean(r.baseline.path)} (${r.baseline.format}, ${(0,report_format/* plural */.LS)(r.baseline.tensors, 'tensor')})` +
            (folder ? ` · artifacts in ${clean(folder)}` : ''), width, '  ')));
}
function artifactRow(a, k, folder) {
    const path = clean(folder && a.path.startsWith(folder) ? a.path.slice(folder.length) : a.path);
    const status = a.status === 'pass'
        ? `${(0,report_format/* mark */.Gy)('good', k)} ${k.green('PASS')}`
        : a.status === 'fail'
            ? `${(0,report_format/* mark */.Gy)('bad', k)} ${k.red('FAIL')}`
            : `${(0,report_format/* mark */.Gy)('warn', k)} ${k.yellow('ERROR')}`;
    if (a.status === 'error') {
        return [status, path, 'unreadable', a.error?.code ?? 'error', '', cut(a.error?.message ?? '')];
    }
    const kind = a.kind === 'lora' ? `LoRA (${clean(a.lora?.convention ?? '?')})` : `checkpoint (${a.format ?? '?'})`;
    const figure = a.metric && a.figure !== undefined ? `${a.metric} ${(0,figures/* formatPercent */.l)(a.figure)}` : 'n/a';
    return [status, path, kind, figure, flagCounts(a.flags, k), cut(topReason(a))];
}
/** `2 red, 1 warning, 3 green`; `-` when there are none. */
function flagCounts(flags, k) {
    const count = (sev) => flags.filter((f) => f.severity === sev).length;
    const parts = [
        [count('red'), 'red', k.red],
        [count('warning'), 'warning', k.yellow],
        [count('green'), 'green', k.green]
    ];
    return (parts
        .filter(([n]) => n > 0)
        .map(([n, label, paint]) => paint(label === 'warning' ? (0,report_format/* plural */.LS)(n, 'warning') : `${n} ${label}`))
        .join(', ') || '-');
}
/**
 * The row's reason: for a failure the first one beyond the figure (which the row already shows), for a pass the
 * first warning, if any.
 */
function topReason(a) {
    if (a.status === 'fail') {
        const beyond = a.reasons.filter((r) => !/ is under the .* threshold$/.test(r));
        return beyond[0] ?? a.reasons[0] ?? '';
    }
    return a.flags.find((f) => f.severity === 'warning')?.title ?? '';
}
function artifactSection(a, k, maxRows, where, width) {
    const warned = a.flags.some((f) => f.severity !== 'green');
    const label = a.status === 'pass'
        ? warned
            ? `${(0,report_format/* mark */.Gy)('warn', k)} ${k.yellow('passes, with warnings')}`
            : `${(0,report_format/* mark */.Gy)('good', k)} ${k.dim('passes')}`
        : a.status === 'fail'
            ? `${(0,report_format/* mark */.Gy)('bad', k)} ${k.red('fails')}`
            : `${(0,report_format/* mark */.Gy)('warn', k)} ${k.yellow('error')}`;
    const line = (text, first = '  ', indent = '    ') => (0,layout/* paragraph */.FY)(text, width, first, indent);
    let out = `${k.bold(clean(a.path))}: ${label}\n`;
    if (a.status === 'error')
        return out + line(cut(a.error?.message ?? 'could not be read'));
    if (a.metricNote)
        out += k.dim(line(cut(a.metricNote)));
    // The report keeps at most a handful of reasons, most important first: all of them are shown.
    if (a.status === 'fail')
        for (const r of a.reasons)
            out += line(cut(r), '  - ');
    if (a.lora?.loaders) {
        const figures = a.lora.loaders.map((l) => {
            const text = `${loaders_verdict/* LOADER_LABELS */.s[l.loader]} ${l.loaded}/${l.modules}${l.fileError !== undefined ? ' (file refused)' : ''}`;
            return l.passed ? k.green(text) : k.red(text);
        });
        out += line(`loads in: ${figures.join(', ')}`);
    }
    // Flags already given as reasons are not repeated; green ones are for the Markdown.
    const others = a.flags.filter((f) => f.severity !== 'green' && !a.reasons.includes(flagText(f)));
    const flags = (0,report_format/* cutList */.f6)(others, maxRows);
    for (const f of flags.shown) {
        const tag = f.severity === 'red' ? `${(0,report_format/* mark */.Gy)('bad', k)} ${k.red('red')}` : `${(0,report_format/* mark */.Gy)('warn', k)} ${k.yellow('warning')}`;
        out += line(`${cut(flagText(f))}${f.failsGate ? ' (fails the gate)' : ''}`, `  ${tag} `);
    }
    if (flags.omitted > 0)
        out += k.dim(`  ... ${(0,report_format/* plural */.LS)(flags.omitted, 'more flag', 'more flags')}`) + '\n';
    if (a.lora && a.lora.failuresTotal > 0) {
        const l = a.lora;
        out += line(`${l.failuresTotal} of ${(0,report_format/* plural */.LS)(l.modules, 'module')} do not load (${l.shapeMismatch} shape mismatch, ${l.unresolved} unresolved):`);
        const picked = interleaveByStatus(l.failures).slice(0, maxRows);
        out += (0,layout/* fitTable */.SM)(picked.map((f) => [
            clean(f.module),
            f.status === 'shape-mismatch' ? 'shape mismatch' : f.status,
            cut(f.detail)
        ]), { indent: '    ', width, fit: ['shorten', 'fixed', 'wrap'] });
        const more = l.failuresTotal - picked.length;
        if (more > 0)
            out += k.dim(line(`... ${more} more; ${where(a.document)}`, '    ', '      '));
    }
    const c = a.checkpoint;
    if (c) {
        if (c.shapes.mismatched > 0) {
            out += line(`${(0,report_format/* plural */.LS)(c.shapes.mismatched, 'common tensor')} with other shapes (artifact vs baseline):`);
            const examples = c.shapes.examples.slice(0, maxRows);
            out += (0,layout/* fitTable */.SM)(examples.map((e) => [clean(e.key), (0,format/* formatShape */.BB)(e.artifact), (0,format/* formatShape */.BB)(e.baseline)]), { indent: '    ', width, fit: ['shorten', 'fixed', 'fixed'] });
            const more = c.shapes.mismatched - examples.length;
            if (more > 0)
                out += k.dim(line(`... ${more} more; ${where(a.document)}`, '    ', '      '));
        }
        const u = c.unmatched;
        if (u.artifactTotal > 0 || u.baselineTotal > 0) {
            const sample = u.artifact.slice(0, 3).map(clean);
            out += line(`${(0,report_format/* plural */.LS)(u.artifactTotal, 'key')} only in the artifact, ${u.baselineTotal} only in the baseline` +
                (sample.length > 0 ? ` (e.g. ${sample.join(', ')})` : ''));
        }
    }
    return out;
}
/** Shape mismatches and unresolved modules in turn, so a short list shows both kinds of failure. */
function interleaveByStatus(items) {
    const groups = new Map();
    for (const x of items) {
        const g = groups.get(x.status);
        if (g)
            g.push(x);
        else
            groups.set(x.status, [x]);
    }
    const lists = [...groups.values()];
    const out = [];
    for (let i = 0; out.length < items.length; i++)
        for (const g of lists)
            if (i < g.length)
                out.push(g[i]);
    return out;
}
function cut(text, max = MAX_LINE) {
    return (0,format/* cutText */.IN)(clean(text), max);
}
/**
 * Names and evidence come from hostile files: control characters (an ESC starting a terminal sequence, a CR
 * rewriting the line) are shown as `?`.
 */
const clean = report_format/* printable */.g$;

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/formats/budget.ts
var formats_budget = __webpack_require__(5407);
// EXTERNAL MODULE: ./src/formats/write-file.ts
var write_file = __webpack_require__(6662);
// EXTERNAL MODULE: ./src/formats/header-cache.ts
var header_cache = __webpack_require__(8012);
// EXTERNAL MODULE: ./src/formats/http/url.ts
var url = __webpack_require__(9740);
// EXTERNAL MODULE: ./src/compare/index.ts + 7 modules
var compare = __webpack_require__(9875);
// EXTERNAL MODULE: ./src/lora/index.ts
var src_lora = __webpack_require__(1188);
// EXTERNAL MODULE: ./src/lora/report.ts
var report = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/lora/loaders/index.ts + 9 modules
var loaders = __webpack_require__(8360);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/gate/evidence.ts
/**
 * The comparison's flag evidence (src/compare/verdict.ts: `{ hiddenDimA, evidenceA, layoutsA, ... }`) as sentences
 * for people. The comparison calls its two models A and B; the gate compares an artifact (A) against the baseline
 * (B), so the sides are named that way. Values the flag's title already states are left out: a title that reads
 * "different hidden dims: 64 vs 128" needs only the tensors the dims were read from.
 */


const MAX_EVIDENCE = 400;
const MAX_VALUE = 120;
const sides = (label) => (v) => `${label}artifact ${show(v[0])}, baseline ${show(v[1])}`;
/** Keys of src/compare/verdict.ts, in the order they read best. Pairs (xA, xB) become one fact. */
const RULES = [
    // The printable lines a red family or hidden-dim flag carries for the comparison's renderers (`because`, `sizes`)
    // and the detector's confidences: the gate lists the size flags as reasons of their own, and its report carries
    // the comparison document with the rest; repeated here they would only lengthen every reason line.
    { keys: ['because', 'sizes', 'confidenceA', 'confidenceB'], render: () => undefined },
    // hidden-dim: the tensors (and shapes) each side's dim was read from.
    {
        keys: ['evidenceA', 'evidenceB'],
        render: (v) => `artifact: ${readFrom(v[0])}; baseline: ${readFrom(v[1])}`
    },
    { keys: ['hiddenDimA', 'hiddenDimB'], render: sides('hidden dim: ') },
    { keys: ['layoutsA', 'layoutsB'], render: sides('attention: ') },
    // block-count (block family prefixes) and model-family (family names).
    { keys: ['familyA', 'familyB'], render: (v) => `artifact: ${show(v[0])}; baseline: ${show(v[1])}` },
    { keys: ['blocksA', 'blocksB'], render: sides('blocks: ') },
    // block-family: one side's family with no counterpart.
    {
        keys: ['side', 'family', 'blocks'],
        requires: 'side',
        render: (v) => `${v[0] === 'a' ? 'the artifact' : v[0] === 'b' ? 'the baseline' : show(v[0])} has ${show(v[1])}` +
            (v[2] !== undefined ? ` (${show(v[2])} blocks)` : '')
    },
    // naming: overlap shares in [0, 1].
    { keys: ['exact'], render: (v) => `exact overlap ${share(v[0])}` },
    { keys: ['normalized'], render: (v) => `overlap after stripping prefixes ${share(v[0])}` },
    { keys: ['mapped'], render: (v) => `mapped overlap ${share(v[0])}` },
    {
        keys: ['strippedA', 'strippedB'],
        render: (v) => `prefixes stripped: artifact ${prefixes(v[0])}, baseline ${prefixes(v[1])}`
    },
    { keys: ['renames'], render: (v) => `${show(v[0])} renames at medium or high confidence` },
    {
        keys: ['mediumOrHighMappings'],
        render: (v) => `${show(v[0])} mappings proposed at medium or high confidence`
    },
    // shapes.
    {
        keys: ['matching'],
        render: (v) => `${show(v[0])} common ${v[0] === 1 ? 'key' : 'keys'} with matching shapes`
    },
    { keys: ['differing'], render: (v) => (v[0] === 0 ? undefined : `${show(v[0])} with different shapes`) },
    { keys: ['examples'], render: (v) => shapeExamples(v[0]) }
];
/**
 * The evidence as text: known keys with their labels, unknown keys in a generic readable form ("some count:
 * artifact 3, baseline 4"), leaving out what the flag's title (`message`) already states.
 */
function evidenceText(evidence, message = '') {
    const stated = statedIn(message);
    const used = new Set();
    const parts = [];
    for (const rule of RULES) {
        if (rule.requires ? !(rule.requires in evidence) : !rule.keys.some((k) => k in evidence))
            continue;
        const values = rule.keys.map((k) => evidence[k]);
        rule.keys.forEach((k) => used.add(k));
        if (values.every((v) => v === undefined || stated(v)))
            continue;
        const text = rule.render(values);
        if (text)
            parts.push(text);
    }
    parts.push(...genericParts(evidence, used, stated));
    return (0,format/* cutText */.IN)(parts.join('; '), MAX_EVIDENCE);
}
/**
 * Whether the title already states a value: strings as written, numbers as whole words ("64", not the 6 of
 * "0.6%"), shares in [0, 1] as the comparison prints them ("12.5%"), lists when every item is stated.
 */
function statedIn(message) {
    const words = new Set(message.split(/[^A-Za-z0-9_.+\-[\]]+/).filter((w) => w !== ''));
    const stated = (v) => {
        if (Array.isArray(v))
            return v.length > 0 && v.every(stated);
        if (typeof v === 'string')
            return v !== '' && message.includes(v);
        if (typeof v === 'number') {
            return words.has(String(v)) || (v >= 0 && v <= 1 && message.includes(share(v)));
        }
        return false;
    };
    return stated;
}
/**
 * Keys no rule knows: `someCountA` and `someCountB` pair up (`some count: artifact 3, baseline 4`), a lone one
 * says its side (`some count (baseline): 4`), the rest read `some count: value`.
 */
function genericParts(evidence, used, stated) {
    const parts = [];
    for (const [key, value] of Object.entries(evidence)) {
        if (used.has(key) || value === undefined)
            continue;
        used.add(key);
        const side = /^([a-z][A-Za-z0-9]*?)([AB])$/.exec(key);
        if (side) {
            const [a, b] = [`${side[1]}A`, `${side[1]}B`];
            if (a in evidence && b in evidence) {
                used.add(a).add(b);
                if ([evidence[a], evidence[b]].every((v) => v === undefined || stated(v)))
                    continue;
                parts.push(`${words(side[1])}: artifact ${show(evidence[a])}, baseline ${show(evidence[b])}`);
                continue;
            }
            if (!stated(value))
                parts.push(`${words(side[1])} (${side[2] === 'A' ? 'artifact' : 'baseline'}): ${show(value)}`);
            continue;
        }
        if (!stated(value))
            parts.push(`${words(key)}: ${show(value)}`);
    }
    return parts;
}
/** `mediumOrHighMappings` -> `medium or high mappings`; `strippedA` -> `stripped a`. */
function words(key) {
    return key
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/[_-]+/g, ' ')
        .toLowerCase()
        .trim();
}
function share(v) {
    return typeof v === 'number' && Number.isFinite(v) ? (0,figures/* formatShare */.T)(v) : show(v);
}
/** `blocks.*.attn.qkv.weight [192, 64] in-features` -> `... [192, 64] (in-features)`: the shape, then which dim. */
function readFrom(v) {
    return show(v).replace(/\] in-features$/, '] (in-features)');
}
function prefixes(v) {
    return Array.isArray(v) && v.length > 0 ? v.map(show).join(', ') : 'none';
}
/** `[{ key, shapeA, shapeB }]` (ShapeDifference) -> `e.g. head.weight [2, 3] vs baseline [2, 4]`. */
function shapeExamples(v) {
    if (!Array.isArray(v) || v.length === 0)
        return undefined;
    const items = v.slice(0, 2).map((d) => {
        const x = d;
        return isShape(x.shapeA) && isShape(x.shapeB)
            ? `${show(x.key)} ${(0,format/* formatShape */.BB)(x.shapeA)} vs baseline ${(0,format/* formatShape */.BB)(x.shapeB)}`
            : show(d);
    });
    return `e.g. ${items.join(', ')}`;
}
function isShape(v) {
    return Array.isArray(v) && v.every((n) => typeof n === 'number');
}
/** A value as text: lists joined with commas, objects as compact JSON, everything bounded. */
function show(v) {
    let text;
    if (typeof v === 'string')
        text = v;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
        text = String(v);
    else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
        text = v.join(', ');
    else if (v === null || v === undefined)
        text = 'none';
    else {
        try {
            text = JSON.stringify(v) ?? String(v);
        }
        catch {
            text = String(v);
        }
    }
    return (0,format/* cutText */.IN)(text, MAX_VALUE);
}
/**
 * The comparison's flag titles speak of "A" and "B" in a few places ("A's blocks (4 blocks) has no counterpart in
 * B", "60.0% of A mapped"); in the gate, A is the artifact and B the baseline. The first letter is capitalised so
 * the comparison's titles read like the gate's own ("Shape mismatch", "Likely cause").
 */
function flagTitle(message) {
    const text = message
        .replace(/\bA's\b/g, "the artifact's")
        .replace(/\bB's\b/g, "the baseline's")
        .replace(/\b(in|of|from|to|than) A\b/g, '$1 the artifact')
        .replace(/\b(in|of|from|to|than) B\b/g, '$1 the baseline')
        .replace(/^A is\b/, 'the artifact is')
        .replace(/^B is\b/, 'the baseline is');
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/gate/engines.ts
/**
 * The adapter from the real engines (src/compare, src/lora) to the narrow views the gate needs (types.ts): figures
 * become percentages, flags get string evidence, module results get their block and layer kind. The baseline's
 * LoRA index and block counts are built once per baseline, however many LoRAs are gated against it.
 */







const MAX_LISTED_KEYS = 200;
const MAX_SAMPLE_MAPPINGS = 20;
function kindsOnly(r) {
    for (const x of r.results) {
        if (x.why)
            x.reason = x.why.kind;
        if (x.causeWhy)
            x.cause = x.causeWhy.kind;
    }
    for (const c of r.causes)
        c.cause ??= c.why?.kind;
    return r;
}
function defaultEngines(words = kindsOnly) {
    const indexes = new WeakMap();
    const analyses = new WeakMap();
    const analysisOf = (c) => {
        let a = analyses.get(c);
        if (!a)
            analyses.set(c, (a = (0,src_lora/* analyzeLora */.hL)(c)));
        return a;
    };
    const indexOf = (c) => {
        let i = indexes.get(c);
        if (!i)
            indexes.set(c, (i = (0,src_lora/* buildBaseIndex */.uR)(c)));
        return i;
    };
    // The resolver's answer per LoRA, kept for the other loaders of the same gate run (a profile starts from it).
    const resolved = new WeakMap();
    const resolutionOf = (lora, baseline) => {
        const hit = resolved.get(lora);
        if (hit && hit.baseline === baseline)
            return hit.resolution;
        const resolution = words((0,src_lora/* resolveLora */.PQ)(analysisOf(lora), indexOf(baseline)));
        resolved.set(lora, { baseline, resolution });
        return resolution;
    };
    return {
        isLora: (c) => isLoraAnalysis(analysisOf(c), c),
        compare: (artifact, baseline) => compareView((0,compare/* compareCheckpoints */.xt)(artifact, baseline)),
        resolveLora: (lora, baseline, loader = 'any') => {
            const analysis = analysisOf(lora);
            const any = resolutionOf(lora, baseline);
            const resolution = (0,loaders/* applyLoader */.e_)(loader, analysis, any, indexOf(baseline));
            return loraView(analysis, resolution, baseline);
        }
    };
}
/**
 * A LoRA is a file whose keys are mostly adapter tensors (down/up, LoHa/LoKr factors, diffs, alphas). A full
 * checkpoint yields no modules at all; a checkpoint with a few stray adapter keys stays a checkpoint.
 */
function isLoraAnalysis(a, ckpt) {
    if (a.modules.length === 0)
        return false;
    const adapterTensors = a.modules.reduce((n, m) => n + m.tensors.length, 0);
    return adapterTensors * 2 >= ckpt.tensors.length;
}
// ---------------------------------------------------------------------------------------------------------------
// Checkpoints
function compareView(c) {
    return {
        figures: {
            exact: 100 * c.overlap.exact,
            normalized: 100 * c.overlap.normalized,
            mapped: 100 * c.overlap.mapped
        },
        tier: c.verdict.tier,
        shapes: {
            matching: c.shapes.matching,
            mismatched: c.shapes.differing.length,
            examples: c.shapes.differing
                .slice(0, MAX_LISTED_KEYS)
                .map((d) => ({ key: d.key, artifact: d.shapeA, baseline: d.shapeB }))
        },
        flags: c.flags.map(engineFlag),
        unmatched: {
            artifact: c.unmatched.a.slice(0, MAX_LISTED_KEYS),
            baseline: c.unmatched.b.slice(0, MAX_LISTED_KEYS),
            artifactTotal: c.unmatched.a.length,
            baselineTotal: c.unmatched.b.length
        },
        sampleMappings: sampleMappings(c.mappings),
        document: (0,compare/* toMappingFile */.cx)(c, version/* TOOL */.j)
    };
}
/** A comparison flag in the gate's words: the artifact and the baseline rather than A and B, readable evidence. */
function engineFlag(f) {
    return {
        id: f.code,
        severity: f.kind,
        title: flagTitle(f.message),
        evidence: evidenceText(f.evidence, f.message)
    };
}
/** High-confidence structural mappings first (splits and fuses are the interesting ones), then the rest. */
function sampleMappings(mappings) {
    const rank = (m) => (m.confidence === 'high' ? 0 : m.confidence === 'medium' ? 2 : 4) + (m.kind === 'rename' ? 1 : 0);
    return [...mappings]
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, MAX_SAMPLE_MAPPINGS)
        .map((m) => ({ source: [...m.source], target: [...m.target], kind: m.kind, confidence: m.confidence }));
}
// ---------------------------------------------------------------------------------------------------------------
// LoRAs
function loraView(analysis, resolution, baseline) {
    const series = mainSeries(analysis);
    const modules = resolution.results.map((r, i) => {
        const m = analysis.modules[i];
        const view = { name: r.stem, status: statusOf(r) };
        if (r.target)
            view.target = r.target.key;
        if (m?.stem === r.stem) {
            if (m.block && m.block.series === series)
                view.block = m.block.index;
            view.layerKind = coarseKind(m.layerKind);
        }
        if (view.status !== 'loadable')
            view.detail = detailOf(r);
        return view;
    });
    const ok = resolution.counts.ok;
    const view = {
        convention: analysis.mixed
            ? `mixed (${analysis.conventions.map((c) => c.convention).join(', ')})`
            : (analysis.primary ?? 'unknown'),
        moduleCount: resolution.modules,
        // From the counts, not the rounded loadablePercent: 99.996% must not pass a 100% threshold.
        loadable: (0,format/* percent */.KN)(ok, resolution.modules),
        modules,
        flags: engines_loraFlags(analysis, resolution),
        // The resolution document of schemas/lora.schema.json (kind lora-resolution): the per-module results are in
        // `resolution`, so the analysis goes without its module list.
        document: {
            schemaVersion: 2,
            tool: { ...version/* TOOL */.j },
            kind: 'lora-resolution',
            analysis: (0,report/* summarizeAnalysis */.G0)(analysis, false),
            resolution
        }
    };
    if (series) {
        const blocks = blockCount(baseline, series);
        if (blocks > 0)
            view.baselineBlocks = blocks;
    }
    if (resolution.loader !== undefined && resolution.loader !== 'any') {
        const brief = (0,report/* summarizeLoader */.R2)(resolution);
        view.loader = resolution.loader;
        view.brokenLoads = brief.brokenLoads;
        if (brief.fileError !== undefined)
            view.fileError = brief.fileError;
        if (brief.cause !== undefined)
            view.cause = brief.cause;
    }
    return view;
}
function statusOf(r) {
    if (r.status === 'ok')
        return 'loadable';
    return r.status === 'shape-mismatch' ? 'shape-mismatch' : 'unresolved';
}
function detailOf(r) {
    const parts = [];
    if (r.expected)
        parts.push(r.expected);
    if (r.reason)
        parts.push(r.reason);
    if (r.status === 'unresolved' && r.nearest && r.nearest.length > 0)
        parts.push(`nearest: ${r.nearest[0].key} (${r.nearest[0].why})`);
    return parts.join('; ') || (r.status === 'unresolved' ? 'no matching baseline key' : r.status);
}
/** `self-attn q` -> `self-attn`; `text-encoder self-attn q` -> `text-encoder`. */
function coarseKind(label) {
    return label.split(' ')[0] || 'other';
}
/** The block series most modules sit in (`blocks` for Wan, `double_blocks` or `single_blocks` for Flux). */
function mainSeries(a) {
    const counts = new Map();
    for (const m of a.modules)
        if (m.block)
            counts.set(m.block.series, (counts.get(m.block.series) ?? 0) + 1);
    let best;
    for (const [s, n] of counts)
        if (best === undefined || n > (counts.get(best) ?? 0))
            best = s;
    return best;
}
const blockCounts = new WeakMap();
/** Blocks of `series` in the baseline (`blocks.N.` anywhere in a key, after any prefix). */
function blockCount(baseline, series) {
    let cache = blockCounts.get(baseline);
    if (!cache)
        blockCounts.set(baseline, (cache = new Map()));
    const known = cache.get(series);
    if (known !== undefined)
        return known;
    const needle = `${series}.`;
    let max = -1;
    for (const t of baseline.tensors) {
        const at = t.name.indexOf(needle);
        if (at < 0 || (at > 0 && t.name[at - 1] !== '.'))
            continue;
        const rest = t.name.slice(at + needle.length);
        const dot = rest.indexOf('.');
        const n = Number(dot < 0 ? rest : rest.slice(0, dot));
        if (Number.isSafeInteger(n) && n > max)
            max = n;
    }
    cache.set(series, max + 1);
    return max + 1;
}
function engines_loraFlags(a, r) {
    const flags = [];
    if (r.causes.length > 0) {
        flags.push({
            id: 'likely-cause',
            severity: 'red',
            title: 'Likely cause',
            evidence: r.causes
                .slice(0, 3)
                .map((c) => `${c.cause} (${c.modules} module${c.modules === 1 ? '' : 's'})`)
                .join('; ')
        });
    }
    if (a.width !== null && r.baseWidth !== null && a.width !== r.baseWidth) {
        flags.push({
            id: 'hidden-dim',
            severity: 'red',
            title: 'Different hidden dim',
            evidence: `the LoRA's modules take ${a.width} inputs; the baseline's width is ${r.baseWidth}`
        });
    }
    const root = (f) => f.split('-')[0];
    if (a.family && r.baseFamily && a.family !== r.baseFamily && root(a.family) === root(r.baseFamily)) {
        // wan vs wan-diffusers: one network, two naming schemes; the resolver maps between them.
        flags.push({
            id: 'same-family',
            severity: 'green',
            title: 'Same model family, other naming',
            evidence: `module names are ${a.family}; the baseline is ${r.baseFamily}`
        });
    }
    else if (a.family && r.baseFamily && a.family !== r.baseFamily) {
        flags.push({
            id: 'family',
            severity: r.counts.ok === r.modules ? 'warning' : 'red',
            title: 'Different model family',
            evidence: `module names point at ${a.family}; the baseline is ${r.baseFamily}`
        });
    }
    else if (a.family && r.baseFamily) {
        flags.push({ id: 'same-family', severity: 'green', title: 'Same model family', evidence: a.family });
    }
    if (a.mixed) {
        flags.push({
            id: 'mixed-conventions',
            severity: 'warning',
            title: 'Mixed naming conventions',
            evidence: a.conventions.map((c) => `${c.convention} (${c.keyCount} keys)`).join(', ')
        });
    }
    if (a.unknownKeys.length > 0) {
        flags.push({
            id: 'unknown-keys',
            severity: 'warning',
            title: 'Keys that are not adapter tensors',
            evidence: `${a.unknownKeys.length} key(s), e.g. ${a.unknownKeys.slice(0, 3).join(', ')}`
        });
    }
    return flags;
}

// EXTERNAL MODULE: ./src/report/lora-reasons.ts
var lora_reasons = __webpack_require__(6168);
// EXTERNAL MODULE: ./src/report/loader-text.ts
var loader_text = __webpack_require__(4063);
// EXTERNAL MODULE: ./src/report/markdown-text.ts
var markdown_text = __webpack_require__(7141);
;// CONCATENATED MODULE: ./src/report/gate-markdown.ts
/**
 * The gate's Markdown: the job summary, the PR comment and the CLI's `--summary`. The heading is the answer (passed
 * or failed, how many artifacts fail, any dangerous pickle global); then a compact table per artifact kind with
 * the columns that apply to it (LoRAs: loadable share and modules; checkpoints: the overlap figures and shapes),
 * failures first; then each artifact's reasons and flags, failures first; a block x layer-kind picture per LoRA;
 * then collapsible details. The report folder is linked (the uploaded artifact) where one was uploaded.
 *
 * GitHub drops a job summary over 1 MiB entirely and rejects a comment over 65,536 characters, so the document is
 * assembled section by section under a budget: what does not fit is left out with a note pointing to the full
 * JSON report, never cut mid-table.
 */






/** The runner refuses summaries over 1 MiB (1,048,576 bytes); keep a margin for other steps' summaries. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
/** Comment bodies over 65,536 characters are rejected (422); keep room for the hidden marker. */
const COMMENT_LIMIT_CHARS = 65_000;
const DEFAULT_DETAIL_ROWS = 50;
function renderGateMarkdown(report, options) {
    const measure = options.unit === 'bytes' ? (s) => Buffer.byteLength(s, 'utf8') : (s) => s.length;
    const rows = options.maxDetailRows ?? DEFAULT_DETAIL_ROWS;
    const where = fullListHint(options);
    const note = (omitted) => `\n> [!NOTE]\n> ${(0,report_format/* plural */.LS)(omitted, 'section')} ${omitted === 1 ? 'was' : 'were'} left out to fit GitHub's size limit. ` +
        `${where('gate-report.json', 'report')}\n`;
    const reserve = measure(note(99999));
    // Failures first everywhere: in the tables, in the sections, in the details.
    const artifacts = failuresFirst(report.artifacts);
    const folder = (0,report_format/* commonFolder */.Mp)(artifacts.map((a) => a.path));
    const head = headerSection(report, folder, options);
    const table = tableSections(artifacts, folder);
    const optional = [
        ...artifacts.map(flagSection),
        ...artifacts.map(coverageSection),
        ...artifacts.map((a) => detailsSection(a, rows, where))
    ].filter((s) => s !== '');
    let out = head;
    let used = measure(out);
    let omitted = 0;
    // The tables are essential, but thousands of artifacts could still overflow them: cut rows, never mid-row.
    for (const row of table) {
        if (used + measure(row) + reserve > options.limit) {
            omitted++;
            continue;
        }
        out += row;
        used += measure(row);
    }
    for (const section of optional) {
        if (used + measure(section) + reserve > options.limit) {
            omitted++;
            continue;
        }
        out += section;
        used += measure(section);
    }
    if (omitted > 0)
        out += note(omitted);
    return out;
}
/** `2 of 4 artifacts do not pass; 1 imports dangerous pickle globals`, or `all 4 artifacts pass`. */
function outcome(r) {
    const total = r.artifacts.length;
    const bad = r.artifacts.filter((a) => a.status !== 'pass').length;
    const danger = r.artifacts.filter((a) => a.flags.some((f) => f.id === 'dangerous-globals')).length;
    const what = r.passed
        ? total === 1
            ? 'the artifact passes'
            : `all ${(0,report_format/* plural */.LS)(total, 'artifact')} pass`
        : `${bad} of ${(0,report_format/* plural */.LS)(total, 'artifact')} ${bad === 1 ? 'does' : 'do'} not pass`;
    return danger > 0
        ? `${what}; ${danger} ${danger === 1 ? 'imports' : 'import'} dangerous pickle globals`
        : what;
}
function headerSection(r, folder, options) {
    const icon = r.passed ? '✅' : '❌';
    const lines = [`## ${icon} Compatibility gate ${r.passed ? 'passed' : 'failed'}: ${outcome(r)}`, ''];
    const figure = r.overlap === null ? 'n/a' : (0,figures/* formatPercent */.l)(r.overlap);
    lines.push(`**Verdict: ${r.verdict}** · lowest gated figure **${figure}** · threshold ${(0,format/* formatThreshold */.B6)(r.policy.threshold)} ` +
        `on \`${r.policy.metric}\` · fail-on: ${r.policy.failOn.length > 0 ? r.policy.failOn.map((f) => `\`${f}\``).join(', ') : 'none'}`);
    lines.push('');
    lines.push(`Baseline ${(0,markdown_text/* inlineCode */.ti)(r.baseline.path)} (${r.baseline.format}, ${(0,report_format/* plural */.LS)(r.baseline.tensors, 'tensor')}` +
        `${r.baseline.fromCache ? ', analysis from cache' : ''}) · ` +
        `${folder ? `artifacts in ${(0,markdown_text/* inlineCode */.ti)(folder)} · ` : ''}${r.tool.name} ${(0,markdown_text/* escapeText */.X1)(r.tool.version)}`);
    if (options.reportLink) {
        lines.push('', `📦 ${gate_markdown_link(options.reportLink)}: \`gate-report.json\` and a mapping or resolution document per artifact.`);
    }
    return lines.join('\n') + '\n\n';
}
/** `[model-compat-report](url)`, the name escaped for link text. */
function gate_markdown_link(l) {
    return `[${(0,markdown_text/* escapeText */.X1)(l.name)}](${encodeURI(l.url).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`;
}
const ICON = { pass: '✅', fail: '❌', error: '⚠️' };
/** The artifact's path as shown in the tables: below the folder every artifact shares (named in the header). */
function shortPath(path, folder) {
    return folder && path.startsWith(folder) ? path.slice(folder.length) : path;
}
/**
 * A compact table per artifact kind, with the columns that apply to it: LoRAs (loadable share, modules that load),
 * checkpoints (the three overlap figures, the gated one in bold, shapes), and the artifacts that could not be read.
 */
function tableSections(artifacts, folder) {
    const loras = artifacts.filter((a) => a.status !== 'error' && a.kind === 'lora');
    const checkpoints = artifacts.filter((a) => a.status !== 'error' && a.kind !== 'lora');
    const errors = artifacts.filter((a) => a.status === 'error');
    const tables = [];
    if (errors.length > 0) {
        tables.push({
            members: errors,
            rows: [
                '**Could not be read**\n\n',
                '| | Artifact | Problem |\n|---|---|---|\n',
                ...errors.map((a) => `| ${ICON.error} | ${(0,markdown_text/* code */.aY)(shortPath(a.path, folder))} | ${(0,markdown_text/* escapeText */.X1)(errorText(a))} |\n`)
            ]
        });
    }
    if (loras.length > 0) {
        const runtime = (0,loader_text/* runtimeColumns */._v)(loras, ICON);
        tables.push({
            members: loras,
            rows: [
                '**LoRAs**\n\n',
                `| | LoRA | Convention | Loadable | Modules that load |${runtime.head} Flags |\n|---|---|---|---:|---:|${runtime.rule}---|\n`,
                ...loras.map((a) => {
                    const l = a.lora;
                    const loads = l ? `${l.modules - l.shapeMismatch - l.unresolved} of ${l.modules}` : '–';
                    const figure = a.figure !== undefined ? (0,figures/* formatPercent */.l)(a.figure) : '–';
                    const gated = a.metric === 'loadable' ? `**${figure}**` : figure;
                    const cells = runtime.cells(a);
                    return `| ${ICON[a.status]} | ${(0,markdown_text/* code */.aY)(shortPath(a.path, folder))} | ${(0,markdown_text/* escapeText */.X1)(l?.convention ?? '?')} | ${gated} | ${loads} |${cells} ${flagCells(a)} |\n`;
                })
            ]
        });
    }
    if (checkpoints.length > 0) {
        tables.push({
            members: checkpoints,
            rows: [
                '**Checkpoints**\n\n',
                '| | Checkpoint | Format | Exact | Normalized | Mapped | Same shape | Flags |\n|---|---|---|---:|---:|---:|---:|---|\n',
                ...checkpoints.map((a) => {
                    const cells = ['exact', 'normalized', 'mapped'].map((m) => {
                        const v = a.figures[m];
                        if (v === undefined)
                            return '–';
                        return m === a.metric ? `**${(0,figures/* formatPercent */.l)(v)}**` : (0,figures/* formatPercent */.l)(v);
                    });
                    const s = a.checkpoint?.shapes;
                    // No common keys at all: "0 of 0" would read like a result; the overlap columns already say it.
                    const shapes = s && s.matching + s.mismatched > 0 ? `${s.matching} of ${s.matching + s.mismatched}` : '–';
                    return `| ${ICON[a.status]} | ${(0,markdown_text/* code */.aY)(shortPath(a.path, folder))} | ${(0,markdown_text/* escapeText */.X1)(a.format ?? '?')} | ${cells.join(' | ')} | ${shapes} | ${flagCells(a)} |\n`;
                })
            ]
        });
    }
    // Failures first here too: the table holding the first artifact to read (the worst) comes first. A single
    // table needs no title.
    tables.sort((x, y) => artifacts.indexOf(x.members[0]) - artifacts.indexOf(y.members[0]));
    return tables.flatMap((t) => [...(tables.length > 1 ? t.rows : t.rows.slice(1)), '\n']);
}
/** `🔴 4 🟢 2`: flag counts by severity; `–` when there are none. */
function flagCells(a) {
    const count = (sev, glyph) => {
        const n = a.flags.filter((f) => f.severity === sev).length;
        return n > 0 ? `${glyph} ${n}` : '';
    };
    return [count('red', '🔴'), count('warning', '🟡'), count('green', '🟢')].filter((x) => x).join(' ') || '–';
}
/** `OutsideWorkspace: lora.safetensors: a symbolic link ...`: the error's code, then its message. */
function errorText(a) {
    const message = a.error?.message ?? 'could not be read';
    const errorCode = a.error?.code;
    return errorCode && !message.includes(errorCode) ? `${errorCode}: ${message}` : message;
}
function flagSection(a) {
    // An unreadable artifact is said in full in its table row: a section would repeat it.
    if (a.status === 'error')
        return '';
    if (a.flags.length === 0 && a.reasons.length === 0 && !a.metricNote)
        return '';
    const lines = [`#### ${ICON[a.status]} ${(0,markdown_text/* inlineCode */.ti)(a.path)}`, ''];
    if (a.status === 'fail' && a.reasons.length > 0) {
        lines.push('Why it failed:', '', ...a.reasons.map((r, i) => `${i + 1}. ${(0,markdown_text/* escapeText */.X1)(r)}`), '');
    }
    if (a.metricNote)
        lines.push(`_${(0,markdown_text/* escapeText */.X1)(a.metricNote)}_`, '');
    if (a.status === 'pass' && a.flags.every((f) => f.severity === 'green')) {
        // A passing artifact with only green flags gets one line: twenty clean LoRAs should not bury the one that failed.
        if (a.flags.length > 0)
            lines.push(`🟢 ${a.flags.map((f) => (0,markdown_text/* escapeText */.X1)(f.title)).join(' · ')}`);
        return lines.join('\n') + '\n\n';
    }
    const order = { red: 0, warning: 1, green: 2 };
    // Flags already given as reasons are not repeated.
    const stated = new Set(a.status === 'fail' ? a.reasons : []);
    const sorted = [...a.flags]
        .filter((f) => !stated.has(flagText(f)))
        .sort((x, y) => order[x.severity] - order[y.severity]);
    const green = sorted.filter((f) => f.severity === 'green');
    for (const f of sorted.filter((x) => x.severity !== 'green')) {
        const glyph = f.severity === 'red' ? '🔴' : '🟡';
        const fails = f.failsGate ? ' (fails the gate)' : '';
        lines.push(`- ${glyph} **${(0,markdown_text/* escapeText */.X1)(f.title)}**${fails}${f.evidence ? `: ${(0,markdown_text/* escapeText */.X1)(f.evidence)}` : ''}`);
    }
    // Green flags are the good news: one line, their titles only.
    if (green.length > 0) {
        if (lines.at(-1)?.startsWith('- '))
            lines.push('');
        lines.push(`🟢 ${green.map((f) => (0,markdown_text/* escapeText */.X1)(f.title)).join(' · ')}`);
    }
    return lines.join('\n') + '\n\n';
}
function coverageSection(a) {
    const cov = a.lora?.coverage;
    if (!cov || cov.rows.length === 0)
        return '';
    const width = Math.max(...cov.rows.map((r) => safeKind(r.layerKind).length), 5);
    const tens = Array.from({ length: cov.blocks }, (_, b) => b % 10 === 0 ? String(Math.floor(b / 10) % 10) : ' ');
    const ones = Array.from({ length: cov.blocks }, (_, b) => String(b % 10));
    const lines = [
        `${'block'.padEnd(width)}  ${tens.join('')}`,
        `${''.padEnd(width)}  ${ones.join('')}`,
        ...cov.rows.map((r) => `${safeKind(r.layerKind).padEnd(width)}  ${r.cells}  ${r.modules - r.failing}/${r.modules}`)
    ];
    const extra = cov.outsideBlocks > 0
        ? ` ${cov.outsideBlocks} module(s) in blocks past ${cov.blocks - 1} are not drawn.`
        : '';
    return (`<details${a.status === 'pass' ? '' : ' open'}><summary>Block coverage of <code>${(0,markdown_text/* escapeHtml */.ZD)(a.path)}</code> ` +
        `(${a.lora?.modules ?? 0} modules)</summary>\n\n` +
        '```text\n' +
        lines.join('\n') +
        '\n```\n\n' +
        `\`#\` every module loads, \`x\` some do not, \`.\` not touched.${extra}\n\n</details>\n\n`);
}
function fullListHint(options) {
    return (file, what) => {
        if (options.reportLink) {
            const name = file ? `${(0,markdown_text/* inlineCode */.ti)(file)} in ` : '';
            return `The full ${what} is in ${name}the ${gate_markdown_link(options.reportLink)} artifact.`;
        }
        if (options.fullReportHint) {
            const name = file ? (0,markdown_text/* inlineCode */.ti)(file) : 'the report folder';
            return `The full ${what} is in ${name}, ${(0,markdown_text/* escapeText */.X1)(options.fullReportHint)}.`;
        }
        if (options.noReportHint)
            return `For the full ${what}, ${(0,markdown_text/* escapeText */.X1)(options.noReportHint)}.`;
        return '';
    };
}
function moreLine(more, hint) {
    return `…and ${more} more.${hint ? ` ${hint}` : ''}`;
}
function detailsSection(a, maxRows, where) {
    const parts = [];
    if (a.lora && a.lora.failures.length > 0) {
        const rows = a.lora.failures.slice(0, maxRows);
        const table = [
            '| Module | Problem | Detail |',
            '|---|---|---|',
            ...rows.map((f) => `| ${(0,markdown_text/* code */.aY)(f.module)} | ${f.status === 'shape-mismatch' ? 'shape mismatch' : f.status} | ${(0,markdown_text/* escapeText */.X1)(f.detail)} |`)
        ];
        const more = a.lora.failuresTotal - rows.length;
        if (more > 0)
            table.push('', moreLine(more, where(a.document, 'list')));
        parts.push(details(`${a.lora.failuresTotal} of ${(0,report_format/* plural */.LS)(a.lora.modules, 'module')} of ${(0,markdown_text/* escapeHtml */.ZD)(a.path)} do not load`, table.join('\n')));
    }
    const c = a.checkpoint;
    if (c) {
        if (c.shapes.examples.length > 0) {
            const table = [
                '| Tensor | Artifact | Baseline |',
                '|---|---|---|',
                ...c.shapes.examples
                    .slice(0, maxRows)
                    .map((e) => `| ${(0,markdown_text/* code */.aY)(e.key)} | ${(0,format/* formatShape */.BB)(e.artifact)} | ${(0,format/* formatShape */.BB)(e.baseline)} |`)
            ];
            parts.push(details(`${(0,report_format/* plural */.LS)(c.shapes.mismatched, 'tensor')} of ${(0,markdown_text/* escapeHtml */.ZD)(a.path)} with another shape than the baseline's`, table.join('\n')));
        }
        const u = c.unmatched;
        if (u.artifactTotal > 0 || u.baselineTotal > 0) {
            const list = (keys, total) => keys
                .slice(0, maxRows)
                .map((k) => `- ${(0,markdown_text/* inlineCode */.ti)(k)}`)
                .concat(total > Math.min(keys.length, maxRows)
                ? [`- ${moreLine(total - Math.min(keys.length, maxRows), where(a.document, 'list'))}`]
                : [])
                .join('\n');
            const body = `Only in the artifact (${u.artifactTotal}):\n\n${list(u.artifact, u.artifactTotal) || '- none'}\n\n` +
                `Only in the baseline (${u.baselineTotal}):\n\n${list(u.baseline, u.baselineTotal) || '- none'}`;
            parts.push(details(`Unmatched keys of ${(0,markdown_text/* escapeHtml */.ZD)(a.path)}`, body));
        }
        // Only high-confidence mappings are findings; medium and low ones are guesses, kept in the mapping document.
        const sure = c.sampleMappings.filter((m) => m.confidence === 'high');
        if (sure.length > 0) {
            const table = [
                '| Artifact keys | Baseline keys | Kind |',
                '|---|---|---|',
                ...sure
                    .slice(0, maxRows)
                    .map((m) => `| ${m.source.map(markdown_text/* code */.aY).join('<br>')} | ${m.target.map(markdown_text/* code */.aY).join('<br>')} | ${(0,markdown_text/* escapeText */.X1)(m.kind)} |`)
            ];
            const rest = where(a.document, 'mapping');
            if (rest)
                table.push('', `Medium- and low-confidence proposals are not shown. ${rest}`);
            parts.push(details(`High-confidence mappings for ${(0,markdown_text/* escapeHtml */.ZD)(a.path)}`, table.join('\n')));
        }
    }
    return parts.join('');
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n\n`;
}
function safeKind(kind) {
    return kind.replace(/[^A-Za-z0-9_.-]/g, '?').slice(0, 24);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/formats/index.ts + 1 modules
var formats = __webpack_require__(2964);
;// CONCATENATED MODULE: ./src/node/artifacts.ts
/**
 * Reading the artifacts of a gate run: a few at a time, each failure becoming that artifact's error row (the
 * rest of the gate still runs and writes its report), and, in the action, nothing outside the workspace.
 */





/** Artifacts are read a few at a time: header reads are small, but thousands of open files are not. */
const READ_CONCURRENCY = 4;
async function readArtifacts(paths, opts = {}) {
    const out = new Array(paths.length);
    const plain = opts.read ?? ((location) => (0,formats/* readCheckpoint */.HQ)(location));
    const judged = opts.readJudged;
    const read = async (location) => judged !== undefined ? { judged: await judged(location) } : { checkpoint: await plain(location) };
    const root = opts.confineTo !== undefined ? await realRoot(opts.confineTo) : undefined;
    let next = 0;
    const worker = async () => {
        while (next < paths.length) {
            const i = next++;
            const path = paths[i];
            const outside = root !== undefined && !(0,url/* isRemoteLocation */.qk)(path) ? await escapesRoot(path, root) : undefined;
            out[i] = outside ? { path, error: outside } : await readOne(path, read);
        }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
    return out;
}
/** The real path of a folder (symlinks resolved), or the folder as given when it does not exist yet. */
async function realRoot(dir) {
    return (0,promises_.realpath)(dir).catch(() => (0,external_node_path_.resolve)(dir));
}
/** True when `path` is `root` or lies below it (both absolute, both real paths). */
function isInside(path, root) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
async function escapesRoot(path, root) {
    let real;
    try {
        real = await (0,promises_.realpath)(path);
    }
    catch (e) {
        if (e.code === 'ELOOP')
            return { code: 'IoError', message: `${path}: too many levels of symbolic links` };
        return undefined; // missing files are reported by the reader, with its own code
    }
    if (isInside(real, root))
        return undefined;
    return {
        code: 'OutsideWorkspace',
        message: `${path}: a symbolic link to a file outside the workspace; not read`
    };
}
async function readOne(path, read) {
    try {
        return { path, location: path, ...(await read(path)) };
    }
    catch (e) {
        if ((0,errors/* isCheckpointError */.tF)(e)) {
            // a file refused as a checkpoint still reports what its pickles import
            return { path, error: { code: e.code, message: e.message, globals: (0,errors/* globalsOfFailure */.CI)(e) } };
        }
        return {
            path,
            error: { code: 'IoError', message: `${path}: ${e instanceof Error ? e.message : String(e)}` }
        };
    }
}

;// CONCATENATED MODULE: ./src/node/glob.ts



/** Paths one expansion may return: each is read, and a release PR has tens of files, not thousands. */
const MAX_MATCHES = 10_000;
/** Folder entries one `**` walk may look at before it gives up (a PR could add a deep tree to slow the job). */
const MAX_VISITED = 200_000;
/** Folder depth a `**` walk descends. */
const MAX_DEPTH = 32;
/** `https://...`, `hf://...`: remote locations are passed through untouched for the readers to fetch. */
function isUrl(location) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}
function hasGlob(pattern) {
    return /[*?[]/.test(pattern);
}
/**
 * Every path the patterns name, in pattern order then sorted, each once. A literal path must exist; a glob must
 * match something; otherwise a UsageError names the pattern (and the input, when given). Returned paths are as the user would write them:
 * relative to `cwd` when the pattern was relative.
 */
async function expandPatterns(patterns, cwd, opts = {}) {
    const fail = (detail) => new errors/* UsageError */.eb(detail, { input: opts.input });
    const includes = patterns
        .map((p) => p.trim())
        .filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('!'));
    const excludes = patterns
        .map((p) => p.trim())
        .filter((p) => p.startsWith('!'))
        .map((p) => toRegExp(normalize(p.slice(1).trim())));
    const out = [];
    const seen = new Set();
    const budget = { visited: 0 };
    for (const pattern of includes) {
        const norm = normalize(pattern);
        let matches;
        if (isUrl(pattern)) {
            matches = [pattern];
        }
        else if (!hasGlob(norm)) {
            const abs = (0,external_node_path_.resolve)(cwd, norm);
            try {
                await (0,promises_.stat)(abs);
            }
            catch {
                throw fail(`'${pattern}' does not exist`);
            }
            matches = [norm];
        }
        else {
            matches = (await walk(norm, cwd, budget, fail)).sort();
            if (matches.length === 0)
                throw fail(`pattern '${pattern}' matched no files`);
        }
        for (const m of matches) {
            if (excludes.some((re) => re.test(m)))
                continue;
            const key = (0,external_node_path_.resolve)(cwd, m);
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(m);
            if (out.length > MAX_MATCHES) {
                throw fail(`the patterns match more than ${MAX_MATCHES} paths; narrow them`);
            }
        }
    }
    return out;
}
function normalize(p) {
    return p.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
}
/** Walk only the directories the pattern can reach: fixed leading segments are joined, globs are listed. */
async function walk(pattern, cwd, budget, fail) {
    const absolute = (0,external_node_path_.isAbsolute)(pattern);
    const segments = pattern.split('/').filter((s, i) => s !== '' || (i === 0 && absolute));
    let fixed = absolute ? '/' : '';
    let i = 0;
    while (i < segments.length && !hasGlob(segments[i])) {
        fixed = fixed === '' ? segments[i] : fixed === '/' ? `/${segments[i]}` : `${fixed}/${segments[i]}`;
        i++;
    }
    const rest = segments.slice(i);
    const root = (0,external_node_path_.resolve)(cwd, fixed || '.');
    const regexes = rest.map((s) => (s === '**' ? null : segmentRegExp(s)));
    const found = [];
    const show = (abs) => absolute ? abs.split(external_node_path_.sep).join('/') : (0,external_node_path_.relative)(cwd, abs).split(external_node_path_.sep).join('/') || '.';
    const visit = async (dir, k, depth) => {
        if (k === regexes.length) {
            found.push(show(dir));
            return;
        }
        if (depth > MAX_DEPTH)
            return;
        const re = regexes[k];
        if (re === null) {
            // `**` matches zero or more folders; symlinked folders are not entered, so a loop cannot recurse.
            await visit(dir, k + 1, depth);
        }
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const name = entry.name;
            if (++budget.visited > MAX_VISITED) {
                throw fail(`pattern '${pattern}' visits more than ${MAX_VISITED} paths; narrow it`);
            }
            const path = (0,external_node_path_.join)(dir, name);
            if (re === null) {
                if (name.startsWith('.'))
                    continue;
                // `**` does not follow symlinked folders: the entry's own type (lstat's) decides
                const isDir = entry.isSymbolicLink()
                    ? false
                    : entry.isDirectory() ||
                        (isUnknown(entry) && (await (0,promises_.lstat)(path).catch(() => undefined))?.isDirectory());
                if (isDir)
                    await visit(path, k, depth + 1);
                continue;
            }
            if (!re.test(name))
                continue;
            // The folder listing gives each entry's type: only a symbolic link (or a file system that does not say)
            // needs a stat to know what it leads to, so a folder of thousands of files costs no stat per file.
            const known = !entry.isSymbolicLink() && !isUnknown(entry);
            if (k + 1 === regexes.length) {
                const exists = known || (await (0,promises_.stat)(path).catch(() => undefined)) !== undefined;
                if (exists)
                    found.push(show(path));
            }
            else {
                const isDir = known ? entry.isDirectory() : (await (0,promises_.stat)(path).catch(() => undefined))?.isDirectory();
                if (isDir)
                    await visit(path, k + 1, depth + 1);
            }
        }
    };
    await visit(root, 0, 0);
    return [...new Set(found)];
}
/** A folder entry whose type the file system did not report (DT_UNKNOWN): a stat has to tell. */
function isUnknown(entry) {
    return (!entry.isFile() &&
        !entry.isDirectory() &&
        !entry.isSymbolicLink() &&
        !entry.isFIFO() &&
        !entry.isSocket() &&
        !entry.isCharacterDevice() &&
        !entry.isBlockDevice());
}
/** One path segment: `*` and `?` never cross `/`, and never match a leading dot unless the pattern has one. */
function segmentRegExp(segment) {
    return new RegExp(`^${segmentSource(segment)}$`);
}
function segmentSource(segment) {
    let src = segment.startsWith('.') ? '' : '(?!\\.)';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            src += '[^/]*';
        else if (c === '?')
            src += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end < 0) {
                src += '\\[';
                continue;
            }
            let body = segment.slice(i + 1, end);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            src += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
            i = end;
        }
        else
            src += c.replace(/[.+^${}()|\\/]/g, '\\$&');
    }
    return src;
}
/** A whole-path pattern (for `!` exclusions), `**` spanning folders. */
function toRegExp(pattern) {
    const parts = pattern.split('/').map((s) => (s === '**' ? '(?:.*)' : segmentSource(s)));
    return new RegExp(`^${parts.join('/').replace(/\(\?:\.\*\)\//g, '(?:.*/)?')}$`);
}

// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(4976);
;// CONCATENATED MODULE: ./src/node/report-folder.ts
/**
 * The report folder (`mapping-dir`, `--mapping-dir`): gate-report.json, summary.md and one mapping or resolution
 * document per artifact, which the action uploads as a workflow artifact.
 *
 * The folder's path comes from the workflow, but its content can come from the pull request: a committed
 * symbolic link `model-compat-report -> .git` would make us write into `.git` and upload `.git/config` (with the
 * checkout token). So before anything is written the folder is checked:
 * - it must not be a symbolic link, nor lie (after every link on its path is resolved) outside `confineTo` (the
 *   workspace, in the action);
 * - if it exists, it may hold only files we wrote. "We wrote" means: named in `.model-compat-files.json`, the list
 *   each run leaves in the folder, and a regular file (never a link or a folder). Anything else is refused, so
 *   we never overwrite, or upload, a file someone else put there.
 * The upload takes the files this run wrote, by name, never a listing of the folder.
 */






const REPORT_FILE = 'gate-report.json';
const SUMMARY_FILE = 'summary.md';
/** The names of the files the last run wrote into the folder. A dot file: document names never start with one. */
const WRITTEN_LIST_FILE = '.model-compat-files.json';
/** A written list is a few KB; a larger one is not ours. */
const MAX_WRITTEN_LIST_BYTES = 1024 * 1024;
/** Names listed in a refusal before "and N more". */
const LISTED = 5;
/**
 * Check `dir` before a run writes into it. A refusal is an OutputError (`cannot write DIR (input): why`, exit 2),
 * raised before anything is read or written.
 */
async function openReportFolder(dir, opts = {}) {
    const abs = (0,external_node_path_.resolve)(dir);
    const shown = opts.shownAs ?? dir;
    const named = opts.input === undefined ? shown : `${shown} (${opts.input})`;
    const refuse = (detail) => new errors/* OutputError */.u7(named, detail);
    const st = await (0,promises_.lstat)(abs).catch((e) => {
        if (e.code === 'ENOENT')
            return undefined;
        throw refuse(`cannot be examined (${e.code ?? e.message})`);
    });
    if (st?.isSymbolicLink())
        throw refuse('the report folder is a symbolic link; refusing to write through it');
    if (st !== undefined && !st.isDirectory())
        throw refuse('exists and is not a folder');
    if (opts.confineTo !== undefined) {
        const root = await realRoot(opts.confineTo);
        if (!isInside(await realPathOf(abs), root))
            throw refuse(`the report folder lies outside the workspace (${opts.confineTo}); refusing to write there`);
    }
    if (st === undefined)
        return { dir: abs, previous: [] };
    const previous = await writtenList(abs);
    const entries = await (0,promises_.readdir)(abs, { withFileTypes: true }).catch((e) => {
        throw refuse(`cannot be listed (${e.code ?? e.message})`);
    });
    const foreign = [];
    for (const e of entries) {
        if (e.name === WRITTEN_LIST_FILE)
            continue;
        if (!e.isFile())
            foreign.push(`${e.name} (${e.isSymbolicLink() ? 'a symbolic link' : 'not a file'})`);
        else if (!previous.includes(e.name) && !isOurTemp(e.name))
            foreign.push(e.name);
    }
    if (foreign.length > 0) {
        const shown = foreign.slice(0, LISTED).join(', ');
        const more = foreign.length > LISTED ? `, and ${foreign.length - LISTED} more` : '';
        throw refuse(`the report folder holds files model-compat did not write (${shown}${more}); ` +
            'give an empty or new folder, or remove them');
    }
    return { dir: abs, previous: previous.filter((n) => entries.some((e) => e.name === n)) };
}
/**
 * Write the documents, then summary.md, then gate-report.json last, so a report on disk always has its documents
 * next to it. Files the previous run wrote and this one does not are removed first, so the folder (and the
 * uploaded artifact) describes this run only.
 */
async function writeReportFolder(folder, evaluation, markdown) {
    const names = [...evaluation.documents.map((d) => d.name), SUMMARY_FILE, REPORT_FILE];
    try {
        await (0,promises_.mkdir)(folder.dir, { recursive: true });
        for (const stale of folder.previous) {
            if (!names.includes(stale))
                await (0,promises_.rm)((0,external_node_path_.join)(folder.dir, stale), { force: true });
        }
        for (const name of await (0,promises_.readdir)(folder.dir)) {
            if (isOurTemp(name))
                await (0,promises_.rm)((0,external_node_path_.join)(folder.dir, name), { force: true });
        }
    }
    catch (e) {
        throw (0,write_file/* outputError */.c)(folder.dir, e);
    }
    // The list first: a run killed half-way leaves files the next run still recognises as ours.
    await (0,write_file/* writeFileAtomic */.Z)((0,external_node_path_.join)(folder.dir, WRITTEN_LIST_FILE), (0,json/* toJson */.a)(names));
    const documents = [];
    // artifacts with one header share their document: serialised once
    const texts = new Map();
    for (const d of evaluation.documents) {
        const path = (0,external_node_path_.join)(folder.dir, d.name);
        let text = texts.get(d.content);
        if (text === undefined)
            texts.set(d.content, (text = (0,json/* toJson */.a)(d.content)));
        // the shared document names the file first read with that header: this copy names this file (whole
        // JSON string values only: the quotes are part of what is replaced)
        if (d.retarget !== undefined)
            text = text.split(JSON.stringify(d.retarget.from)).join(JSON.stringify(d.retarget.to));
        await (0,write_file/* writeFileAtomic */.Z)(path, text);
        documents.push(path);
    }
    const summaryPath = (0,external_node_path_.join)(folder.dir, SUMMARY_FILE);
    await (0,write_file/* writeFileAtomic */.Z)(summaryPath, markdown);
    const reportPath = (0,external_node_path_.join)(folder.dir, REPORT_FILE);
    await (0,write_file/* writeFileAtomic */.Z)(reportPath, (0,json/* toJson */.a)(evaluation.report));
    return {
        dir: folder.dir,
        reportPath,
        summaryPath,
        documents,
        files: [...documents, summaryPath, reportPath]
    };
}
/** The names in the folder's written list; none when it is missing, not a regular file, too big or malformed. */
async function writtenList(dir) {
    const path = (0,external_node_path_.join)(dir, WRITTEN_LIST_FILE);
    const st = await (0,promises_.lstat)(path).catch(() => undefined);
    if (st === undefined || !st.isFile() || st.size > MAX_WRITTEN_LIST_BYTES)
        return [];
    try {
        const value = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        if (!Array.isArray(value))
            return [];
        return value.filter((n) => typeof n === 'string' && n === (0,external_node_path_.basename)(n) && !n.startsWith('.'));
    }
    catch {
        return [];
    }
}
/** A temporary file of writeFileAtomic (`NAME.PID.TIME.tmp`) left by a killed run. */
function isOurTemp(name) {
    return /^[^/\\]+\.\d+\.\d+\.tmp$/.test(name);
}
/**
 * The real path `abs` has or would have: the real path of its nearest existing ancestor, then the rest as given
 * (a folder that does not exist yet is created below that ancestor, so that is where it lands).
 */
async function realPathOf(abs) {
    const missing = [];
    let at = abs;
    for (;;) {
        try {
            return (0,external_node_path_.join)(await (0,promises_.realpath)(at), ...missing);
        }
        catch {
            const parent = (0,external_node_path_.dirname)(at);
            if (parent === at)
                return abs;
            missing.unshift((0,external_node_path_.basename)(at));
            at = parent;
        }
    }
}

;// CONCATENATED MODULE: ./src/node/run-gate.ts
/**
 * The gate pipeline, once, for both front ends: expand the artifact patterns, read the baseline and every
 * artifact, evaluate, render the summary, write the report folder and the summary file. The CLI's `gate` and the
 * action parse their inputs into `RunGateOptions`, call `runGate`, and print; what only the action does (the job
 * summary, the PR comment, the upload, outputs and annotations) it does with the result.
 *
 * Errors are worded here, once: a bad pattern or report folder is a UsageError naming the input, a baseline that
 * cannot be read an InputError naming the input, and an artifact that cannot be read an error row of the report
 * (the others are still gated) whose message quotes the path as the user wrote it.
 */














async function runGate(opts) {
    const paths = await expandPatterns(opts.artifacts, opts.cwd, { input: opts.names.artifacts });
    const folder = opts.reportDir === undefined
        ? undefined
        : await openReportFolder(at(opts, opts.reportDir), {
            confineTo: opts.confineTo,
            input: opts.names.reportDir,
            shownAs: opts.reportDir
        });
    // one budget for the run: tensors and inflated bytes over the baseline and every artifact (formats/budget.ts)
    const budget = opts.budget ?? new formats_budget/* ReadBudget */.QT();
    const baseline = await loadBaseline(opts, budget);
    const ctx = {
        baseline: { ...baseline.checkpoint, path: opts.baseline },
        policy: opts.policy,
        engines: opts.engines ?? defaultEngines(lora_reasons/* wordResolution */.Te)
    };
    // artifacts stay inside the confining folder, and a folder artifact's files inside the folder, after links
    const roots = opts.confineTo === undefined ? [] : [{ path: opts.confineTo, what: 'the workspace' }];
    const inputs = (await readArtifacts(paths.map((p) => at(opts, p)), { confineTo: opts.confineTo, readJudged: artifactJudge(opts, ctx, budget, roots, folder !== undefined) })).map((input, i) => asWritten(input, paths[i], at(opts, paths[i])));
    const evaluation = evaluateGate({
        ...ctx,
        baselineFromCache: baseline.fromCache,
        inputs,
        tool: version/* TOOL */.j
    });
    // rendered when something reads it: the CLI's console and JSON views never do
    let summary;
    const summaryText = () => (summary ??= renderGateMarkdown(evaluation.report, {
        limit: SUMMARY_LIMIT_BYTES,
        unit: 'bytes',
        ...(opts.fullReportHint !== undefined ? { fullReportHint: opts.fullReportHint } : {}),
        ...(opts.noReportHint !== undefined ? { noReportHint: opts.noReportHint } : {})
    }));
    const written = folder === undefined ? undefined : await writeReportFolder(folder, evaluation, summaryText());
    if (opts.summaryFile !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(at(opts, opts.summaryFile), summaryText());
    return {
        paths,
        evaluation,
        report: evaluation.report,
        get summary() {
            return summaryText();
        },
        ...(written ? { written } : {})
    };
}
/**
 * Each artifact is judged as it is read, and only its verdict is kept: its checkpoint, analysis and module views
 * are dropped (and its tensors given back to the run's budget), so memory follows the distinct headers' verdicts,
 * not the artifacts' tensors. Local files go through a header cache: a file whose header (and size) was seen
 * before is neither parsed nor judged again (copies of one release under several names, per-epoch copies).
 * Documents are kept only when a report folder will be written.
 */
function artifactJudge(opts, ctx, budget, roots, keepDocuments) {
    const judge = (checkpoint) => {
        const judged = judgeCheckpoint(checkpoint, ctx);
        return keepDocuments ? judged : { report: judged.report, path: judged.path };
    };
    const cache = new header_cache.HeaderCache({ derive: judge });
    const readOther = (location, scope) => opts.read(location, { budget: scope, roots });
    return async (location) => {
        if (!(0,url/* isRemoteLocation */.qk)(location))
            return (await cache.read(location, { budget, readOther })).value;
        const scope = budget.scope();
        try {
            return judge(await opts.read(location, { budget: scope, roots }));
        }
        finally {
            scope.release();
        }
    };
}
/**
 * How a finished run ends: nothing when the gate passed, else the error whose class carries the exit status
 * (1 when an artifact failed the gate, 2 when one could not be read) and whose lines are the gate's message.
 */
function gateOutcome(report) {
    if (report.passed)
        return undefined;
    const lines = report.message.split('\n');
    return report.artifacts.some((a) => a.status === 'error')
        ? new errors/* UnreadableArtifactError */.bK(lines)
        : new errors/* GateFailedError */.To(lines);
}
/**
 * Where to read a path: relative paths stay as written when `cwd` is the process's working folder (so messages
 * quote the user's paths), and are resolved against `cwd` otherwise. URLs are passed through.
 */
function at(opts, path) {
    if ((0,external_node_path_.isAbsolute)(path) || isUrl(path) || (0,external_node_path_.resolve)(opts.cwd) === process.cwd())
        return path;
    return (0,external_node_path_.resolve)(opts.cwd, path);
}
async function loadBaseline(opts, budget) {
    const location = at(opts, opts.baseline);
    // a baseline may be a cache snapshot whose files link outside its folder (a Hugging Face cache links to blobs)
    const options = { budget, followLinksOutside: true };
    try {
        if (opts.loadBaseline)
            return await opts.loadBaseline(location, options);
        return { checkpoint: await opts.read(location, options), fromCache: false };
    }
    catch (e) {
        if (!(e instanceof errors/* ModelCompatError */.Ac))
            throw e;
        const name = opts.names.baseline;
        const input = name.startsWith('-') ? name : `input '${name}'`;
        const message = e.message.split(location).join(opts.baseline);
        throw new errors/* InputError */.dz(`The baseline could not be read (${input}): ${message}`, { cause: e });
    }
}
/** An artifact under the path the user wrote; its error message too, when it quotes the path as read. */
function asWritten(input, path, readAs) {
    if (input.error === undefined || path === readAs)
        return { ...input, path };
    return { ...input, path, error: { ...input.error, message: input.error.message.split(readAs).join(path) } };
}

// EXTERNAL MODULE: ./src/cli/display.ts
var display = __webpack_require__(2616);
;// CONCATENATED MODULE: ./src/cli/commands/gate.ts
/**
 * `model-compat gate --baseline B [--threshold 80] [--metric auto] [--fail-on FLAG,...] [--summary out.md]
 * [--mapping-dir dir] [--json | --markdown] ARTIFACT...`: the action's gate for local use and other CI systems.
 * Same engine, same report; a concise console view by default, the action's Markdown with --markdown or
 * --summary, the JSON report with --json. The pipeline is the action's (src/node/run-gate.ts); exit 0 when every
 * artifact passes, else the status of the outcome's class: 1 when the gate fails, 2 on bad input (including an
 * artifact that cannot be read).
 */








const spec = {
    name: 'gate',
    summary: 'Gate checkpoints or LoRAs against a baseline: overlap or loadable %, flags, pass or fail.',
    usage: '--baseline B [--threshold 80] [--metric auto|exact|normalized|mapped|loadable] [--fail-on FLAG,...] ' +
        '[--summary out.md] [--mapping-dir DIR] [--json | --markdown] ARTIFACT...',
    minPositionals: 1,
    options: {
        baseline: {
            kind: 'string',
            short: 'b',
            help: 'the model to gate against (file, folder, index or manifest)',
            value: 'B'
        },
        threshold: { kind: 'string', help: 'minimum gated figure in percent (default 80)', value: 'PCT' },
        metric: { kind: 'string', help: 'figure the threshold applies to (default auto)', value: 'METRIC' },
        'fail-on': {
            kind: 'string',
            help: 'comma-separated flags that fail the gate (default dangerous-globals,unknown-globals; none for none)',
            value: 'FLAG,...'
        },
        'allow-globals': {
            kind: 'string',
            help: 'pickle globals you trust: module.Name or module.* (never allows a known-dangerous global)',
            value: 'NAME,...'
        },
        loader: {
            kind: 'string',
            help: "gate LoRAs by these runtimes' loading rules: any (default), comfyui, diffusers, or a list (comfyui,diffusers)",
            value: 'LOADER,...'
        },
        summary: {
            kind: 'string',
            help: 'also write the Markdown summary (job summary / PR comment) to this file',
            value: 'FILE'
        },
        'mapping-dir': {
            kind: 'string',
            help: 'write gate-report.json, summary.md and the mappings here',
            value: 'DIR'
        },
        json: { kind: 'boolean', help: 'print the JSON report (schemas/gate-report.schema.json) to stdout' },
        markdown: { kind: 'boolean', help: 'print the Markdown summary to stdout instead of the console view' },
        ...read/* REMOTE_OPTIONS */.Q,
        ...display/* DISPLAY_OPTIONS */.wV
    }
};
/** The same parsers as the action's inputs, so both accept and refuse the same values; errors name the flag. */
function policyOf(args) {
    return {
        threshold: parseThreshold((0,cli_args/* str */.gx)(args, 'threshold') ?? '', '--threshold'),
        metric: parseMetric((0,cli_args/* str */.gx)(args, 'metric') ?? '', '--metric'),
        failOn: parseFailOn((0,cli_args/* str */.gx)(args, 'fail-on') ?? '', '--fail-on'),
        allowGlobals: parseAllowGlobals((0,cli_args/* str */.gx)(args, 'allow-globals') ?? '', '--allow-globals'),
        loaders: parseLoaders((0,cli_args/* str */.gx)(args, 'loader') ?? '', '--loader')
    };
}
async function run(args, io) {
    const baseline = (0,cli_args/* str */.gx)(args, 'baseline');
    if (baseline === undefined)
        throw new errors/* UsageError */.eb('--baseline is required');
    if ((0,cli_args/* flag */.Jt)(args, 'json') && (0,cli_args/* flag */.Jt)(args, 'markdown'))
        throw new errors/* UsageError */.eb('--json and --markdown exclude each other');
    const mappingDir = (0,cli_args/* str */.gx)(args, 'mapping-dir');
    // Cut lists point to the files of --mapping-dir; without it, nothing names a file that was never written.
    const hints = mappingDir
        ? { fullReportHint: `in the folder ${mappingDir}` }
        : { noReportHint: 'run with --mapping-dir DIR or --json' };
    const gate = await runGate({
        artifacts: args.positionals,
        baseline,
        policy: policyOf(args),
        cwd: io.cwd,
        read: (0,read/* checkpointReader */.u)(args, io).read,
        ...(mappingDir !== undefined ? { reportDir: mappingDir } : {}),
        ...((0,cli_args/* str */.gx)(args, 'summary') !== undefined ? { summaryFile: (0,cli_args/* str */.gx)(args, 'summary') } : {}),
        names: { baseline: '--baseline', reportDir: '--mapping-dir' },
        ...hints
    });
    if ((0,cli_args/* flag */.Jt)(args, 'json'))
        io.stdout((0,json/* toJson */.a)(gate.report));
    else if ((0,cli_args/* flag */.Jt)(args, 'markdown'))
        io.stdout(gate.summary);
    else
        io.stdout(renderGateConsole(gate.report, { color: io.color, width: (0,display/* outputWidth */.gp)(args, io), ...hints }));
    const outcome = gateOutcome(gate.report);
    if (outcome === undefined)
        return errors/* EXIT */.dc.ok;
    // The console view already says what failed, first line first: stderr does not say it again. After JSON or
    // Markdown on stdout, stderr carries the failure for a person.
    if ((0,cli_args/* flag */.Jt)(args, 'json') || (0,cli_args/* flag */.Jt)(args, 'markdown'))
        throw outcome;
    return outcome.exitCode;
}
const gateCommand = { spec, run };


/***/ }),

/***/ 8012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HeaderCache: () => (/* binding */ HeaderCache)
/* harmony export */ });
/* unused harmony export DEFAULT_HEADER_CACHE_ENTRIES */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5407);
/* harmony import */ var _detect_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(445);
/* harmony import */ var _file_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3267);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2964);
/* harmony import */ var _safetensors_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7126);
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

/***/ 1188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PQ: () => (/* reexport safe */ _resolve_js__WEBPACK_IMPORTED_MODULE_1__.P),
/* harmony export */   hL: () => (/* reexport safe */ _analyze_js__WEBPACK_IMPORTED_MODULE_0__.hL),
/* harmony export */   uR: () => (/* reexport safe */ _base_index_js__WEBPACK_IMPORTED_MODULE_2__.u)
/* harmony export */ });
/* harmony import */ var _analyze_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4322);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6924);
/* harmony import */ var _base_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7122);
/* harmony import */ var _compare_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9855);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6414);
/* harmony import */ var _layers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4264);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7648);
/** The LoRA core: analysis of one file, resolution against a base, LoRA vs LoRA. Pure: no I/O. */










/***/ })

};
;