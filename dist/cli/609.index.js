"use strict";
exports.id = 609;
exports.ids = [609];
exports.modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ formatHelp),
/* harmony export */   Jt: () => (/* binding */ flag),
/* harmony export */   Zy: () => (/* binding */ parseArgs),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   p_: () => (/* binding */ list)
/* harmony export */ });
/* unused harmony export num */
/* harmony import */ var _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7472);
/**
 * A small argument parser for the CLI. node:util parseArgs cannot take several values after one flag
 * (`--names "Wan2.1" "LongCat"`), which is the habit of the analysis scripts our users come from (argparse
 * nargs='+'), so flags here may be greedy: they take every following word up to the next flag.
 */

/** Bad usage: exit 2 with the message and a pointer to `--help` (the class is the error family's). */


function parseArgs(spec, argv) {
    const options = Object.create(null);
    const positionals = [];
    const byShort = new Map();
    for (const [name, o] of Object.entries(spec.options))
        if (o.short)
            byShort.set(o.short, name);
    let i = 0;
    let onlyPositionals = false;
    /** The last list option that took words greedily, and those words: the usual reason files go missing. */
    let greedy;
    while (i < argv.length) {
        const word = argv[i++];
        if (onlyPositionals || word === '-' || !word.startsWith('-')) {
            positionals.push(word);
            continue;
        }
        if (word === '--') {
            onlyPositionals = true;
            continue;
        }
        let name;
        let inline;
        if (word.startsWith('--')) {
            const eq = word.indexOf('=');
            name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
            inline = eq >= 0 ? word.slice(eq + 1) : undefined;
        }
        else {
            const long = byShort.get(word.slice(1));
            if (!long)
                throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`unknown option ${word} for '${spec.name}'.${suggestOption(word, spec)}`);
            name = long;
        }
        const opt = Object.prototype.hasOwnProperty.call(spec.options, name) ? spec.options[name] : undefined;
        if (!opt)
            throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`unknown option --${name} for '${spec.name}'.${suggestOption(`--${name}`, spec)}`);
        const takeValue = () => {
            if (inline !== undefined)
                return inline;
            if (i >= argv.length || isFlag(argv[i]))
                throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--${name} needs a value`);
            return argv[i++];
        };
        switch (opt.kind) {
            case 'boolean':
                if (inline !== undefined)
                    throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--${name} takes no value`);
                options[name] = true;
                break;
            case 'string':
                options[name] = takeValue();
                break;
            case 'number': {
                const text = takeValue();
                const n = Number(text);
                if (text.trim() === '' || !Number.isFinite(n))
                    throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--${name} needs a number, got '${text}'`);
                options[name] = n;
                break;
            }
            case 'list': {
                const values = options[name] ?? [];
                if (inline !== undefined)
                    values.push(inline);
                else {
                    const from = i;
                    while (i < argv.length && !isFlag(argv[i]))
                        values.push(argv[i++]);
                    if (values.length === 0)
                        throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--${name} needs at least one value`);
                    greedy = { name, words: argv.slice(from, i) };
                }
                options[name] = values;
                break;
            }
        }
    }
    if (spec.minPositionals !== undefined && positionals.length < spec.minPositionals) {
        const hint = greedy === undefined
            ? ''
            : ` (--${greedy.name} took every word after it: ${greedy.words.join(' ')}; put the files before --${greedy.name}, or end its values with --)`;
        throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`'${spec.name}' needs ${describeCount(spec.minPositionals)}${hint}: ${spec.usage}`);
    }
    if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
        throw new _formats_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`'${spec.name}' takes at most ${describeCount(spec.maxPositionals)}: ${spec.usage}`);
    }
    return { positionals, options };
}
/** ` Did you mean --export?` for `--expot`, from the command's own options. */
function suggestOption(word, spec) {
    const known = Object.entries(spec.options).flatMap(([name, o]) => [
        `--${name}`,
        ...(o.short ? [`-${o.short}`] : [])
    ]);
    return (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(word, known, (s) => s);
}
function isFlag(word) {
    return word.startsWith('-') && word !== '-' && !/^-\d/.test(word);
}
function describeCount(n) {
    return n === 1 ? 'one file' : `${n} files`;
}
function formatHelp(spec) {
    const lines = [`Usage: model-compat ${spec.name} ${spec.usage}`, '', spec.summary, '', 'Options:'];
    const rows = Object.entries(spec.options).map(([name, o]) => {
        const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
        return [flag, o.help];
    });
    const width = Math.max(...rows.map((r) => r[0].length));
    for (const [flag, help] of rows)
        lines.push(`  ${flag.padEnd(width)}  ${help}`);
    return lines.join('\n') + '\n';
}
/** Typed accessors: the parser already checked kinds, these only narrow. */
function flag(args, name) {
    return args.options[name] === true;
}
function str(args, name) {
    const v = args.options[name];
    return typeof v === 'string' ? v : undefined;
}
function num(args, name) {
    const v = args.options[name];
    return typeof v === 'number' ? v : undefined;
}
function list(args, name) {
    const v = args.options[name];
    return Array.isArray(v) ? v : undefined;
}


/***/ }),

