export const id = 753;
export const ids = [753];
export const modules = {

/***/ 58753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RemoteContext: () => (/* binding */ RemoteContext),
  defaultCacheDir: () => (/* reexport */ defaultCacheDir),
  isRemoteLocation: () => (/* reexport */ http_url/* isRemoteLocation */.qk),
  openLocation: () => (/* binding */ openLocation),
  remoteOptions: () => (/* binding */ remoteOptions)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/formats/source.ts
var source = __webpack_require__(73159);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(86289);
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
/**
 * The scaffold both body readers share: the promise settles once, a deadline timer bounds the whole read, and a
 * failure destroys the socket so an unwanted body stops flowing. `attach` wires the body's events to `finish`;
 * `result` gives the value on success.
 */
function readBody(res, where, deadline, result, attach) {
    const body = res.body;
    return new Promise((resolve, reject) => {
        let settled = false;
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
                resolve(result());
        };
        const timer = setTimeout(() => finish(new AttemptError('HttpError', `${where}: timed out reading the body`, true)), Math.max(0, deadline - Date.now()));
        attach(body, finish, () => settled);
    });
}
/** A body without Content-Length (chunked): read to its end, refusing more than `maxBytes`. */
function readToEnd(res, maxBytes, where, deadline, onBytes) {
    const chunks = [];
    let got = 0;
    return readBody(res, where, deadline, () => new Uint8Array(Buffer.concat(chunks)), (body, finish) => {
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
    const out = new Uint8Array(length);
    let got = 0;
    const truncated = () => new AttemptError('HttpError', `${where}: truncated response, body ended after ${got} of ${length} bytes`, true);
    return readBody(res, where, deadline, () => out, (body, finish, settled) => {
        body.on('data', (chunk) => {
            if (settled())
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
        body.on('end', () => finish(got === length ? undefined : truncated()));
        body.on('error', (e) => finish(new AttemptError('HttpError', `${where}: connection failed after ${got} of ${length} body bytes: ${errorText(e)}`, true)));
        body.on('close', () => finish(got === length ? undefined : truncated()));
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/formats/http/url.ts
var http_url = __webpack_require__(9740);
;// CONCATENATED MODULE: ./src/formats/http/transport.ts
/**
 * One GET on node:http(s), following redirects: the hop rules that keep a token at home (it goes only to the
 * allowed origins, never to a CDN a redirect points at; no https -> http downgrade; bounded hops) and the
 * per-request timers (idle, and the attempt's deadline). Retries, ranges and status handling are the client's
 * (client.ts); this module only sends and follows.
 */




const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Send a GET and follow redirects; the token goes only to allowed origins, never to a CDN. */
async function getFollowingRedirects(start, headers, deadline, t) {
    let url = start;
    for (let hop = 0;; hop++) {
        const hopHeaders = { ...headers };
        if (t.token !== undefined && t.tokenOrigins.has(url.origin)) {
            hopHeaders.authorization = `Bearer ${t.token}`;
        }
        const res = await send(url, hopHeaders, deadline, t);
        if (!REDIRECTS.has(res.status))
            return { ...res, redirected: hop > 0 };
        res.body.resume();
        const where = `GET ${(0,http_url/* redactUrl */.BO)(url.href)}`;
        const location = header(res.headers, 'location');
        if (location === undefined) {
            throw new AttemptError('HttpError', `${where}: HTTP ${res.status} redirect without a Location`, false);
        }
        if (hop >= t.maxRedirects) {
            throw new AttemptError('HttpError', `${where}: more than ${t.maxRedirects} redirects`, false);
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
function send(url, headers, deadline, t) {
    t.countRequest();
    const lib = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    return new Promise((resolve, reject) => {
        const where = `GET ${(0,http_url/* redactUrl */.BO)(url.href)}`;
        const req = lib.request(url, { method: 'GET', headers, agent: false });
        const total = setTimeout(() => req.destroy(new AttemptError('HttpError', `${where}: timed out after ${t.attemptTimeoutMs} ms`, true)), Math.max(0, deadline - Date.now()));
        // While a request is open its socket keeps the process alive; the deadline timer alone must not (a body
        // left unread after the bytes we needed would otherwise hold the process until the deadline).
        total.unref();
        req.setTimeout(t.idleTimeoutMs, () => req.destroy(new AttemptError('HttpError', `${where}: no response for ${t.idleTimeoutMs} ms`, true)));
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

;// CONCATENATED MODULE: ./src/formats/http/client.ts
/**
 * A small HTTP client for byte ranges, on node:http(s) only (no dependency, same behaviour on Node 20 and 24).
 * It owns everything that makes remote reads robust: redirects (the token never leaves its origin), idle and
 * total timeouts, bounded retries with backoff that honour Retry-After, servers that ignore Range, truncated
 * bodies and lying Content-Range headers. Every failure is a `CheckpointError` naming the location and status,
 * with secrets scrubbed.
 */





class HttpClient {
    stats = { requests: 0, bytesReceived: 0, retries: 0 };
    token;
    tokenOrigins;
    attemptTimeoutMs;
    retries;
    retryBaseDelayMs;
    maxRetryDelayMs;
    maxIgnoredRangePrefix;
    userAgent;
    sleep;
    maxConcurrent;
    active = 0;
    waiting = [];
    transport;
    constructor(opts = {}) {
        this.token = opts.token === undefined || opts.token === '' ? undefined : opts.token;
        this.tokenOrigins = new Set((opts.tokenOrigins ?? [(0,http_url/* normaliseEndpoint */.kz)(undefined)]).map((o) => new URL((0,http_url/* normaliseEndpoint */.kz)(o)).origin));
        this.attemptTimeoutMs = opts.attemptTimeoutMs ?? 120_000;
        this.retries = Math.max(0, opts.retries ?? 4);
        this.retryBaseDelayMs = opts.retryBaseDelayMs ?? 500;
        this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 30_000;
        this.maxConcurrent = Math.max(1, opts.maxConcurrent ?? 8);
        this.maxIgnoredRangePrefix = opts.maxIgnoredRangePrefix ?? 64 * 1024 * 1024;
        this.userAgent = opts.userAgent ?? 'model-compat (header-only reader)';
        this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.transport = {
            token: this.token,
            tokenOrigins: this.tokenOrigins,
            maxRedirects: opts.maxRedirects ?? 10,
            idleTimeoutMs: opts.idleTimeoutMs ?? 30_000,
            attemptTimeoutMs: this.attemptTimeoutMs,
            countRequest: () => {
                this.stats.requests++;
            }
        };
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
    async getRange(url, start, end, label, ifNoneMatch, deadline) {
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
            throw new errors/* CheckpointError */.jg('IoError', label, `invalid byte range ${start}..${end}`);
        }
        return this.withRetries(url, label, (until) => this.attemptRange(new URL(url), start, end, until, ifNoneMatch), deadline);
    }
    /**
     * GET a whole small document (a Hub API listing) without Range; bodies over `maxBytes` are refused. Returns the
     * body and the Link header (the Hub paginates listings with `rel="next"`).
     */
    async getDocument(url, maxBytes, label) {
        return this.withRetries(url, label, (until) => this.attemptDocument(new URL(url), maxBytes, until));
    }
    /**
     * Run `once` with retries. Each attempt gets its own timeout, cut to `deadline` (the remote file's overall
     * deadline, across every request, retry and backoff for it): past that the read fails with `BudgetExceeded`,
     * however slowly the server keeps sending.
     */
    async withRetries(url, label, once, deadline) {
        let attempt = 0;
        const overdue = () => new errors/* CheckpointError */.jg('BudgetExceeded', label, `the remote file was not read within its deadline of ${Math.round(deadline.ms / 1000)} s ` +
            '(a slow or stalled server); the deadline covers every request, retry and wait for one file');
        while (true) {
            if (deadline !== undefined && Date.now() >= deadline.at)
                throw overdue();
            try {
                await this.acquire();
                try {
                    const until = Date.now() + this.attemptTimeoutMs;
                    return await once(deadline === undefined ? until : Math.min(until, deadline.at));
                }
                finally {
                    this.release();
                }
            }
            catch (e) {
                if (deadline !== undefined && Date.now() >= deadline.at)
                    throw overdue();
                const err = e instanceof AttemptError
                    ? e
                    : new AttemptError('HttpError', `GET ${(0,http_url/* redactUrl */.BO)(url)}: ${errorText(e)}`, true);
                if (!err.retryable || attempt >= this.retries) {
                    const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : '';
                    throw new errors/* CheckpointError */.jg(err.code, label, this.scrub(err.message + tries), { cause: e });
                }
                const backoff = this.retryBaseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
                const left = deadline === undefined ? Infinity : deadline.at - Date.now();
                await this.sleep(Math.max(0, Math.min(this.maxRetryDelayMs, err.retryAfterMs ?? backoff, left)));
                attempt++;
                this.stats.retries++;
            }
        }
    }
    countBytes = (n) => {
        this.stats.bytesReceived += n;
    };
    scrub(text) {
        return (0,http_url/* redactText */.Rd)(text, [this.token]);
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
    async attemptRange(url, start, end, deadline, ifNoneMatch) {
        const headers = {
            range: `bytes=${start}-${end - 1}`,
            'accept-encoding': 'identity',
            'user-agent': this.userAgent
        };
        if (ifNoneMatch !== undefined)
            headers['if-none-match'] = ifNoneMatch;
        const res = await getFollowingRedirects(url, headers, deadline, this.transport);
        const where = `GET ${(0,http_url/* redactUrl */.BO)(res.url.href)}`;
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
    async attemptDocument(url, maxBytes, deadline) {
        const res = await getFollowingRedirects(url, { accept: 'application/json', 'accept-encoding': 'identity', 'user-agent': this.userAgent }, deadline, this.transport);
        const where = `GET ${(0,http_url/* redactUrl */.BO)(res.url.href)}`;
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
}

// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(75094);
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




/** The default overall deadline of one remote file. */
const DEFAULT_REMOTE_DEADLINE_MS = limits/* REMOTE_LIMITS */.wT.deadlineMs;
const KiB = 1024;
class HttpSource {
    name;
    url;
    size;
    etag;
    opts;
    deadline;
    bytesRead = 0;
    reads = 0;
    stats;
    segments;
    readAhead;
    lastMissEnd = -1;
    clock = 0;
    dirty;
    closed = false;
    constructor(name, url, size, etag, segments, opts, deadline, fromCache, rangeSupported, bytesFetched) {
        this.name = name;
        this.url = url;
        this.size = size;
        this.etag = etag;
        this.opts = opts;
        this.deadline = deadline;
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
            deadlineMs: positive(options.deadlineMs, DEFAULT_REMOTE_DEADLINE_MS),
            cache: options.cache
        };
        const deadline = { at: Date.now() + opts.deadlineMs, ms: opts.deadlineMs };
        const name = options.name ?? (0,http_url/* redactUrl */.BO)(url);
        const cached = await opts.cache?.get(url).catch(() => undefined);
        const first = await opts.client.getRange(url, 0, opts.initialBytes, name, cached?.etag, deadline);
        if (first.kind === 'not-modified') {
            if (cached === undefined)
                throw new errors/* CheckpointError */.jg('HttpError', name, 'HTTP 304 without a cached copy');
            return new HttpSource(name, url, cached.size, cached.etag, cached.segments, opts, deadline, true, true, 0);
        }
        const segments = first.bytes.length > 0 ? [{ start: 0, bytes: first.bytes }] : [];
        return new HttpSource(name, url, first.size, first.etag, segments, opts, deadline, false, first.rangeSupported, first.bytes.length);
    }
    async read(offset, length) {
        (0,source/* checkReadRange */.ay)(this.name, this.size, offset, length);
        if (this.closed)
            throw new errors/* CheckpointError */.jg('IoError', this.name, 'read after close');
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
        const result = await this.opts.client.getRange(this.url, from, to, this.name, undefined, this.deadline);
        this.stats.requests++;
        if (result.kind !== 'bytes') {
            throw new errors/* CheckpointError */.jg('HttpError', this.name, 'HTTP 304 to an unconditional request');
        }
        this.checkSameFile(result);
        this.stats.bytesFetched += result.bytes.length;
        if (!result.rangeSupported)
            this.stats.rangeSupported = false;
        if (result.bytes.length !== to - from) {
            throw new errors/* CheckpointError */.jg('HttpError', this.name, `asked for ${to - from} bytes, got ${result.bytes.length}`);
        }
        this.lastMissEnd = to;
        this.insert({ start: from, bytes: result.bytes, lastUsed: ++this.clock });
        this.dirty = true;
    }
    checkSameFile(r) {
        const changedEtag = this.etag !== undefined && r.etag !== undefined && r.etag !== this.etag;
        if (changedEtag || r.size !== this.size) {
            throw new errors/* CheckpointError */.jg('HttpError', this.name, `the file changed on the server while it was being read (size ${this.size} -> ${r.size}` +
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
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/formats/write-file.ts
var write_file = __webpack_require__(86662);
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
const MAX_META_BYTES = limits/* REMOTE_LIMITS */.wT.maxCacheMetaBytes;
const MAX_SEGMENTS = limits/* REMOTE_LIMITS */.wT.maxCacheSegments;
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
        await (0,write_file/* writeFileAtomic */.Z)(this.fileFor(entry.url), body);
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
        this.endpoint = (0,http_url/* normaliseEndpoint */.kz)(opts.endpoint);
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
        if (!(0,http_url/* isRemoteLocation */.qk)(location))
            return (0,source/* openLocalFile */.Kp)(location);
        const url = (0,http_url/* toHttpUrl */.FC)(location, this.endpoint);
        return HttpSource.open(url, {
            ...this.sourceOptions,
            client: this.client,
            cache: this.cache,
            name: (0,http_url/* redactUrl */.BO)(location)
        });
    }
    /** A file next to `base` (a shard named in an index): same scheme, same revision. */
    resolve(base, relative) {
        return (0,http_url/* isRemoteLocation */.qk)(base) ? (0,http_url/* resolveRemoteRelative */.ho)(base, relative) : (0,external_node_path_.join)((0,external_node_path_.dirname)(base), relative);
    }
    /** Scrub this run's token (and any other credential pattern) from a message before printing it. */
    redact(text) {
        return (0,http_url/* redactText */.Rd)(text, [this.token]);
    }
}
/** Open one location with its own context (convenience for single files; runs with many files share a context). */
async function openLocation(location, opts = {}) {
    return new RemoteContext(opts).open(location);
}



/***/ })

};

//# sourceMappingURL=753.index.js.map