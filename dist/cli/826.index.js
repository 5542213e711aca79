export const id = 826;
export const ids = [826,309];
export const modules = {

/***/ 826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyzeCommand: () => (/* binding */ analyzeCommand)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(604);
;// CONCATENATED MODULE: ./src/formats/summary.ts
function summarizeCheckpoint(ckpt) {
    const dtypes = Object.create(null);
    let parameterCount = 0;
    let dataBytes = 0;
    for (const t of ckpt.tensors) {
        const numel = t.shape.reduce((a, b) => a * b, 1);
        const bytes = t.byteRange ? Number(t.byteRange.end - t.byteRange.start) : 0;
        parameterCount += numel;
        dataBytes += bytes;
        const d = (dtypes[t.dtype] ??= { tensors: 0, parameters: 0, bytes: 0 });
        d.tensors++;
        d.parameters += numel;
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

// EXTERNAL MODULE: ./src/formats/manifest.ts
var manifest = __webpack_require__(839);
// EXTERNAL MODULE: ./src/analysis/index.ts + 10 modules
var analysis = __webpack_require__(971);
// EXTERNAL MODULE: ./src/report/checkpoint-console.ts
var checkpoint_console = __webpack_require__(46);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(11);
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


function renderStructureConsole(a, opts) {
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: ./src/formats/source.ts
var source = __webpack_require__(159);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(67);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(289);
;// CONCATENATED MODULE: ./src/formats/http/response.ts
/** An attempt failure, classified for the retry loop. */
class AttemptError extends Error {
    code;
    retryable;
    retryAfterMs;
    constructor(code, message, retryable, retryAfterMs) {
        super(message);
        this.code = code;
        this.retryable = retryable;
        this.retryAfterMs = retryAfterMs;
    }
}
/** A body without Content-Length (chunked): read to its end, refusing more than `maxBytes`. */
function readToEnd(res, maxBytes, where, deadline, onBytes) {
    const body = res.body;
    return new Promise((resolve, reject) => {
        const chunks = [];
        let got = 0;
        let settled = false;
        const timer = setTimeout(() => finish(new AttemptError('HttpError', `${where}: timed out reading the body`, true)), Math.max(0, deadline - Date.now()));
        const finish = (err) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (err) {
                body.destroy();
                reject(err);
            }
            else
                resolve(new Uint8Array(Buffer.concat(chunks)));
        };
        body.on('data', (chunk) => {
            onBytes(chunk.length);
            got += chunk.length;
            if (got > maxBytes) {
                finish(new AttemptError('HeaderTooLarge', `${where}: the document is over the ${maxBytes}-byte limit`, false));
            }
            else
                chunks.push(chunk);
        });
        body.on('end', () => finish());
        body.on('error', (e) => finish(new AttemptError('HttpError', `${where}: connection failed: ${errorText(e)}`, true)));
        body.on('close', () => {
            if (!body.complete)
                finish(new AttemptError('HttpError', `${where}: truncated response`, true));
            else
                finish();
        });
    });
}
/**
 * Read exactly `length` body bytes. With `whole`, the body must end there; otherwise the rest is abandoned
 * (the socket is destroyed, so a 30 GB body stops flowing).
 */
function readExactly(res, length, whole, where, deadline, onBytes) {
    const body = res.body;
    return new Promise((resolve, reject) => {
        const out = new Uint8Array(length);
        let got = 0;
        let settled = false;
        const timer = setTimeout(() => finish(new AttemptError('HttpError', `${where}: timed out reading the body`, true)), Math.max(0, deadline - Date.now()));
        const finish = (err) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (err) {
                body.destroy();
                reject(err);
            }
            else
                resolve(out);
        };
        body.on('data', (chunk) => {
            if (settled)
                return;
            onBytes(chunk.length);
            const take = Math.min(chunk.length, length - got);
            out.set(chunk.subarray(0, take), got);
            got += take;
            if (take < chunk.length && whole) {
                finish(new AttemptError('HttpError', `${where}: the body is longer than the ${length} bytes announced`, false));
            }
            else if (got === length && !whole) {
                body.destroy();
                finish();
            }
        });
        body.on('end', () => {
            if (got === length)
                finish();
            else
                finish(new AttemptError('HttpError', `${where}: truncated response, body ended after ${got} of ${length} bytes`, true));
        });
        body.on('error', (e) => finish(new AttemptError('HttpError', `${where}: connection failed after ${got} of ${length} body bytes: ${errorText(e)}`, true)));
        body.on('close', () => {
            if (got === length)
                finish();
            else
                finish(new AttemptError('HttpError', `${where}: truncated response, body ended after ${got} of ${length} bytes`, true));
        });
        if (length === 0 && !whole)
            finish();
    });
}
function header(headers, name) {
    const v = headers[name];
    if (Array.isArray(v))
        return v[0];
    return v === undefined ? undefined : v.trim();
}
/** `bytes a-b/N`, `bytes a-b/*` or `bytes *\/N`. */
function parseContentRange(value) {
    if (value === undefined)
        return undefined;
    const full = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value.trim());
    if (full) {
        const first = Number(full[1]);
        const last = Number(full[2]);
        const size = full[3] === '*' ? undefined : Number(full[3]);
        if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last < first)
            return undefined;
        if (size !== undefined && !Number.isSafeInteger(size))
            return undefined;
        return { first, last, size };
    }
    const unsatisfied = /^bytes\s+\*\/(\d+)$/i.exec(value.trim());
    if (unsatisfied && Number.isSafeInteger(Number(unsatisfied[1])))
        return { size: Number(unsatisfied[1]) };
    return undefined;
}
/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined)
        return undefined;
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function errorText(e) {
    if (e instanceof Error) {
        const code = e.code;
        return code !== undefined && !e.message.includes(code) ? `${code} ${e.message}` : e.message;
    }
    return String(e);
}
/**
 * Why a final (non-2xx, non-redirect) status failed: auth problems get a message about the token, a refusal from
 * a download host reached by redirect (no token goes there) is about its signed link, 404/410 are FileNotFound,
 * 429 and 5xx are retryable (with the server's Retry-After).
 */
function classifyStatus(res, status, tokenSent, tokenOrigin) {
    if (res.status === 401 || res.status === 403) {
        const why = res.redirected && !tokenOrigin
            ? `${status} from the download host after a redirect; the signed download link was refused (it may ` +
                `have expired): retry, and check that the token can read this repository`
            : tokenSent
                ? `${status}: the server refused the token; check that it is valid and has read access to this ` +
                    `repository (gated models also need their terms accepted on the Hub)`
                : `${status}: authentication required; set HF_TOKEN or pass --hf-token with a token that can read this file`;
        return { code: 'RemoteAuth', why, retryable: false };
    }
    if (res.status === 404 || res.status === 410)
        return { code: 'FileNotFound', why: status, retryable: false };
    if (res.status === 429 || res.status >= 500) {
        return {
            code: 'HttpError',
            why: status,
            retryable: true,
            retryAfterMs: parseRetryAfter(header(res.headers, 'retry-after'))
        };
    }
    return { code: 'HttpError', why: `unexpected ${status}`, retryable: false };
}

;// CONCATENATED MODULE: ./src/formats/http/url.ts
/**
 * Remote locations: which strings are URLs, how `hf://` short forms become Hub `resolve` URLs, and how secrets
 * are kept out of every message. Pure functions (the environment is passed in), so they are trivially testable.
 */