/***/ 3609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  start: () => (/* binding */ start)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/cli/suggest.ts
var suggest = __webpack_require__(7472);
;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI dispatcher: picks the command, parses its arguments, runs it, and ends every error the one way the
 * error family says (src/formats/errors.ts): its message on stderr, made printable, and its class's exit status.
 */





const COMMANDS = [
    {
        name: 'analyze',
        summary: 'Read checkpoints header-only and explain them: format, tensors, dtypes, metadata, pickle globals.',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(515), __webpack_require__.e(644), __webpack_require__.e(325)]).then(__webpack_require__.bind(__webpack_require__, 2325))).analyzeCommand
    },
    {
        name: 'compare',
        summary: 'Compare two models: key overlap, shapes, flags, a verdict, and a proposed key mapping.',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(515), __webpack_require__.e(261), __webpack_require__.e(644), __webpack_require__.e(7), __webpack_require__.e(309)]).then(__webpack_require__.bind(__webpack_require__, 1309))).compareCommand
    },
    {
        name: 'lora',
        summary: 'Explain LoRA files (conventions, ranks, alpha, coverage), resolve them against a base, compare two.',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(515), __webpack_require__.e(261), __webpack_require__.e(907), __webpack_require__.e(371), __webpack_require__.e(719)]).then(__webpack_require__.bind(__webpack_require__, 5774))).loraCommand
    },
    {
        name: 'gate',
        summary: 'Gate checkpoints or LoRAs against a baseline: overlap or loadable %, flags, pass or fail.',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(515), __webpack_require__.e(261), __webpack_require__.e(907), __webpack_require__.e(644), __webpack_require__.e(7), __webpack_require__.e(371), __webpack_require__.e(705)]).then(__webpack_require__.bind(__webpack_require__, 705))).gateCommand
    },
    {
        name: 'convert',
        summary: 'Rewrite a LoRA for a base: another key convention, or fused/separate attention layouts, exactly.',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(515), __webpack_require__.e(261), __webpack_require__.e(907), __webpack_require__.e(211)]).then(__webpack_require__.bind(__webpack_require__, 7211))).convertCommand
    }
];
function topHelp() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
        `${version/* TOOL */.j.name} ${version/* TOOL */.j.version}: header-only compatibility checks for model checkpoints and LoRAs`,
        '',
        'Usage: model-compat <command> [options] FILE...',
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        "Run 'model-compat <command> --help' for a command's options.",
        'Exit status: 0 ok, 1 the gate failed, 2 bad input or usage, 70 an internal error (a bug: please report it).',
        ''
    ].join('\n');
}
async function main(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
        io.stdout(target ? (0,args/* formatHelp */.B2)((await target.load()).spec) : topHelp());
        return name === undefined ? errors/* EXIT */.dc.usage : errors/* EXIT */.dc.ok;
    }
    if (name === '--version' || name === '-V') {
        io.stdout(`${version/* TOOL */.j.version}\n`);
        return errors/* EXIT */.dc.ok;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
        const names = COMMANDS.map((c) => c.name);
        io.stderr(`model-compat: unknown command '${(0,util_text/* printable */.g)(name)}'.${(0,suggest/* didYouMean */.au)(name, names)} Commands: ${names.join(', ')}
`);
        return errors/* EXIT */.dc.usage;
    }
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout((0,args/* formatHelp */.B2)(command.spec));
        return errors/* EXIT */.dc.ok;
    }
    try {
        return await command.run((0,args/* parseArgs */.Zy)(command.spec, rest), io);
    }
    catch (e) {
        const error = (0,errors/* toModelCompatError */.bi)(e);
        io.stderr(errorText(name, error));
        return error.exitCode;
    }
}
/**
 * What stderr says about an error: `model-compat NAME: message`, each line printable (a name from a file never
 * writes a control character, nor starts a line a CI log would obey); a pointer to --help for usage errors, and
 * the stack for internal errors, which are bugs of this tool, not bad input.
 */
