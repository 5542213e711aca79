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
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** `text` with every control character replaced by `?`: one line, nothing a terminal or a log would obey. */
export function printable(text: string): string {
  return text.replace(CONTROL, '?')
}

/** `text` as a regular expression that matches it literally (names built into one native pattern). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A Python identifier's pattern. Built on first use from a string, not written as a literal: V8 checks a regular
 * expression literal's syntax when it parses the file, and for these Unicode property classes that check alone
 * is 14 M instructions (2.8% of `node -e 0`, Node 20), paid by every run that loads the module, while only a
 * pickle that fails after an import, or a gate policy's `allow-globals`, ever tests a name.
 */
let pythonIdentifier: RegExp | undefined
const PYTHON_IDENTIFIER_SOURCE = String.raw`^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$`

/** True for identifiers joined by dots (`a.b.c`): a module or qualified name Python could import. */
export function isDottedPythonName(dotted: string): boolean {
  const identifier = (pythonIdentifier ??= new RegExp(PYTHON_IDENTIFIER_SOURCE, 'u'))
  return dotted.split('.').every((p) => identifier.test(p))
}
