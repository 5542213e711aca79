export const id = 925;
export const ids = [925];
export const modules = {

/***/ 6925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   remoteBasename: () => (/* binding */ remoteBasename),
/* harmony export */   remoteDirname: () => (/* binding */ remoteDirname),
/* harmony export */   remoteFileAccess: () => (/* binding */ remoteFileAccess)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86289);
/* harmony import */ var _file_access_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13267);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9740);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75094);
/**
 * `FileAccess` (src/formats/file-access.ts) over remote locations, so the sharded and diffusers readers work on
 * `hf://` and `https://` paths unchanged. Local paths fall through to the local implementation.
 *
 * Requests are kept to the minimum: `kind(file)` is answered by opening the file (the opening request is the one
 * the reader needs anyway) and the opened source is handed to the `open` that follows, so checking then reading a
 * shard costs one request, not two. Folders exist only on the Hub, where its tree API lists them.
 */




/** A Hub folder listing is small; more pages than this is a hostile or broken answer. */
const MAX_LISTING_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .REMOTE_LIMITS */ .wT.maxListingBytes;
const MAX_LISTING_PAGES = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .REMOTE_LIMITS */ .wT.maxListingPages;
/** Probed sources waiting for their `open`; beyond this the oldest is dropped (it holds no handle). */
const MAX_PROBES = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .REMOTE_LIMITS */ .wT.maxPendingProbes;
function remoteFileAccess(ctx, local = _file_access_js__WEBPACK_IMPORTED_MODULE_1__/* .localFileAccess */ .oF) {
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
            if (!(0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteLocation */ .qk)(path))
                return local.open(path);
            const probed = probes.get(path);
            if (probed) {
                probes.delete(path);
                return probed;
            }
            return ctx.open(path);
        },
        async list(dir) {
            if (!(0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteLocation */ .qk)(dir))
                return local.list(dir);
            if (!/^hf:\/\//i.test(dir)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('IoError', (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(dir), 'cannot list a folder over plain HTTP; give the URL of the file, the *.safetensors.index.json or the ' +
                    'model_index.json (or use an hf:// location)');
            }
            return [...(await listHf(dir)).keys()];
        },
        async kind(path) {
            if (!(0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteLocation */ .qk)(path))
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
                if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg) || e.code !== 'FileNotFound')
                    throw e;
            }
            if (!/^hf:\/\//i.test(path))
                return undefined;
            const entries = await listHf(remoteDirname(path));
            return entries.get(remoteBasename(path));
        },
        join: (dir, name) => (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteLocation */ .qk)(dir)
            ? `${dir.replace(/\/+$/, '')}/${encodeURIComponent(name)}`
            : local.join(dir, name),
        dirname: (path) => ((0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteLocation */ .qk)(path) ? remoteDirname(path) : local.dirname(path)),
        basename: (path) => ((0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteLocation */ .qk)(path) ? remoteBasename(path) : local.basename(path))
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
    const loc = (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHfUrl */ .$0)(`${dir.replace(/\/+$/, '')}/x`);
    const type = loc.repoType === '' ? 'models' : loc.repoType;
    const pathPart = inRepo === ''
        ? ''
        : `/${inRepo
            .split('/')
            .map((p) => encodeURIComponent(decodeURIComponent(p)))
            .join('/')}`;
    let url = `${ctx.endpoint}/api/${type}/${loc.repo}/tree/${encodeURIComponent(loc.revision)}${pathPart}`;
    const out = new Map();
    const name = (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(dir);
    for (let page = 0; url !== undefined; page++) {
        if (page >= MAX_LISTING_PAGES) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('IoError', name, `the Hub listing has more than ${MAX_LISTING_PAGES} pages`);
        }
        const { bytes, link } = await ctx.client.getDocument(url, MAX_LISTING_BYTES, name);
        let entries;
        try {
            entries = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('IoError', name, 'the Hub folder listing is not valid JSON', { cause: e });
        }
        if (!Array.isArray(entries))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('IoError', name, 'the Hub folder listing is not an array');
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


/***/ })

};

//# sourceMappingURL=925.index.js.map