function errorText(name, error) {
    const lines = error.lines.map(util_text/* printable */.g);
    let text = `model-compat ${name}: ${error.exitCode === errors/* EXIT */.dc.internal ? 'internal error: ' : ''}${lines.join('\n')}\n`;
    if (error instanceof errors/* UsageError */.eb)
        text += `Run 'model-compat ${name} --help' for usage.\n`;
    if (error.exitCode === errors/* EXIT */.dc.internal) {
        const cause = error.cause;
        const stack = cause instanceof Error ? cause.stack : error.stack;
        // The frames only: the first line of a stack is the message, already printed.
        if (stack !== undefined)
            text += stack.split('\n').slice(1).map(util_text/* printable */.g).join('\n') + '\n';
    }
    return text;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/cli/stdio.ts
/**
 * stdout and stderr for the CLI. When the output is a pipe or a file (scripts, CI, `| jq`), text is written with
 * `fs.writeSync` on the file descriptor instead of through `process.stdout`: creating `process.stdout` for a pipe
 * loads Node's net and stream modules, about 3 ms of a run whose own work is a few tens of ms. A terminal, Windows,
 * and a non-blocking pipe that fills up (EAGAIN) use the stream, which knows how to wait.
 */

/**
 * `stream` is called only when the stream is needed (`() => process.stdout`); `onBrokenPipe` runs when the
 * reader went away (`model-compat ... | head`), and must not return.
 */
function outputChannel(fd, stream, onBrokenPipe) {
    if (process.platform === 'win32' || !isPipeOrFile(fd)) {
        const s = stream();
        return { write: (text) => void s.write(text), isTTY: Boolean(s.isTTY), columns: s.columns };
    }
    let fallback;
    return {
        isTTY: false,
        write(text) {
            if (fallback !== undefined) {
                fallback.write(text);
                return;
            }
            const bytes = Buffer.from(text, 'utf8');
            let offset = 0;
            while (offset < bytes.length) {
                try {
                    offset += (0,external_node_fs_.writeSync)(fd, bytes, offset, bytes.length - offset);
                }
                catch (e) {
                    const code = e.code;
                    if (code === 'EPIPE')
                        onBrokenPipe();
                    if (code !== 'EAGAIN')
                        throw e;
                    fallback = stream();
                    fallback.write(bytes.subarray(offset));
                    return;
                }
            }
        }
    };
}
/** A pipe, socket or regular file: never a terminal (a character device, like /dev/null, takes the stream). */
function isPipeOrFile(fd) {
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        return st.isFIFO() || st.isSocket() || st.isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/cli/io.ts

function processIO() {
    const env = process.env;
    // A reader that stops early (`model-compat ... | head`) closes the pipe: stop quietly, as other command-line
    // tools do, instead of dying on an unhandled EPIPE with a stack trace.
    const brokenPipe = () => process.exit(process.exitCode ?? 0);
    const stdout = outputChannel(1, () => quietOnBrokenPipe(process.stdout, brokenPipe), brokenPipe);
    const stderr = outputChannel(2, () => process.stderr, brokenPipe);
    const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
    return {
        stdout: (t) => stdout.write(t),
        stderr: (t) => stderr.write(t),
        color: stdout.isTTY && !noColor && env.TERM !== 'dumb',
        ...(stdout.columns ? { columns: stdout.columns } : {}),
        env,
        cwd: process.cwd()
    };
}
function quietOnBrokenPipe(stream, brokenPipe) {
    stream.on('error', (e) => {
        if (e.code !== 'EPIPE')
            throw e;
        brokenPipe();
    });
    return stream;
}

;// CONCATENATED MODULE: ./src/cli/start.ts


/** Runs the command line of this process and sets its exit status (the body of the `model-compat` binary). */
function start() {
    return main(process.argv.slice(2), processIO()).then((code) => {
        process.exitCode = code;
    }, (e) => {
        process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 70;
    });
}


/***/ }),

