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