const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';
/** True for the locations `openLocation` sends over the network. */
function isRemoteLocation(location) {
    return /^(https?|hf):\/\//i.test(location);
}
/** Normalise an endpoint (`HF_ENDPOINT`): an http(s) origin plus optional path prefix, no trailing slash. */
function normaliseEndpoint(endpoint) {
    const raw = endpoint === undefined || endpoint.trim() === '' ? DEFAULT_HF_ENDPOINT : endpoint.trim();
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new errors/* CheckpointError */.j('InvalidUrl', redactUrl(raw), 'the Hugging Face endpoint is not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* CheckpointError */.j('InvalidUrl', redactUrl(raw), 'the Hugging Face endpoint must be an http(s) URL');
    }
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
        throw new errors/* CheckpointError */.j('InvalidUrl', redactUrl(raw), 'the Hugging Face endpoint must not carry credentials, a query or a fragment');
    }
    return url.href.replace(/\/+$/, '');
}
const REPO_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Parse `hf://ORG/REPO[@REVISION]/PATH`. A revision with slashes (`refs/pr/1`) is written URL-encoded. */
function parseHfUrl(location) {
    const bad = (why) => new errors/* CheckpointError */.j('InvalidUrl', redactUrl(location), `${why}; expected hf://ORG/REPO[@REVISION]/PATH (or hf://datasets/ORG/REPO/PATH)`);
    const m = /^hf:\/\/(.*)$/i.exec(location);
    if (!m)
        throw bad('not an hf:// location');
    const parts = m[1].split('/');
    let repoType = '';
    if (parts[0] === 'datasets' || parts[0] === 'spaces')
        repoType = parts.shift();
    if (parts.length < 3)
        throw bad('missing the organisation, the repository or the file path');
    const org = parts[0];
    let name = parts[1];
    let revision = 'main';
    const at = name.indexOf('@');
    if (at >= 0) {
        revision = decodeComponent(name.slice(at + 1), bad);
        name = name.slice(0, at);
        if (revision === '')
            throw bad('empty revision after @');
    }
    if (!REPO_PART.test(org) || !REPO_PART.test(name))
        throw bad(`invalid repository id "${org}/${name}"`);
    const pathParts = parts.slice(2).map((p) => decodeComponent(p, bad));
    if (pathParts.some((p) => p === '' || p === '.' || p === '..')) {
        throw bad('the file path has an empty, "." or ".." segment');
    }
    return { repoType, repo: `${org}/${name}`, revision, path: pathParts.join('/') };
}
function decodeComponent(s, bad) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        throw bad(`invalid percent-encoding in "${s}"`);
    }
}
/** The Hub URL serving a file's bytes: `${endpoint}/[datasets/]ORG/REPO/resolve/REVISION/PATH`. */
function hfResolveUrl(loc, endpoint = DEFAULT_HF_ENDPOINT) {
    const prefix = loc.repoType === '' ? '' : `${loc.repoType}/`;
    const path = loc.path.split('/').map(encodeURIComponent).join('/');
    return `${normaliseEndpoint(endpoint)}/${prefix}${loc.repo}/resolve/${encodeURIComponent(loc.revision)}/${path}`;
}
/**
 * The http(s) URL for a location: `hf://` is resolved against the endpoint, and a Hub page URL copied from a
 * browser (`.../blob/REV/PATH`) is turned into its `resolve` form, which serves the raw bytes.
 */
function toHttpUrl(location, endpoint = DEFAULT_HF_ENDPOINT) {
    if (/^hf:\/\//i.test(location))
        return hfResolveUrl(parseHfUrl(location), endpoint);
    let url;
    try {
        url = new URL(location);
    }
    catch {
        throw new errors/* CheckpointError */.j('InvalidUrl', redactUrl(location), 'not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* CheckpointError */.j('InvalidUrl', redactUrl(location), `unsupported scheme ${url.protocol}`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new errors/* CheckpointError */.j('InvalidUrl', redactUrl(location), 'credentials in the URL are not accepted; pass a token with --hf-token or HF_TOKEN');
    }
    const hub = new URL(normaliseEndpoint(endpoint));
    if (url.origin === hub.origin) {
        const base = hub.pathname.replace(/\/+$/, '');
        const rest = url.pathname.slice(base.length);
        const blob = /^(\/(?:datasets\/|spaces\/)?[^/]+\/[^/]+)\/blob\/(.+)$/.exec(rest);
        if (url.pathname.startsWith(base) && blob)
            url.pathname = `${base}${blob[1]}/resolve/${blob[2]}`;
    }
    url.hash = '';
    return url.href;
}
/** Join a relative file name (a shard listed in an index) onto a remote location, keeping its scheme. */
function resolveRemoteRelative(base, relative) {
    if (isRemoteLocation(relative))
        return relative;
    if (/^hf:\/\//i.test(base)) {
        const loc = parseHfUrl(base);
        const dir = loc.path.split('/').slice(0, -1);
        for (const part of relative.split('/')) {
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                if (dir.length === 0)
                    throw new errors/* CheckpointError */.j('InvalidUrl', relative, `escapes the repository of ${base}`);
                dir.pop();
            }
            else
                dir.push(part);
        }
        const prefix = loc.repoType === '' ? '' : `${loc.repoType}/`;
        const rev = loc.revision === 'main' ? '' : `@${encodeURIComponent(loc.revision)}`;
        return `hf://${prefix}${loc.repo}${rev}/${dir.map(encodeURIComponent).join('/')}`;
    }
    return new URL(relative.split('/').map(encodeURIComponent).join('/'), base).href;
}
/** Query parameters whose values are credentials or signatures (signed CDN URLs carry them). */
const SECRET_PARAM = /^(token|access_token|auth|key|api_key|apikey|sig|signature|policy|key-pair-id|x-amz-.*|x-goog-.*|credential|password|secret)$/i;
/** A URL safe to print: no user-info, and secret query values replaced by `***`. Non-URLs are scrubbed as text. */
function redactUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return redactText(raw);
    }
    if (url.username !== '' || url.password !== '') {
        url.username = '***';
        url.password = '';
    }
    for (const key of [...url.searchParams.keys()]) {
        if (SECRET_PARAM.test(key))
            url.searchParams.set(key, '***');
    }
    return url.href.replace(/%2A%2A%2A/g, '***');
}
/**
 * Remove secrets from free text: every given secret verbatim, Hugging Face tokens (`hf_...`), bearer values, and
 * credentials embedded in URLs.
 */