/***/ 7472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports editDistance, closest */
/** "Did you mean ...?" for a mistyped command or flag: the closest known word, when it is close enough. */
/** Edits (insert, delete, substitute, swap two neighbours) between two words. */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/**
 * The known word closest to `word`: within a third of its length in edits (at least one, at most three), or a
 * known word it starts (`--map` for `--mapping`) when only one does. Undefined when nothing is close: a wild
 * guess is worse than none.
 */
function closest(word, known) {
    // Bound the work: a hostile or pasted argument can be long, and no known word is.
    if (word.length === 0 || word.length > 64)
        return undefined;
    const lower = word.toLowerCase();
    const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 3)));
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const k of known) {
        const dist = editDistance(lower, k.toLowerCase());
        if (dist < bestDistance) {
            best = k;
            bestDistance = dist;
        }
    }
    if (best !== undefined && bestDistance <= limit)
        return best;
    const starts = known.filter((k) => lower.length >= 3 && k.toLowerCase().startsWith(lower));
    return starts.length === 1 ? starts[0] : undefined;
}
/** ` Did you mean 'analyze'?` (with a leading space), or '' when nothing is close. */
function didYouMean(word, known, quote = (s) => `'${s}'`) {
    const guess = closest(word, known);
    return guess === undefined ? '' : ` Did you mean ${quote(guess)}?`;
}


/***/ }),

/***/ 6289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ ModelCompatError),
/* harmony export */   CI: () => (/* binding */ globalsOfFailure),
/* harmony export */   To: () => (/* binding */ GateFailedError),
/* harmony export */   bK: () => (/* binding */ UnreadableArtifactError),
/* harmony export */   bi: () => (/* binding */ toModelCompatError),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   jg: () => (/* binding */ CheckpointError),
/* harmony export */   tF: () => (/* binding */ isCheckpointError),
/* harmony export */   u7: () => (/* binding */ OutputError)
/* harmony export */ });
/* unused harmony export InternalError */
/**
 * The tool's error family. Every failure a user can cause or meet is one of these classes, and the class carries
 * the exit status, so the two front ends translate nothing by hand: the CLI prints the message and exits with
 * `exitCode`, the action fails the step with the message.
 *
 * | class             | exit | meaning                                                                   |
 * |-------------------|------|---------------------------------------------------------------------------|
 * | `UsageError`      | 2    | a flag or action input is missing, malformed, or names nothing            |
 * | `InputError`      | 2    | a file cannot be used (`CheckpointError`: one precise code per failure,   |
 * |                   |      | as the safetensors crate does; `OutputError`: an output cannot be written) |
 * | `GateFailedError` | 1    | the gate ran and an artifact failed it (`UnreadableArtifactError`, an     |
 * |                   |      | InputError: exit 2, when the reason is an artifact that could not be read) |
 * | `InternalError`   | 70   | a bug in this tool (EX_SOFTWARE); anything not in this family is one too   |
 *
 * Lives with the readers because it is the lowest layer that needs it: every other layer may import it.
 */
/** Exit statuses of the CLI (README "Exit status"). Usage and bad input share 2, as most Unix tools do. */
const EXIT = Object.freeze({ ok: 0, gateFailed: 1, usage: 2, badInput: 2, internal: 70 });
/** The base of the family: a message meant for the user, and the exit status it ends a CLI run with. */
class ModelCompatError extends Error {
    /**
     * The message as lines to print. One line for every error but the gate's verdicts, whose lines are built by
     * the gate (one per failing artifact); a line break inside a name from a file is never a line of its own.
     */
    lines;
    /** `message`: one line, or the lines of a gate verdict. */
    constructor(message, options) {
        const lines = typeof message === 'string' ? [message] : [...message];
        super(lines.join('\n'), options);
        this.lines = lines;
    }
}
/**
 * A flag or action input is wrong. `input` names it as the user wrote it (`--threshold`, `threshold`, `artifacts`)
 * so the message points at the line to fix; without one the message stands alone.
 */
