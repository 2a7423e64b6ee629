/**
 * Text for people: a terminal or the dashboard. Stored text (event titles, token names, error details) may hold control
 * characters: escape sequences and carriage returns that, printed raw, erase lines and forge
 * others on the reader's terminal, and bidi overrides that reorder what is shown. Human output
 * goes through `escapeControls`, which shows each such character as a visible escape
 * (`\x1b`, `\r`, `\u202e`) and leaves every other character as it is.
 */

// C0 controls, DEL, C1 controls, the bidi embeddings, overrides and isolates, line and paragraph separators
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

const shown = (c: string): string => {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
};

/**
 * `text` with every control character shown as an escape. `keepLines`: line feeds and tabs stay
 * (a whole report's layout); without it they are escaped too (one table cell, one field).
 */
export function escapeControls(text: string, options: { keepLines?: boolean } = {}): string {
  return text.replace(options.keepLines ? CONTROL_BUT_LINES : CONTROL, shown);
}

/**
 * A line of a report for people, as a template tag: the template's own text is the layout, and
 * every value put into it is stored text, shown with every control character escaped, line feeds
 * included. A report keeps its own lines (`escapeControls` with `keepLines` over the whole), so
 * only this keeps a stored line feed (a title, a summary, a name) from printing a line the report
 * did not write: `` fields`${e.id}  ${e.title}` ``.
 */
export function fields(template: TemplateStringsArray, ...values: unknown[]): string {
  return template.reduce((text, part, i) => text + (i > 0 ? escapeControls(String(values[i - 1])) : '') + part, '');
}
