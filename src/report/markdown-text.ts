/**
 * File-derived text in the gate's Markdown (job summary, PR comment): code spans that no backtick can close and no
 * pipe can split, and text with no HTML, no table break, no emphasis, no live @mention or issue link, and no control
 * character (`--markdown` prints to a terminal too).
 */
import { inertReferences, printable } from './format.js'

/** Inline code safe inside a table cell: no backtick can close it, no pipe can split the cell. */
export function code(text: string): string {
  return inlineCode(text.replace(/\|/g, '\\|'))
}

/**
 * Inline code outside tables. No `\|` here: backslash escapes do not work in code spans, only GFM tables undo
 * that one, so elsewhere the backslash would show.
 */
export function inlineCode(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'")}\``
}

/**
 * Text from files (tensor names, evidence) is hostile: no HTML, no table breaks, no @mentions or #refs pinging
 * people from a PR comment.
 */
export function escapeText(text: string): string {
  return escapeHtml(oneLine(text))
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]])/g, '\\$1')
}

export function escapeHtml(text: string): string {
  return inertReferences(
    oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  )
}

/** One line, and no other control character either: `--markdown` prints this to a terminal too (an ESC there
 * could clear the screen or recolour the verdict). */
function oneLine(text: string): string {
  return printable(text.replace(/[\r\n\t]+/g, ' '))
}
