export const id = 793;
export const ids = [793];
export const modules = {

/***/ 62793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refuseWithEmbeddedPickles: () => (/* binding */ refuseWithEmbeddedPickles)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86289);
/* harmony import */ var _pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70891);
/* harmony import */ var _pickle_sniff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50184);
/* harmony import */ var _pickle_unpickler_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36599);
/* harmony import */ var _zip_checkpoint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57819);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(75094);






const CARVE_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SCAN_LIMITS */ .nB.carveBytes;
const MAX_CARVE_TRIALS = _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SCAN_LIMITS */ .nB.maxCarveTrials;
const MAX_TAR_MEMBERS = _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SCAN_LIMITS */ .nB.maxTarMembers;
const TAR_BLOCK = 512;
/** The error `refusal` with the globals of every pickle found in `source` attached. */
async function refuseWithEmbeddedPickles(source, kind, budget, refusal) {
    const scans = [];
    try {
        if (kind === 'tar')
            await scanTarMembers(source, budget, scans);
        else
            await carvePickles(source, budget, scans);
    }
    catch (e) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isCheckpointError */ .tF)(e))
            throw e;
        return _pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .PickleError */ .z4.withGlobals(e, (0,_pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeGlobals */ .Pv)(scans.flatMap(_pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .scanGlobals */ .GQ)));
    }
    const globals = (0,_pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeGlobals */ .Pv)(scans.flatMap(_pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .scanGlobals */ .GQ));
    if (globals.length === 0)
        return refusal;
    const where = [...new Set(scans.map((s) => s.where))].slice(0, 3).join(', ');
    return new _pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .PickleError */ .z4(refusal.code, refusal.file, `${refusal.detail}; it holds pickles (${where})`, {
        globals
    });
}
/** Scan one candidate pickle at `start` of `bytes`; keep its scan when it is a pickle. Returns its end. */
function scanCandidate(bytes, start, where, source, budget, scans) {
    try {
        const result = (0,_pickle_unpickler_js__WEBPACK_IMPORTED_MODULE_3__/* .unpickle */ .Kc)(bytes, { file: source.name, where, start, limits: (0,_zip_checkpoint_js__WEBPACK_IMPORTED_MODULE_4__.pickleLimits)({}, budget) });
        budget.chargePickle(result.held, where);
        scans.push(result.scan);
        return result.end;
    }
    catch (e) {
        if (!(e instanceof _pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .PickleError */ .z4) || e.code === 'BudgetExceeded')
            throw e;
        if ((0,_pickle_sniff_js__WEBPACK_IMPORTED_MODULE_2__/* .importsPythonNames */ .r9)(e.scan))
            scans.push(e.scan);
        return undefined;
    }
}
async function carvePickles(source, budget, scans) {
    const length = Math.min(source.size, CARVE_BYTES);
    budget.chargePickle(length, 'the searched bytes');
    const bytes = await source.read(0, length);
    let trials = 0;
    for (let at = bytes.indexOf(0x80); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(0x80, at + 1)) {
        const p = bytes[at + 1];
        if (p < 2 || p > 5)
            continue;
        if (++trials > MAX_CARVE_TRIALS)
            break;
        const before = scans.length;
        const end = scanCandidate(bytes, at, `${source.name}@+0x${at.toString(16)}`, source, budget, scans);
        // a trial that imports nothing Python could resolve is not a pickle
        if (scans.length > before && !(0,_pickle_sniff_js__WEBPACK_IMPORTED_MODULE_2__/* .importsPythonNames */ .r9)(scans[scans.length - 1]))
            scans.pop();
        else if (end !== undefined)
            at = end - 1;
    }
}
/** Walk a tar archive's member headers; scan members named like pickles or that look like one. */
async function scanTarMembers(source, budget, scans) {
    let pos = 0;
    for (let n = 0; n < MAX_TAR_MEMBERS && pos + TAR_BLOCK <= source.size; n++) {
        const header = await source.read(pos, TAR_BLOCK);
        if (header.every((b) => b === 0))
            return;
        const name = cString(header.subarray(0, 100));
        const size = parseOctal(header.subarray(124, 136));
        const type = String.fromCharCode(header[156]);
        if (size === undefined)
            return;
        const dataAt = pos + TAR_BLOCK;
        const regular = type === '0' || type === '\0';
        if (regular && size > 0 && dataAt + size <= source.size) {
            const named = /(^|\/)pickle$|\.(pkl|pickle)$/i.test(name);
            const first = (length) => source.read(dataAt, Math.min(size, length));
            if (named || (await (0,_pickle_sniff_js__WEBPACK_IMPORTED_MODULE_2__.sourceLooksLikePickle)(first, size, Math.min(size, budget.pickleBytesLeft())))) {
                budget.chargePickle(size, `tar member ${name}`);
                const bytes = await source.read(dataAt, size);
                scanCandidate(bytes, 0, `${source.name}:${name}`, source, budget, scans);
            }
        }
        pos = dataAt + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
    }
}
function cString(bytes) {
    const end = bytes.indexOf(0);
    return new TextDecoder('utf-8', { fatal: false }).decode(end < 0 ? bytes : bytes.subarray(0, end));
}
/** A tar size field: octal digits, NUL- or space-terminated. */
function parseOctal(field) {
    const text = String.fromCharCode(...field)
        .replace(/[\0 ]+$/g, '')
        .trim();
    if (!/^[0-7]{1,11}$/.test(text))
        return undefined;
    return parseInt(text, 8);
}


/***/ })

};

//# sourceMappingURL=793.index.js.map