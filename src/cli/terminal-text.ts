/** The CLI's name for the one rule that shows stored control characters as escapes (src/shared/terminal-text.ts, shared with the dashboard). */
export { escapeControls, fields } from '../shared/terminal-text.js';
