export const id = 124;
export const ids = [124];
export const modules = {

/***/ 69124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readNpyFile: () => (/* binding */ readNpyFile)
/* harmony export */ });
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85407);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86289);
/* harmony import */ var _torch_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70891);
/* harmony import */ var _torch_pickle_unpickler_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36599);
/* harmony import */ var _torch_zip_checkpoint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57819);
/* harmony import */ var _npy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6413);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75094);
/**
 * A `.npy` file given as a checkpoint. It is not one (no tensor names), but an object array's data is a pickle
 * that `numpy.load(..., allow_pickle=True)` runs: that pickle is scanned, and the error that refuses the file
 * carries its globals, so a gate reports a dangerous import rather than only "unknown format".
 */







const MAX_NPY_PICKLE_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_6__/* .NPY_LIMITS */ .$q.maxPickleBytes;
async function readNpyFile(source, options = {}) {
    const budget = (0,_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .fileBudget */ .ki)(source.name, options.budget);
    const head = await source.read(0, Math.min(source.size, _npy_js__WEBPACK_IMPORTED_MODULE_5__/* .NPY_HEAD_BYTES */ .X7));
    const header = (0,_npy_js__WEBPACK_IMPORTED_MODULE_5__/* .parseNpyHeader */ .yw)(head);
    if ('error' in header)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('UnknownFormat', source.name, `a numpy file: ${header.error}`);
    if (!header.objects) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('UnknownFormat', source.name, `a numpy .npy array (${header.header}), not a checkpoint: it has no tensor names`);
    }
    const length = source.size - header.dataStart;
    if (length > MAX_NPY_PICKLE_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('HeaderTooLarge', source.name, `an object array pickle of ${length} bytes; the limit is ${MAX_NPY_PICKLE_BYTES}`);
    }
    budget.chargePickle(length, 'the object array pickle');
    const bytes = await source.read(header.dataStart, length);
    // a pickle that does not parse throws its own error, carrying what it imported up to there
    const result = (0,_torch_pickle_unpickler_js__WEBPACK_IMPORTED_MODULE_3__/* .unpickle */ .Kc)(bytes, { file: source.name, where: source.name, limits: (0,_torch_zip_checkpoint_js__WEBPACK_IMPORTED_MODULE_4__.pickleLimits)({}, budget) });
    const globals = (0,_torch_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanGlobals */ .GQ)(result.scan);
    throw new _torch_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .PickleError */ .z4('UnknownFormat', source.name, 'a numpy .npy array of Python objects (its data is a pickle, scanned), not a checkpoint', { globals });
}


/***/ })

};

//# sourceMappingURL=124.index.js.map