class UsageError extends ModelCompatError {
    exitCode = EXIT.usage;
    input;
    detail;
    constructor(detail, options = {}) {
        super(options.input === undefined ? detail : `Invalid input '${options.input}': ${detail}`, options);
        this.name = 'UsageError';
        this.detail = detail;
        if (options.input !== undefined)
            this.input = options.input;
    }
}
/** Something the user gave cannot be used: a file that cannot be read or written, an artifact that failed to load. */
class InputError extends ModelCompatError {
    exitCode = EXIT.badInput;
    constructor(message, options) {
        super(message, options);
        this.name = 'InputError';
    }
}
/** An output (`--export`, `--mapping`, `--summary`, `--mapping-dir`, `-o`, the report folder) cannot be written. */
class OutputError extends InputError {
    path;
    constructor(path, detail, options) {
        super(`cannot write ${path}: ${detail}`, options);
        this.name = 'OutputError';
        this.path = path;
    }
}
/**
 * An artifact could not be read, so the gate could not judge it (the gate still ran for the others and wrote its
 * report). `lines` are the gate's failure message, a line per failing artifact.
 */
class UnreadableArtifactError extends InputError {
    constructor(lines) {
        super(lines);
        this.name = 'UnreadableArtifactError';
    }
}
/** The gate ran to the end and at least one artifact failed it; `lines` say which and why. */
class GateFailedError extends ModelCompatError {
    exitCode = EXIT.gateFailed;
    constructor(lines) {
        super(lines);
        this.name = 'GateFailedError';
    }
}
/** A bug in this tool: a broken invariant, never a property of the input. */
class InternalError extends ModelCompatError {
    exitCode = EXIT.internal;
    constructor(message, options) {
        super(message, options);
        this.name = 'InternalError';
    }
}
/** `e` as a member of the family: ours as they are, anything else an `InternalError` with `e` as its cause. */
function toModelCompatError(e) {
    if (e instanceof ModelCompatError)
        return e;
    return new InternalError(e instanceof Error ? e.message : String(e), { cause: e });
}
/**
 * A file (or URL) that cannot be read as a checkpoint, with one precise code per failure, so a caller can tell a
 * truncated file from a hostile one. Every bad input a reader meets ends in one of these, never in another exception.
 */
class CheckpointError extends InputError {
    code;
    /** The file (or URL) the problem is in. */
    file;
    /** What is wrong, without the file name. */
    detail;
    constructor(code, file, detail, options) {
        super(`${file}: ${code}: ${detail}`, options);
        this.name = 'CheckpointError';
        this.code = code;
        this.file = file;
        this.detail = detail;
    }
}
function isCheckpointError(e) {
    return e instanceof CheckpointError;
}
/**
 * The pickle globals a failed read had found before it failed (a `PickleError` carries them: a file refused as a
 * checkpoint still reports what its pickles import), else an empty list.
 */
function globalsOfFailure(e) {
    const globals = e instanceof CheckpointError ? e.globals : undefined;
    return Array.isArray(globals) ? globals : [];
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ printable)
/* harmony export */ });
/**
 * Text from files (tensor names, global names, paths, metadata, and messages that quote them) on its way to a
 * terminal or a CI log. A control character there is an instruction, not text: ESC starts a terminal escape
 * (clear the screen, recolour a verdict), CR rewrites the line, and a line feed followed by `::error::` or
 * `::add-mask::` becomes a GitHub Actions workflow command. Every front-end print of file-derived text goes
 * through `printable`, and so do the console renderers.
 */
// C0 controls (including TAB, LF, CR, ESC), DEL, C1 controls (U+0085 NEL, U+009B CSI) and the Unicode line and
// paragraph separators, which some log viewers break lines on.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** `text` with every control character replaced by `?`: one line, nothing a terminal or a log would obey. */
function printable(text) {
    return text.replace(CONTROL, '?');
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ TOOL)
/* harmony export */ });
/** The tool's name and version, written into every report and cache key. Keep in step with package.json. */
const TOOL = Object.freeze({ name: 'model-compat', version: '0.1.0' });


/***/ })

};
;