/**
 * The CSS of a drawn graph (nodes, groups, edges, badges, run colours), themed with VS Code's variables, and a
 * light palette for pictures made outside VS Code (`asl graph --format svg`) or exported from it.
 */
export const PICTURE_CSS = `
text { font-family: var(--vscode-font-family, sans-serif); }
.node .box { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #888)); stroke-width: 1.2; }
.node .label { fill: var(--vscode-editor-foreground); text-anchor: middle; font-size: 12px; pointer-events: none; }
.node.compound .box { fill: transparent; stroke-dasharray: 0; }
.node.compound .label { font-weight: 600; }
.node.kind-start .box, .node.kind-end .box { fill: var(--vscode-badge-background); stroke: none; }
.node.kind-start .label, .node.kind-end .label { fill: var(--vscode-badge-foreground); }
.node.kind-choice .box { stroke: var(--vscode-charts-yellow, #c9a400); }
.node.kind-fail .box { stroke: var(--vscode-charts-red, #d33); }
.node.kind-succeed .box { stroke: var(--vscode-charts-green, #3a3); }
.node.kind-missing .box { stroke: var(--vscode-errorForeground, #d33); stroke-dasharray: 4 3; fill: transparent; }
.node.kind-missing .label { fill: var(--vscode-errorForeground, #d33); }
.select-ring { display: none; fill: none; stroke: var(--vscode-focusBorder, #08f); stroke-width: 2; stroke-dasharray: 5 3; }
.node.selected .select-ring { display: inline; }
.node.run-succeeded .box { fill: var(--vscode-testing-iconPassed, #3a3); fill-opacity: 0.25; stroke: var(--vscode-testing-iconPassed, #3a3); stroke-width: 2; }
.node.run-failed .box { fill: var(--vscode-testing-iconFailed, #d33); fill-opacity: 0.25; stroke: var(--vscode-testing-iconFailed, #d33); stroke-width: 2; }
.node.run-caught .box { fill: var(--vscode-charts-orange, #e80); fill-opacity: 0.25; stroke: var(--vscode-charts-orange, #e80); stroke-width: 2; }
.run-note { fill: var(--vscode-descriptionForeground); font-size: 10px; pointer-events: none; }
.retry-mark { fill: var(--vscode-charts-purple, #8a4fc9); font-size: 10px; font-weight: 600; text-anchor: end; pointer-events: none; }
.badge.error { fill: var(--vscode-errorForeground, #d33); }
.badge.warning { fill: var(--vscode-editorWarning-foreground, #c80); }
.badge-text { fill: #fff; font-size: 10px; text-anchor: middle; font-weight: 600; pointer-events: none; }
.group rect { fill: var(--vscode-editor-inactiveSelectionBackground, #8881); fill-opacity: 0.35; stroke: var(--vscode-editorWidget-border, #888); stroke-dasharray: 3 3; }
.group-label { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.edge path { fill: none; stroke: var(--vscode-editorLineNumber-foreground, #888); stroke-width: 1.3; }
.edge.catch path { stroke-dasharray: 5 4; stroke: var(--vscode-charts-red, #d33); }
.edge.default path { stroke-dasharray: 2 3; }
.edge.taken path { stroke: var(--vscode-testing-iconPassed, #3a3); stroke-width: 2.6; marker-end: url(#arrow-taken); }
.edge.taken.catch path { stroke: var(--vscode-charts-orange, #e80); marker-end: url(#arrow-caught); }
.arrow.taken { fill: var(--vscode-testing-iconPassed, #3a3); }
.arrow.caught { fill: var(--vscode-charts-orange, #e80); }
.node:focus { outline: none; }
.stale-run .node[class*="run-"] .box { fill-opacity: 0.06; stroke-dasharray: 4 3; }
.stale-run .edge.taken path { stroke-opacity: 0.4; }
.arrow { fill: var(--vscode-editorLineNumber-foreground, #888); }
.edge-label-bg { fill: var(--vscode-editor-background); stroke: var(--vscode-editorLineNumber-foreground, #888); stroke-width: 0.6; stroke-opacity: 0.6; }
.edge.taken .edge-label-bg { stroke: var(--vscode-testing-iconPassed, #3a3); stroke-width: 1.4; stroke-opacity: 1; }
.edge-label { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.edge.catch .edge-label { fill: var(--vscode-charts-red, #d33); }
`;

/** VS Code's Light+ colours for the variables the picture uses, where it has no theme to read them from. */
const LIGHT: Record<string, string> = {
  '--vscode-font-family': 'sans-serif',
  '--vscode-editor-background': '#ffffff',
  '--vscode-editor-foreground': '#1f1f1f',
  '--vscode-editorWidget-background': '#f8f8f8',
  '--vscode-editorWidget-border': '#c8c8c8',
  '--vscode-descriptionForeground': '#616161',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#ffffff',
  '--vscode-charts-yellow': '#bf8803',
  '--vscode-charts-red': '#e51400',
  '--vscode-charts-green': '#388a34',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-purple': '#652d90',
  '--vscode-errorForeground': '#a1260d',
  '--vscode-editorWarning-foreground': '#bf8803',
  '--vscode-focusBorder': '#0090f1',
  '--vscode-testing-iconPassed': '#388a34',
  '--vscode-testing-iconFailed': '#e51400',
  '--vscode-editor-inactiveSelectionBackground': '#e5ebf1',
  '--vscode-editorLineNumber-foreground': '#6e7681',
};

/**
 * `css` with every var(--x, fallback) replaced by `lookup(--x)` if it gives a value, else the light palette's
 * colour, else the fallback: a style that needs no VS Code around it.
 */
export function resolveCss(css: string, lookup: (name: string) => string = () => ''): string {
  return css.replace(/var\((--[\w-]+)(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g, (_m, name: string, fallback?: string) =>
    lookup(name).trim() || LIGHT[name] || (fallback ?? '').trim() || '#888');
}

/** The background behind a resolved picture. */
export function pictureBackground(lookup: (name: string) => string = () => ''): string {
  return lookup('--vscode-editor-background').trim() || LIGHT['--vscode-editor-background'];
}