function redactText(text, secrets = []) {
    let out = text;
    for (const s of secrets) {
        if (s !== undefined && s.length >= 4)
            out = out.split(s).join('***');
    }
    out = out.replace(/\bhf_[A-Za-z0-9]{8,}/g, 'hf_***');
    out = out.replace(/(bearer\s+)[^\s"']+/gi, '$1***');
    out = out.replace(/(https?:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi, '$1***@');
    out = out.replace(/([?&](?:token|access_token|sig|signature|x-amz-signature|x-amz-credential)=)[^&\s"']+/gi, '$1***');
    return out;
}

;// CONCATENATED MODULE: ./src/formats/http/client.ts
/**
 * A small HTTP client for byte ranges, on node:http(s) only (no dependency, same behaviour on Node 20 and 24).
 * It owns everything that makes remote reads robust: redirects (the token never leaves its origin), idle and
 * total timeouts, bounded retries with backoff that honour Retry-After, servers that ignore Range, truncated
 * bodies and lying Content-Range headers. Every failure is a `CheckpointError` naming the location and status,
 * with secrets scrubbed.
 */






const REDIRECTS = new Set([301, 302, 303, 307, 308]);
class HttpClient {
    stats = { requests: 0, bytesReceived: 0, retries: 0 };
    token;
    tokenOrigins;
    idleTimeoutMs;
    attemptTimeoutMs;
    retries;
    retryBaseDelayMs;
    maxRetryDelayMs;
    maxRedirects;
    maxIgnoredRangePrefix;
    userAgent;
    sleep;
    maxConcurrent;
    active = 0;
    waiting = [];
    constructor(opts = {}) {
        this.token = opts.token === undefined || opts.token === '' ? undefined : opts.token;
        this.tokenOrigins = new Set((opts.tokenOrigins ?? [normaliseEndpoint(undefined)]).map((o) => new URL(normaliseEndpoint(o)).origin));
        this.idleTimeoutMs = opts.idleTimeoutMs ?? 30_000;
        this.attemptTimeoutMs = opts.attemptTimeoutMs ?? 120_000;
        this.retries = Math.max(0, opts.retries ?? 4);
        this.retryBaseDelayMs = opts.retryBaseDelayMs ?? 500;
        this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 30_000;
        this.maxRedirects = opts.maxRedirects ?? 10;
        this.maxConcurrent = Math.max(1, opts.maxConcurrent ?? 8);
        this.maxIgnoredRangePrefix = opts.maxIgnoredRangePrefix ?? 64 * 1024 * 1024;
        this.userAgent = opts.userAgent ?? 'model-compat (header-only reader)';
        this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }
    /** Whether requests to this URL would carry the token (for cache keys and messages; never the token itself). */
    sendsTokenTo(url) {
        return this.token !== undefined && this.tokenOrigins.has(new URL(url).origin);
    }
    /**
     * GET bytes [start, end) of `url`. `label` names the file in errors (the location the user gave, redacted).
     * With `ifNoneMatch`, a 304 answer returns `not-modified`. A range starting at or past the end of the file
     * returns the file size and no bytes.
     */
    async getRange(url, start, end, label, ifNoneMatch) {
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
            throw new errors/* CheckpointError */.j('IoError', label, `invalid byte range ${start}..${end}`);
        }
        return this.withRetries(url, label, () => this.attemptRange(new URL(url), start, end, ifNoneMatch));
    }
    /**
     * GET a whole small document (a Hub API listing) without Range; bodies over `maxBytes` are refused. Returns the
     * body and the Link header (the Hub paginates listings with `rel="next"`).
     */
    async getDocument(url, maxBytes, label) {
        return this.withRetries(url, label, () => this.attemptDocument(new URL(url), maxBytes));
    }
    async withRetries(url, label, once) {
        let attempt = 0;
        while (true) {
            try {
                await this.acquire();
                try {
                    return await once();
                }
                finally {
                    this.release();
                }
            }
            catch (e) {
                const err = e instanceof AttemptError
                    ? e
                    : new AttemptError('HttpError', `GET ${redactUrl(url)}: ${errorText(e)}`, true);
                if (!err.retryable || attempt >= this.retries) {
                    const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : '';
                    throw new errors/* CheckpointError */.j(err.code, label, this.scrub(err.message + tries), { cause: e });
                }
                const backoff = this.retryBaseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
                await this.sleep(Math.min(this.maxRetryDelayMs, err.retryAfterMs ?? backoff));
                attempt++;
                this.stats.retries++;
            }
        }
    }
    countBytes = (n) => {
        this.stats.bytesReceived += n;
    };
    scrub(text) {
        return redactText(text, [this.token]);
    }
    async acquire() {
        if (this.active < this.maxConcurrent) {
            this.active++;
            return;
        }
        await new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
    async attemptRange(url, start, end, ifNoneMatch) {
        const deadline = Date.now() + this.attemptTimeoutMs;
        const headers = {
            range: `bytes=${start}-${end - 1}`,
            'accept-encoding': 'identity',
            'user-agent': this.userAgent
        };
        if (ifNoneMatch !== undefined)
            headers['if-none-match'] = ifNoneMatch;
        const res = await this.follow(url, headers, deadline);
        const where = `GET ${redactUrl(res.url.href)}`;
        const status = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
        const fail = (code, why, retryable = false, retryAfterMs) => {
            res.body.destroy();
            throw new AttemptError(code, `${where}: ${why}`, retryable, retryAfterMs);
        };
        const encoding = header(res.headers, 'content-encoding');
        const etag = header(res.headers, 'etag');
        if ((res.status === 200 || res.status === 206) && encoding !== undefined && encoding !== 'identity') {
            fail('HttpError', `${status} with Content-Encoding "${encoding}"; a range read needs the raw bytes`);
        }
        if (res.status === 304) {
            res.body.resume();
            if (ifNoneMatch === undefined)
                fail('HttpError', `${status} to a request without If-None-Match`);
            return { kind: 'not-modified', etag };
        }
        if (res.status === 206) {
            const cr = parseContentRange(header(res.headers, 'content-range'));
            if (!cr || cr.size === undefined) {
                fail('HttpError', `${status} with an invalid Content-Range "${header(res.headers, 'content-range') ?? ''}"`);
            }
            const { first, last, size } = cr;
            const wantLast = Math.min(end, size) - 1;
            if (first !== start || last !== wantLast || last >= size) {
                fail('HttpError', `${status} with Content-Range bytes ${first}-${last}/${size} for a request of bytes ${start}-${end - 1}`);
            }
            const length = last - first + 1;
            const declared = header(res.headers, 'content-length');
            if (declared !== undefined && Number(declared) !== length) {
                fail('HttpError', `${status} with Content-Length ${declared} but Content-Range of ${length} bytes`);
            }
            const bytes = await readExactly(res, length, true, where, deadline, this.countBytes);
            return { kind: 'bytes', bytes, size, etag, rangeSupported: true };
        }
        if (res.status === 416) {
            const cr = parseContentRange(header(res.headers, 'content-range'));
            if (cr?.size !== undefined && start >= cr.size) {
                res.body.resume();
                return { kind: 'bytes', bytes: new Uint8Array(0), size: cr.size, etag, rangeSupported: true };
            }
            fail('HttpError', `${status} for bytes ${start}-${end - 1}`);
        }
        if (res.status === 200)
            return this.readIgnoredRange(res, start, end, where, deadline, etag);
        return this.statusError(res, status, fail);
    }
    /** The error for a status that is neither success nor redirect (see `classifyStatus`). */
    statusError(res, status, fail) {
        const tokenWanted = this.token !== undefined && this.tokenOrigins.has(res.url.origin);
        const f = classifyStatus(res, status, tokenWanted, this.tokenOrigins.has(res.url.origin));
        return fail(f.code, f.why, f.retryable, f.retryAfterMs);
    }
    async attemptDocument(url, maxBytes) {
        const deadline = Date.now() + this.attemptTimeoutMs;
        const res = await this.follow(url, { accept: 'application/json', 'accept-encoding': 'identity', 'user-agent': this.userAgent }, deadline);
        const where = `GET ${redactUrl(res.url.href)}`;
        const status = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
        const fail = (code, why, retryable = false, retryAfterMs) => {
            res.body.destroy();
            throw new AttemptError(code, `${where}: ${why}`, retryable, retryAfterMs);
        };
        if (res.status !== 200)
            return this.statusError(res, status, fail);
        const encoding = header(res.headers, 'content-encoding');
        if (encoding !== undefined && encoding !== 'identity')
            fail('HttpError', `unexpected Content-Encoding "${encoding}"`);
        const declared = header(res.headers, 'content-length');
        if (declared !== undefined) {
            const length = Number(declared);
            if (!Number.isSafeInteger(length) || length < 0)
                fail('HttpError', `invalid Content-Length "${declared}"`);
            if (length > maxBytes)
                fail('HeaderTooLarge', `the document is ${length} bytes; the limit is ${maxBytes}`);
            return {
                bytes: await readExactly(res, length, true, where, deadline, this.countBytes),
                link: header(res.headers, 'link')
            };
        }
        return {
            bytes: await readToEnd(res, maxBytes, where, deadline, this.countBytes),
            link: header(res.headers, 'link')
        };
    }
    /** A 200 answer to a Range request: read only the prefix we need, then abort instead of streaming the file. */
    async readIgnoredRange(res, start, end, where, deadline, etag) {
        const declared = header(res.headers, 'content-length');
        const size = declared === undefined ? NaN : Number(declared);
        if (!Number.isSafeInteger(size) || size < 0) {
            res.body.destroy();
            throw new AttemptError('RangeNotSupported', `${where}: the server ignores Range requests and sends no usable Content-Length`, false);
        }
        const need = Math.min(end, size);
        if (need > this.maxIgnoredRangePrefix) {
            res.body.destroy();
            throw new AttemptError('RangeNotSupported', `${where}: the server ignores Range requests; reading bytes ${start}-${end - 1} would mean downloading ` +
                `${need} bytes (limit ${this.maxIgnoredRangePrefix})`, false);
        }
        const prefix = await readExactly(res, need, need === size, where, deadline, this.countBytes);
        return { kind: 'bytes', bytes: prefix.subarray(Math.min(start, need)), size, etag, rangeSupported: false };
    }
    /** Send a GET and follow redirects; the token goes only to allowed origins, never to a CDN. */
    async follow(start, headers, deadline) {
        let url = start;
        for (let hop = 0;; hop++) {
            const hopHeaders = { ...headers };
            if (this.token !== undefined && this.tokenOrigins.has(url.origin)) {
                hopHeaders.authorization = `Bearer ${this.token}`;
            }
            const res = await this.send(url, hopHeaders, deadline);
            if (!REDIRECTS.has(res.status))
                return { ...res, redirected: hop > 0 };
            res.body.resume();
            const where = `GET ${redactUrl(url.href)}`;
            const location = header(res.headers, 'location');
            if (location === undefined) {
                throw new AttemptError('HttpError', `${where}: HTTP ${res.status} redirect without a Location`, false);
            }
            if (hop >= this.maxRedirects) {
                throw new AttemptError('HttpError', `${where}: more than ${this.maxRedirects} redirects`, false);
            }
            let next;
            try {
                next = new URL(location, url);
            }
            catch {
                throw new AttemptError('HttpError', `${where}: HTTP ${res.status} to an invalid Location`, false);
            }
            if (next.protocol !== 'https:' && next.protocol !== 'http:') {
                throw new AttemptError('HttpError', `${where}: redirect to unsupported scheme ${next.protocol}`, false);
            }
            if (url.protocol === 'https:' && next.protocol === 'http:') {
                throw new AttemptError('HttpError', `${where}: refusing a redirect from https to plain http`, false);
            }
            url = next;
        }
    }
    send(url, headers, deadline) {
        this.stats.requests++;
        const lib = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        return new Promise((resolve, reject) => {
            const where = `GET ${redactUrl(url.href)}`;
            const req = lib.request(url, { method: 'GET', headers, agent: false });
            const total = setTimeout(() => req.destroy(new AttemptError('HttpError', `${where}: timed out after ${this.attemptTimeoutMs} ms`, true)), Math.max(0, deadline - Date.now()));
            req.setTimeout(this.idleTimeoutMs, () => req.destroy(new AttemptError('HttpError', `${where}: no response for ${this.idleTimeoutMs} ms`, true)));
            req.on('error', (e) => {
                clearTimeout(total);
                reject(e instanceof AttemptError ? e : new AttemptError('HttpError', `${where}: ${errorText(e)}`, true));
            });
            req.on('response', (res) => {
                // The attempt timer keeps running while the body is read (readBody has its own deadline too).
                res.on('close', () => clearTimeout(total));
                resolve({
                    status: res.statusCode ?? 0,
                    statusText: res.statusMessage ?? '',
                    headers: res.headers,
                    body: res,
                    url,
                    redirected: false
                });
            });
            req.end();
        });
    }
}

;// CONCATENATED MODULE: ./src/formats/http/http-source.ts
/**
 * A `ByteSource` over HTTP range requests. Readers make many small exact reads; this source turns them into few
 * requests:
 * - opening fetches the first `initialBytes` (64 KiB) speculatively, which also tells us the size, so a
 *   safetensors header under 64 KiB costs one request and a longer one exactly two;
 * - fetched ranges are kept (merged) and every later read is served from them when it can;
 * - a miss fetches at least `readAheadBytes`; consecutive sequential misses (GGUF metadata, a big pickle) double
 *   that up to `maxReadAheadBytes`, so "growing the range as needed" takes a logarithmic number of requests;
 * - a miss near the end of the file extends backwards instead (a zip's directory sits just before its end).
 * With a `RemoteHeaderCache`, the opening request carries If-None-Match; a 304 serves every cached range.
 */


const KiB = 1024;
class HttpSource {
    name;
    url;
    size;
    etag;
    opts;
    bytesRead = 0;
    reads = 0;
    stats;
    segments;
    readAhead;
    lastMissEnd = -1;
    clock = 0;
    dirty;
    closed = false;
    constructor(name, url, size, etag, segments, opts, fromCache, rangeSupported, bytesFetched) {
        this.name = name;
        this.url = url;
        this.size = size;
        this.etag = etag;
        this.opts = opts;
        this.segments = segments.map((s) => ({ ...s, lastUsed: 0 }));
        this.readAhead = opts.readAheadBytes;
        this.lastMissEnd = segments.length > 0 ? segments[0].start + segments[0].bytes.length : -1;
        this.dirty = !fromCache;
        this.stats = { requests: 1, bytesFetched, fromCache, rangeSupported };
    }
    /** Open `url`: one request (conditional when a cached copy exists) that fetches the first bytes and the size. */
    static async open(url, options) {
        const opts = {
            client: options.client,
            initialBytes: positive(options.initialBytes, 64 * KiB),
            readAheadBytes: positive(options.readAheadBytes, 64 * KiB),
            maxReadAheadBytes: positive(options.maxReadAheadBytes, 4096 * KiB),
            maxHeldBytes: positive(options.maxHeldBytes, 256 * 1024 * KiB),
            cache: options.cache
        };
        const name = options.name ?? redactUrl(url);
        const cached = await opts.cache?.get(url).catch(() => undefined);
        const first = await opts.client.getRange(url, 0, opts.initialBytes, name, cached?.etag);
        if (first.kind === 'not-modified') {
            if (cached === undefined)
                throw new errors/* CheckpointError */.j('HttpError', name, 'HTTP 304 without a cached copy');
            return new HttpSource(name, url, cached.size, cached.etag, cached.segments, opts, true, true, 0);
        }
        const segments = first.bytes.length > 0 ? [{ start: 0, bytes: first.bytes }] : [];
        return new HttpSource(name, url, first.size, first.etag, segments, opts, false, first.rangeSupported, first.bytes.length);
    }
    async read(offset, length) {
        if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
            throw new errors/* CheckpointError */.j('IoError', this.name, `invalid read range offset=${offset} length=${length}`);
        }
        if (offset + length > this.size) {
            throw new errors/* CheckpointError */.j('Truncated', this.name, `needs bytes ${offset}..${offset + length} but the file has ${this.size} bytes`);
        }
        if (this.closed)
            throw new errors/* CheckpointError */.j('IoError', this.name, 'read after close');
        const end = offset + length;
        const gaps = this.gaps(offset, end);
        if (gaps.length > 0)
            await this.fetch(gaps[0][0], gaps[gaps.length - 1][1]);
        const out = this.assemble(offset, end);
        this.bytesRead += length;
        this.reads++;
        return out;
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.opts.cache !== undefined && this.etag !== undefined && this.dirty) {
            const segments = this.segments.map(({ start, bytes }) => ({ start, bytes }));
            // The cache only saves requests; failing to write it must not fail the analysis.
            await this.opts.cache
                .put({ url: this.url, etag: this.etag, size: this.size, segments })
                .catch(() => undefined);
        }
        this.segments = [];
    }
    /** The parts of [start, end) no held segment covers. */
    gaps(start, end) {
        const out = [];
        let pos = start;
        for (const s of this.segments) {
            const sEnd = s.start + s.bytes.length;
            if (sEnd <= pos)
                continue;
            if (s.start >= end)
                break;
            if (s.start > pos)
                out.push([pos, s.start]);
            pos = Math.max(pos, sEnd);
            if (pos >= end)
                break;
        }
        if (pos < end)
            out.push([pos, end]);
        return out;
    }
    /** Fetch at least [start, end), widened by read-ahead without re-fetching held neighbours. */
    async fetch(start, end) {
        // Sequential misses (a reader walking a long header) double the read-ahead. A scattered miss (a zip's local
        // headers spread over a 28 GB file) goes back to the base size: on a CDN a request costs far more than 64 KiB,
        // and the base often catches the next small record too.
        const sequential = start === this.lastMissEnd;
        const ahead = sequential ? this.readAhead : this.opts.readAheadBytes;
        const want = Math.max(end - start, ahead);
        this.readAhead = sequential ? Math.min(ahead * 2, this.opts.maxReadAheadBytes) : this.opts.readAheadBytes;
        let from = start;
        let to = Math.min(this.size, start + want);
        if (to - from < want)
            from = Math.max(0, this.size - want);
        const next = this.segments.find((s) => s.start >= end);
        if (next !== undefined)
            to = Math.min(to, next.start);
        const prev = [...this.segments].reverse().find((s) => s.start + s.bytes.length <= start);
        if (prev !== undefined)
            from = Math.max(from, prev.start + prev.bytes.length);
        from = Math.min(from, start);
        to = Math.max(to, end);
        const result = await this.opts.client.getRange(this.url, from, to, this.name);
        this.stats.requests++;
        if (result.kind !== 'bytes') {
            throw new errors/* CheckpointError */.j('HttpError', this.name, 'HTTP 304 to an unconditional request');
        }
        this.checkSameFile(result);
        this.stats.bytesFetched += result.bytes.length;
        if (!result.rangeSupported)
            this.stats.rangeSupported = false;
        if (result.bytes.length !== to - from) {
            throw new errors/* CheckpointError */.j('HttpError', this.name, `asked for ${to - from} bytes, got ${result.bytes.length}`);
        }
        this.lastMissEnd = to;
        this.insert({ start: from, bytes: result.bytes, lastUsed: ++this.clock });
        this.dirty = true;
    }
    checkSameFile(r) {
        const changedEtag = this.etag !== undefined && r.etag !== undefined && r.etag !== this.etag;
        if (changedEtag || r.size !== this.size) {
            throw new errors/* CheckpointError */.j('HttpError', this.name, `the file changed on the server while it was being read (size ${this.size} -> ${r.size}` +
                `${changedEtag ? `, ETag ${this.etag} -> ${r.etag}` : ''})`);
        }
    }
    /** Add a segment, merging it with any it touches, then drop least-recently-used ones past the memory bound. */
    insert(seg) {
        let start = seg.start;
        let end = seg.start + seg.bytes.length;
        const touching = [];
        const kept = [];
        for (const s of this.segments) {
            const sEnd = s.start + s.bytes.length;
            if (sEnd < start || s.start > end)
                kept.push(s);
            else
                touching.push(s);
        }
        let merged = seg;
        if (touching.length > 0) {
            for (const s of touching) {
                start = Math.min(start, s.start);
                end = Math.max(end, s.start + s.bytes.length);
            }
            const bytes = new Uint8Array(end - start);
            for (const s of touching)
                bytes.set(s.bytes, s.start - start);
            bytes.set(seg.bytes, seg.start - start);
            merged = { start, bytes, lastUsed: seg.lastUsed };
        }
        kept.push(merged);
        kept.sort((a, b) => a.start - b.start);
        let held = kept.reduce((n, s) => n + s.bytes.length, 0);
        for (const victim of [...kept].sort((a, b) => a.lastUsed - b.lastUsed)) {
            if (held <= this.opts.maxHeldBytes || victim === merged)
                continue;
            kept.splice(kept.indexOf(victim), 1);
            held -= victim.bytes.length;
        }
        this.segments = kept;
    }
    assemble(start, end) {
        const out = new Uint8Array(end - start);
        const stamp = ++this.clock;
        for (const s of this.segments) {
            const sEnd = s.start + s.bytes.length;
            if (sEnd <= start || s.start >= end)
                continue;
            const from = Math.max(start, s.start);
            const to = Math.min(end, sEnd);
            out.set(s.bytes.subarray(from - s.start, to - s.start), from - start);
            s.lastUsed = stamp;
        }
        return out;
    }
}
function positive(v, fallback) {
    return v !== undefined && Number.isSafeInteger(v) && v > 0 ? v : fallback;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
;// CONCATENATED MODULE: ./src/formats/http/remote-cache.ts
/**
 * Remote header cache: the byte ranges a run fetched from a remote file, keyed by URL and validated by ETag, so
 * the next run sends one conditional request per file (If-None-Match; 304 means every cached byte is current).
 *
 * The interface is two calls so the GitHub Action can persist the same folder with @actions/cache (restore the
 * folder before the run, save it after); the CLI uses a folder under the user's cache directory.
 */




/** `$XDG_CACHE_HOME/model-compat`, else `~/.cache/model-compat`. */
function defaultCacheDir(env = process.env) {
    const xdg = env.XDG_CACHE_HOME;
    if (xdg !== undefined && xdg !== '')
        return (0,external_node_path_.join)(xdg, 'model-compat');
    return (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache', 'model-compat');
}
/** For tests and one process reading the same URL twice. */
class MemoryHeaderCache {
    entries = new Map();
    async get(url) {
        return this.entries.get(url);
    }
    async put(entry) {
        this.entries.set(entry.url, entry);
    }
}
const MAGIC = 'model-compat header cache 1\n';
const MAX_META_BYTES = 1 << 20;
const MAX_SEGMENTS = 10_000;
/**
 * One file per URL (`<sha256(url)>.mchc`): a magic line, a 4-byte little-endian JSON length, the JSON description
 * and the segment bytes. Cache files are treated as untrusted: anything inconsistent is a miss, never an error,
 * and writes are atomic (temp file + rename) so a killed run leaves no half entry.
 */
class DirectoryHeaderCache {
    dir;
    maxEntryBytes;
    constructor(dir, maxEntryBytes = 256 * 1024 * 1024) {
        this.dir = dir;
        this.maxEntryBytes = maxEntryBytes;
    }
    fileFor(url) {
        return (0,external_node_path_.join)(this.dir, `${(0,external_node_crypto_.createHash)('sha256').update(url).digest('hex')}.mchc`);
    }
    async get(url) {
        let raw;
        try {
            raw = await (0,promises_.readFile)(this.fileFor(url));
        }
        catch {
            return undefined;
        }
        return decodeEntry(raw, url, this.maxEntryBytes);
    }
    async put(entry) {
        const total = entry.segments.reduce((n, s) => n + s.bytes.length, 0);
        if (total > this.maxEntryBytes)
            return;
        const meta = {
            url: entry.url,
            etag: entry.etag,
            size: entry.size,
            segments: entry.segments.map((s) => ({ start: s.start, length: s.bytes.length }))
        };
        const json = Buffer.from(JSON.stringify(meta), 'utf8');
        const len = Buffer.alloc(4);
        len.writeUInt32LE(json.length);
        const body = Buffer.concat([
            Buffer.from(MAGIC, 'latin1'),
            len,
            json,
            ...entry.segments.map((s) => s.bytes)
        ]);
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        const target = this.fileFor(entry.url);
        const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
        try {
            await (0,promises_.writeFile)(temp, body);
            await (0,promises_.rename)(temp, target);
        }
        catch (e) {
            await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
            throw e;
        }
    }
}
function decodeEntry(raw, url, maxEntryBytes) {
    const magicLength = MAGIC.length;
    if (raw.length < magicLength + 4 || raw.toString('latin1', 0, magicLength) !== MAGIC)
        return undefined;
    const jsonLength = raw.readUInt32LE(magicLength);
    const dataStart = magicLength + 4 + jsonLength;
    if (jsonLength > MAX_META_BYTES || dataStart > raw.length)
        return undefined;
    let meta;
    try {
        meta = JSON.parse(raw.toString('utf8', magicLength + 4, dataStart));
    }
    catch {
        return undefined;
    }
    if (typeof meta !== 'object' || meta === null || meta.url !== url || typeof meta.etag !== 'string')
        return undefined;
    if (!Number.isSafeInteger(meta.size) || meta.size < 0 || !Array.isArray(meta.segments))
        return undefined;
    if (meta.segments.length > MAX_SEGMENTS || raw.length - dataStart > maxEntryBytes)
        return undefined;
    const segments = [];
    let pos = dataStart;
    let prevEnd = 0;
    for (const s of meta.segments) {
        if (typeof s !== 'object' || s === null)
            return undefined;
        const { start, length } = s;
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < prevEnd || length <= 0)
            return undefined;
        if (start + length > meta.size || pos + length > raw.length)
            return undefined;
        segments.push({ start, bytes: new Uint8Array(raw.subarray(pos, pos + length)) });
        pos += length;
        prevEnd = start + length;
    }
    if (pos !== raw.length)
        return undefined;
    return { url, etag: meta.etag, size: meta.size, segments };
}

;// CONCATENATED MODULE: ./src/formats/http/open-location.ts
/**
 * One entry point for "give me bytes for this location": local paths open as files, `http(s)://` and `hf://`
 * locations open as `HttpSource`s sharing one client (one concurrency limit, one set of counters, one token) and
 * one header cache. The CLI and the action build a `RemoteContext` from their options; readers never see it.
 */






/** Resolve flags against the environment: flags win, then HF_TOKEN / HF_ENDPOINT / XDG_CACHE_HOME. */
function remoteOptions(flags = {}, env = process.env) {
    const token = nonEmpty(flags.hfToken) ?? nonEmpty(env.HF_TOKEN) ?? nonEmpty(env.HUGGING_FACE_HUB_TOKEN);
    const endpoint = nonEmpty(flags.endpoint) ?? nonEmpty(env.HF_ENDPOINT);
    const cache = flags.cacheDir === false ? false : (nonEmpty(flags.cacheDir) ?? defaultCacheDir(env));
    return { token, endpoint, cache };
}
function nonEmpty(v) {
    return v === undefined || v.trim() === '' ? undefined : v.trim();
}
/** Shared state for every remote file of one run. */
class RemoteContext {
    client;
    endpoint;
    cache;
    token;
    sourceOptions;
    constructor(opts = {}) {
        this.endpoint = normaliseEndpoint(opts.endpoint);
        this.token = opts.token;
        this.client = new HttpClient({ tokenOrigins: [this.endpoint], ...opts.http, token: opts.token });
        if (typeof opts.cache === 'string')
            this.cache = new DirectoryHeaderCache(opts.cache);
        else if (opts.cache !== false && opts.cache !== undefined)
            this.cache = opts.cache;
        this.sourceOptions = opts.source;
    }
    /** Counters over every remote request made through this context. */
    get stats() {
        return this.client.stats;
    }
    /** Open a local path or a remote location. The source's name is the location as given, secrets removed. */
    async open(location) {
        if (!isRemoteLocation(location))
            return (0,source/* openLocalFile */.Kp)(location);
        const url = toHttpUrl(location, this.endpoint);
        return HttpSource.open(url, {
            ...this.sourceOptions,
            client: this.client,
            cache: this.cache,
            name: redactUrl(location)
        });
    }
    /** A file next to `base` (a shard named in an index): same scheme, same revision. */
    resolve(base, relative) {
        return isRemoteLocation(base) ? resolveRemoteRelative(base, relative) : (0,external_node_path_.join)((0,external_node_path_.dirname)(base), relative);
    }
    /** Scrub this run's token (and any other credential pattern) from a message before printing it. */
    redact(text) {
        return redactText(text, [this.token]);
    }
}
/** Open one location with its own context (convenience for single files; runs with many files share a context). */
async function openLocation(location, opts = {}) {
    return new RemoteContext(opts).open(location);
}


// EXTERNAL MODULE: ./src/formats/index.ts + 21 modules
var formats = __webpack_require__(189);
// EXTERNAL MODULE: ./src/formats/file-access.ts
var file_access = __webpack_require__(267);
;// CONCATENATED MODULE: ./src/formats/http/remote-file-access.ts
/**
 * `FileAccess` (src/formats/file-access.ts) over remote locations, so the sharded and diffusers readers work on
 * `hf://` and `https://` paths unchanged. Local paths fall through to the local implementation.
 *
 * Requests are kept to the minimum: `kind(file)` is answered by opening the file (the opening request is the one
 * the reader needs anyway) and the opened source is handed to the `open` that follows, so checking then reading a
 * shard costs one request, not two. Folders exist only on the Hub, where its tree API lists them.
 */



/** A Hub folder listing is small; more pages than this is a hostile or broken answer. */
const MAX_LISTING_BYTES = 16 * 1024 * 1024;
const MAX_LISTING_PAGES = 20;
/** Probed sources waiting for their `open`; beyond this the oldest is dropped (it holds no handle). */
const MAX_PROBES = 256;
function remoteFileAccess(ctx, local = file_access/* localFileAccess */.oF) {
    const probes = new Map();
    const listings = new Map();
    const listHf = (dir) => {
        let p = listings.get(dir);
        if (!p) {
            p = hubListing(ctx, dir);
            listings.set(dir, p);
            p.catch(() => listings.delete(dir));
        }
        return p;
    };
    return {
        async open(path) {
            if (!isRemoteLocation(path))
                return local.open(path);
            const probed = probes.get(path);
            if (probed) {
                probes.delete(path);
                return probed;
            }
            return ctx.open(path);
        },
        async list(dir) {
            if (!isRemoteLocation(dir))
                return local.list(dir);
            if (!/^hf:\/\//i.test(dir)) {
                throw new errors/* CheckpointError */.j('IoError', redactUrl(dir), 'cannot list a folder over plain HTTP; give the URL of the file, the *.safetensors.index.json or the ' +
                    'model_index.json (or use an hf:// location)');
            }
            return [...(await listHf(dir)).keys()];
        },
        async kind(path) {
            if (!isRemoteLocation(path))
                return local.kind(path);
            if (/^hf:\/\//i.test(path) && hfPathOf(path) === '')
                return 'dir';
            try {
                const source = await ctx.open(path);
                if (probes.size >= MAX_PROBES)
                    probes.delete(probes.keys().next().value);
                probes.set(path, source);
                return 'file';
            }
            catch (e) {
                if (!(e instanceof errors/* CheckpointError */.j) || e.code !== 'FileNotFound')
                    throw e;
            }
            if (!/^hf:\/\//i.test(path))
                return undefined;
            const entries = await listHf(remoteDirname(path));
            return entries.get(remoteBasename(path));
        },
        join: (dir, name) => isRemoteLocation(dir)
            ? `${dir.replace(/\/+$/, '')}/${encodeURIComponent(name)}`
            : local.join(dir, name),
        dirname: (path) => (isRemoteLocation(path) ? remoteDirname(path) : local.dirname(path)),
        basename: (path) => (isRemoteLocation(path) ? remoteBasename(path) : local.basename(path))
    };
}
/** `hf://org/repo@rev/a/b` -> `hf://org/repo@rev/a`; `https://h/a/b?q` -> `https://h/a`. */
function remoteDirname(path) {
    const noQuery = path.replace(/[?#].*$/, '');
    const slash = noQuery.lastIndexOf('/');
    const root = rootLength(noQuery);
    return slash <= root ? noQuery.slice(0, root) : noQuery.slice(0, slash);
}
function remoteBasename(path) {
    const noQuery = path.replace(/[?#].*$/, '');
    const last = noQuery.slice(Math.max(rootLength(noQuery), noQuery.lastIndexOf('/') + 1));
    try {
        return decodeURIComponent(last);
    }
    catch {
        return last;
    }
}
/** Length of the part a dirname never removes: `https://host` or `hf://[datasets/]org/repo[@rev]`. */
function rootLength(path) {
    const m = /^(hf:\/\/(?:datasets\/|spaces\/)?[^/]+\/[^/]+|https?:\/\/[^/]+)/i.exec(path);
    return m ? m[1].length : 0;
}
/** The in-repository path of an hf:// location ('' for the repository root). */
function hfPathOf(location) {
    const root = rootLength(location);
    return location.slice(root).replace(/^\/+|\/+$/g, '');
}
/** List an hf:// folder with the Hub tree API (`/api/models/ORG/REPO/tree/REV/PATH`), following pagination. */
async function hubListing(ctx, dir) {
    const inRepo = hfPathOf(dir);
    // parseHfUrl needs a file path: parse a placeholder child to get repo, type and revision.
    const loc = parseHfUrl(`${dir.replace(/\/+$/, '')}/x`);
    const type = loc.repoType === '' ? 'models' : loc.repoType;
    const pathPart = inRepo === ''
        ? ''
        : `/${inRepo
            .split('/')
            .map((p) => encodeURIComponent(decodeURIComponent(p)))
            .join('/')}`;
    let url = `${ctx.endpoint}/api/${type}/${loc.repo}/tree/${encodeURIComponent(loc.revision)}${pathPart}`;
    const out = new Map();
    const name = redactUrl(dir);
    for (let page = 0; url !== undefined; page++) {
        if (page >= MAX_LISTING_PAGES) {
            throw new errors/* CheckpointError */.j('IoError', name, `the Hub listing has more than ${MAX_LISTING_PAGES} pages`);
        }
        const { bytes, link } = await ctx.client.getDocument(url, MAX_LISTING_BYTES, name);
        let entries;
        try {
            entries = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        }
        catch (e) {
            throw new errors/* CheckpointError */.j('IoError', name, 'the Hub folder listing is not valid JSON', { cause: e });
        }
        if (!Array.isArray(entries))
            throw new errors/* CheckpointError */.j('IoError', name, 'the Hub folder listing is not an array');
        for (const entry of entries) {
            if (typeof entry !== 'object' || entry === null)
                continue;
            const { type: kind, path } = entry;
            if (typeof path !== 'string')
                continue;
            const base = path.slice(path.lastIndexOf('/') + 1);
            if (kind === 'file')
                out.set(base, 'file');
            else if (kind === 'directory')
                out.set(base, 'dir');
        }
        const next = link === undefined ? undefined : /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1];
        url = next === undefined ? undefined : new URL(next, url).href;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/formats/http/read-location.ts
/**
 * Read a local path, an `http(s)://` URL or an `hf://` location: the same dispatch as local files
 * (`readCheckpoint`), with a remote `FileAccess` for remote locations.
 */



async function readLocation(location, ctx) {
    if (!isRemoteLocation(location))
        return (0,formats/* readCheckpoint */.HQ)(location);
    return (0,formats/* readCheckpoint */.HQ)(location, { fs: remoteFileAccess(ctx) });
}

;// CONCATENATED MODULE: ./src/cli/read.ts



const REMOTE_OPTIONS = {
    'hf-token': {
        kind: 'string',
        help: 'token for hf:// and Hub URLs (prefer the HF_TOKEN variable: arguments show in the process list)',
        value: 'TOKEN'
    },
    'cache-dir': {
        kind: 'string',
        help: 'where remote headers are cached (default $XDG_CACHE_HOME/model-compat)',
        value: 'DIR'
    },
    'no-cache': { kind: 'boolean', help: 'do not cache remote headers' }
};
function checkpointReader(args, io) {
    let ctx;
    const context = () => (ctx ??= new RemoteContext(remoteOptions({ hfToken: (0,cli_args/* str */.gx)(args, 'hf-token'), cacheDir: (0,cli_args/* flag */.Jt)(args, 'no-cache') ? false : (0,cli_args/* str */.gx)(args, 'cache-dir') }, io.env)));
    return {
        // The context (and its cache folder) is only made when a location is read.
        read: (location) => readLocation(location, context()),
        redact: (text) => (ctx ? ctx.redact(text) : text)
    };
}

// EXTERNAL MODULE: ./src/cli/commands/compare.ts + 2 modules
var compare = __webpack_require__(309);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/cli/files.ts
var files = __webpack_require__(141);
;// CONCATENATED MODULE: ./src/cli/commands/analyze.ts
/** `model-compat analyze FILE... [--names N...] [--export keys.txt] [--json] [--compare --mapping out.json]` */











const spec = {
    name: 'analyze',
    summary: 'Read checkpoints header-only and explain them: format, tensors, dtypes, metadata, pickle globals.',
    usage: 'FILE... [--names NAME...] [--export keys.txt] [--json] [--compare [--mapping out.json]]',
    minPositionals: 1,
    options: {
        names: { kind: 'list', help: 'display names for the files, in order', value: 'NAME...' },
        export: { kind: 'string', help: 'write every key with its shape and dtype to a text file', value: 'FILE' },
        json: { kind: 'boolean', help: 'print the manifest JSON (one object per file; an array for several)' },
        compare: { kind: 'boolean', help: 'compare the two files (same as `model-compat compare A B`)' },
        mapping: { kind: 'string', help: 'with --compare: write the key mapping JSON here', value: 'FILE' },
        'no-structure': { kind: 'boolean', help: 'skip the structure analysis (blocks, attention, dims, family)' },
        ...REMOTE_OPTIONS
    }
};
async function run(args, io) {
    if ((0,cli_args/* flag */.Jt)(args, 'compare')) {
        if (args.positionals.length !== 2)
            throw new cli_args/* UsageError */.eb('--compare needs exactly two files');
        return compare.compareCommand.run(args, io);
    }
    if ((0,cli_args/* str */.gx)(args, 'mapping') !== undefined)
        throw new cli_args/* UsageError */.eb('--mapping needs --compare (or use `model-compat compare`)');
    const names = (0,cli_args/* list */.p_)(args, 'names');
    if (names && names.length > args.positionals.length) {
        throw new cli_args/* UsageError */.eb(`--names has ${names.length} names for ${args.positionals.length} files`);
    }
    const reader = checkpointReader(args, io);
    const checkpoints = [];
    for (const path of args.positionals)
        checkpoints.push(await reader.read(path));
    const withStructure = !(0,cli_args/* flag */.Jt)(args, 'no-structure');
    const structures = checkpoints.map((c) => (withStructure ? (0,analysis/* analyzeStructure */.KM)(c) : undefined));
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,files/* writeFileAtomic */.Z)(exportPath, (0,checkpoint_console/* renderKeyExport */.Q)(checkpoints));
    if ((0,cli_args/* flag */.Jt)(args, 'json')) {
        const manifests = checkpoints.map((c, i) => {
            const m = (0,manifest/* toManifest */.Jq)(c, version/* TOOL */.j);
            if (structures[i] !== undefined)
                m.structure = structures[i];
            return m;
        });
        io.stdout(manifests.length === 1 ? (0,manifest/* manifestToJson */.zK)(manifests[0]) : (0,manifest/* manifestsToJson */.K9)(manifests));
        return cli_io/* EXIT_OK */.Ij;
    }
    checkpoints.forEach((ckpt, i) => {
        const title = names?.[i];
        if (i > 0)
            io.stdout('\n');
        if (title)
            io.stdout(`== ${title} ==\n`);
        io.stdout((0,checkpoint_console/* renderCheckpointSummary */.j)(ckpt, summarizeCheckpoint(ckpt), { color: io.color }));
        const structure = structures[i];
        if (structure !== undefined)
            io.stdout('\n' + renderStructureConsole(structure, { color: io.color }));
    });
    if (exportPath !== undefined)
        io.stdout(`\nkeys written to ${exportPath}\n`);
    return cli_io/* EXIT_OK */.Ij;
}
const analyzeCommand = { spec, run };


/***/ }),

/***/ 309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareCommand: () => (/* binding */ compareCommand),
  renderCompareExport: () => (/* binding */ renderCompareExport),
  runCompare: () => (/* binding */ runCompare)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(604);
// EXTERNAL MODULE: ./src/cli/files.ts
var files = __webpack_require__(141);
// EXTERNAL MODULE: ./src/formats/index.ts + 21 modules
var formats = __webpack_require__(189);
// EXTERNAL MODULE: ./src/compare/index.ts + 11 modules
var compare = __webpack_require__(38);
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
var format = __webpack_require__(11);
;// CONCATENATED MODULE: ./src/report/compare-console.ts


const DEFAULT_ROWS = 20;
function pct(x) {
    return `${(x * 100).toFixed(1)}%`;
}
function verdictLine(c, k) {
    const v = c.verdict;
    const paint = v.tier === 'compatible' ? k.green : v.tier === 'partial' ? k.yellow : k.red;
    return `${k.bold('Verdict:')} ${paint(k.bold(v.tier.toUpperCase()))} (${pct(v.overlap)} ${v.basis} overlap). ${v.summary}\n`;
}
function flagLine(f, k) {
    return [
        f.kind === 'green' ? k.green('+') : k.red('-'),
        f.kind === 'green' ? k.green(f.code) : k.red(f.code),
        f.message
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
        ['A', c.models.a.name, `${c.models.a.path} (${c.models.a.format})`],
        ['B', c.models.b.name, `${c.models.b.path} (${c.models.b.format})`]
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
        out.push((0,format/* table */.tp)([['key', 'A', 'B'], ...cut.shown.map((d) => [d.key, (0,format/* formatShape */.BB)(d.shapeA), (0,format/* formatShape */.BB)(d.shapeB)])], {
            header: true
        }));
        out.push(omitted(cut.omitted, 'differing keys', k));
    }
    const counts = c.mappingCounts;
    out.push(`\n${k.bold('Mappings')}: ${c.mappings.length} (high ${counts.high}, medium ${counts.medium}, low ${counts.low})\n`);
    const groups = groupMappings(c.mappings, comparisonFamilies(c));
    if (groups.length > 0) {
        const cut = (0,format/* cutList */.f6)(groups, max);
        const paint = (conf) => conf === 'high' ? k.green(conf) : conf === 'medium' ? k.yellow(conf) : k.red(conf);
        out.push((0,format/* table */.tp)([
            ['confidence', 'kind', 'A', 'B', 'count', 'reason'],
            ...cut.shown.map((g) => [
                paint(g.confidence),
                g.kind,
                g.source.join(' + '),
                g.target.join(' + '),
                `x${g.count}`,
                g.ambiguity ? `${g.reason} [ambiguous: ${g.ambiguity}]` : g.reason
            ])
        ], { header: true }));
        out.push(omitted(cut.omitted, 'mapping patterns', k));
    }
    const ambiguous = c.mappings.filter((m) => m.ambiguity).length;
    if (ambiguous > 0)
        out.push(k.yellow(`  ${ambiguous} mappings carry an ordering assumption (see [ambiguous])\n`));
    for (const side of ['a', 'b']) {
        const keys = c.unmatched[side];
        out.push(`\n${k.bold(`Unmatched in ${side.toUpperCase()}`)}: ${keys.length}\n`);
        if (keys.length === 0)
            continue;
        const cut = (0,format/* cutList */.f6)(groupKeys(keys, comparisonFamilies(c)), max);
        out.push((0,format/* table */.tp)(cut.shown.map((g) => [g.pattern, `x${g.count}`])));
        out.push(omitted(cut.omitted, 'key patterns', k));
    }
    return out.join('');
}

// EXTERNAL MODULE: ./src/report/checkpoint-console.ts
var checkpoint_console = __webpack_require__(46);
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
        json: { kind: 'boolean', help: 'print the mapping document as JSON instead of the report' }
    }
};
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
async function runCompare(args, io) {
    if (args.positionals.length !== 2)
        throw new cli_args/* UsageError */.eb(`compare needs exactly two files: ${spec.usage}`);
    const names = (0,cli_args/* list */.p_)(args, 'names');
    if (names && names.length !== 2)
        throw new cli_args/* UsageError */.eb(`--names needs two names (A and B), got ${names.length}`);
    const [pathA, pathB] = args.positionals;
    const a = await (0,formats/* readCheckpoint */.HQ)(pathA);
    const b = await (0,formats/* readCheckpoint */.HQ)(pathB);
    const comparison = (0,compare/* compareCheckpoints */.xt)(a, b, names ? { names: [names[0], names[1]] } : {});
    const document = (0,compare/* toMappingFile */.cx)(comparison, version/* TOOL */.j);
    const mappingPath = (0,cli_args/* str */.gx)(args, 'mapping');
    if (mappingPath !== undefined)
        await (0,files/* writeFileAtomic */.Z)(mappingPath, (0,files/* toJson */.a)(document));
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,files/* writeFileAtomic */.Z)(exportPath, renderCompareExport(comparison, (0,checkpoint_console/* renderKeyExport */.Q)([a, b])));
    if ((0,cli_args/* flag */.Jt)(args, 'json')) {
        io.stdout((0,files/* toJson */.a)(document));
        return cli_io/* EXIT_OK */.Ij;
    }
    io.stdout(renderComparisonConsole(comparison, { color: io.color }));
    const written = [
        mappingPath && `mapping written to ${mappingPath}`,
        exportPath && `keys written to ${exportPath}`
    ];
    for (const w of written)
        if (w)
            io.stdout(`${w}\n`);
    // The unmatched summary is cut in the report; say how many patterns that is when the list is long.
    if (groupKeys(comparison.unmatched.a, comparisonFamilies(comparison)).length > 50 &&
        mappingPath === undefined) {
        io.stdout('use --mapping FILE or --json for every key\n');
    }
    return cli_io/* EXIT_OK */.Ij;
}
const compareCommand = { spec, run: runCompare };


/***/ }),

/***/ 46:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ renderKeyExport),
/* harmony export */   j: () => (/* binding */ renderCheckpointSummary)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11);

function renderCheckpointSummary(ckpt, s, opts) {
    const c = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .colors */ .Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    let out = `${c.bold(ckpt.path)}\n`;
    const rows = [
        ['format', ckpt.format],
        ['tensors', String(s.tensorCount)],
        ['parameters', `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(s.parameterCount)} (${s.parameterCount.toLocaleString('en-US')})`],
        ['file size', `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(s.fileBytes)} (${s.fileBytes.toLocaleString('en-US')} bytes)`]
    ];
    if (s.dataBytes > 0)
        rows.push(['tensor data', (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(s.dataBytes)]);
    if (ckpt.stateDictPath && ckpt.stateDictPath.length > 0)
        rows.push(['state dict at', ckpt.stateDictPath.join('.')]);
    if (ckpt.components && ckpt.components.length > 0) {
        rows.push(['components', ckpt.components.map((p) => `${p.name} (${p.tensorCount})`).join(', ')]);
    }
    out += (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(rows);
    const dtypeRows = Object.entries(s.dtypes)
        .sort((a, b) => b[1].parameters - a[1].parameters)
        .map(([d, f]) => [d, `${f.tensors} tensors`, `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(f.parameters)} params`, f.bytes ? (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(f.bytes) : '']);
    if (dtypeRows.length > 0)
        out += `\n${c.bold('dtypes')}\n${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(dtypeRows)}`;
    const metaEntries = Object.entries(ckpt.metadata);
    if (metaEntries.length > 0) {
        const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .cutList */ .f6)(metaEntries, max);
        out += `\n${c.bold('metadata')} (${metaEntries.length} keys)\n`;
        out += (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(shown.map(([k, v]) => [k, previewValue(v)]));
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more keys (see --json)\n`);
    }
    if (ckpt.globals.length > 0) {
        const { dangerous, unknown, allowed } = s.globals;
        out += `\n${c.bold('pickle globals')} (nothing was executed)\n`;
        const tier = (t) => (t === 'dangerous' ? c.red(t) : t === 'unknown' ? c.yellow(t) : c.green(t));
        const all = [...dangerous, ...unknown, ...allowed];
        const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .cutList */ .f6)(all, max);
        out += (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(shown.map((g) => [tier(g.tier), `${g.module}.${g.name}`, `x${g.count}`, g.where]));
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more globals (see --json)\n`);
    }
    if (ckpt.warnings.length > 0) {
        out += `\n${c.yellow('warnings')}\n`;
        for (const w of ckpt.warnings)
            out += `  - ${w}\n`;
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

/***/ 11:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   BB: () => (/* binding */ formatShape),
/* harmony export */   Li: () => (/* binding */ mdEscape),
/* harmony export */   Tj: () => (/* binding */ colors),
/* harmony export */   f6: () => (/* binding */ cutList),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export formatPercent */
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
/** 14288491584 -> "14.29B"; small counts stay exact. */
function formatCount(n) {
    const abs = Math.abs(n);
    if (abs >= 1e9)
        return `${(n / 1e9).toFixed(2)}B`;
    if (abs >= 1e6)
        return `${(n / 1e6).toFixed(2)}M`;
    if (abs >= 1e4)
        return `${(n / 1e3).toFixed(1)}K`;
    return String(n);
}
function formatPercent(x, digits = 1) {
    return `${x.toFixed(digits)}%`;
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
    const lines = rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - visibleLength(c)))).join('  '));
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
const wrap = (open, close) => (s) => `\x1b[${open}m${s}\x1b[${close}m`;
function colors(enabled) {
    if (!enabled) {
        const id = (s) => s;
        return { bold: id, dim: id, red: id, green: id, yellow: id };
    }
    return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) };
}
/** Cut a list to `max` items and say how many were left out. */
function cutList(items, max) {
    return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}
/** Escape text for a Markdown table cell or inline code. */
function mdEscape(s) {
    return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


/***/ })

};
