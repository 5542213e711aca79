export const id = 338;
export const ids = [338];
export const modules = {

/***/ 48338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadReportFolder: () => (/* binding */ uploadReportFolder)
/* harmony export */ });
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77935);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49997);
/**
 * Uploading the report folder (gate-report.json, the mapping and resolution documents, summary.md) as a workflow
 * artifact. The artifact service exists only inside GitHub-hosted runs (not locally, not on GHES): its absence is
 * a warning, since the files are on disk under mapping-dir either way.
 */




/**
 * Upload `files` (the ones this run wrote into `dir`, never a listing of the folder: anything else found there
 * is not ours to publish) under the artifact name `name`.
 */
async function uploadReportFolder(name, dir, files) {
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`The artifact service is not available (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL); ` +
            `the report was not uploaded. It is in ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(dir)}.`);
        return undefined;
    }
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);
    if (files.length === 0)
        return undefined;
    try {
        const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9();
        const r = await client.uploadArtifact(name, [...files].sort(), root);
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Uploaded the report as artifact '${name}' (${files.length} files, ${r.size ?? '?'} bytes).`);
        return { id: r.id, size: r.size };
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e((0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(`Could not upload the report artifact '${name}': ${e instanceof Error ? e.message : String(e)}. It is in ${dir}.`));
        return undefined;
    }
}


/***/ })

};

//# sourceMappingURL=338.index.js.map