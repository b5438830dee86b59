/** The graph's CSS, themed with VS Code's variables (light, dark, high contrast). */
const CSS = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
#app { display: flex; flex-direction: column; height: 100%; }
.toolbar { display: flex; gap: 4px; align-items: center; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.toolbar button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 2px 8px; cursor: pointer; }
.toolbar .status { margin-left: auto; color: var(--vscode-descriptionForeground); }
svg.graph { flex: 1; width: 100%; cursor: grab; }
.node rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #888)); stroke-width: 1.2; }
.node .label { fill: var(--vscode-editor-foreground); text-anchor: middle; font-size: 12px; pointer-events: none; }
.node { cursor: pointer; }
.node.compound rect { fill: transparent; stroke-dasharray: 0; }
.node.compound .label { font-weight: 600; }
.node.kind-start rect, .node.kind-end rect { fill: var(--vscode-badge-background); stroke: none; }
.node.kind-start .label, .node.kind-end .label { fill: var(--vscode-badge-foreground); }
.node.kind-choice rect { stroke: var(--vscode-charts-yellow, #c9a400); }
.node.kind-fail rect { stroke: var(--vscode-charts-red, #d33); }
.node.kind-succeed rect { stroke: var(--vscode-charts-green, #3a3); }
.node.kind-missing rect { stroke: var(--vscode-errorForeground, #d33); stroke-dasharray: 4 3; fill: transparent; }
.node.kind-missing .label { fill: var(--vscode-errorForeground, #d33); }
.node.selected rect { stroke: var(--vscode-focusBorder, #08f); stroke-width: 2.5; }
.node.run-succeeded rect { fill: var(--vscode-testing-iconPassed, #3a3); fill-opacity: 0.25; stroke: var(--vscode-testing-iconPassed, #3a3); stroke-width: 2; }
.node.run-failed rect { fill: var(--vscode-testing-iconFailed, #d33); fill-opacity: 0.25; stroke: var(--vscode-testing-iconFailed, #d33); stroke-width: 2; }
.node.run-caught rect { fill: var(--vscode-charts-orange, #e80); fill-opacity: 0.25; stroke: var(--vscode-charts-orange, #e80); stroke-width: 2; }
.run-note { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.badge.error { fill: var(--vscode-errorForeground, #d33); }
.badge.warning { fill: var(--vscode-editorWarning-foreground, #c80); }
.badge-text { fill: #fff; font-size: 10px; text-anchor: middle; font-weight: 600; pointer-events: none; }
.group rect { fill: var(--vscode-editor-inactiveSelectionBackground, #8881); fill-opacity: 0.35; stroke: var(--vscode-editorWidget-border, #888); stroke-dasharray: 3 3; }
.group-label { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.edge path { fill: none; stroke: var(--vscode-editorLineNumber-foreground, #888); stroke-width: 1.3; }
.edge.catch path { stroke-dasharray: 5 4; stroke: var(--vscode-charts-red, #d33); }
.edge.default path { stroke-dasharray: 2 3; }
.arrow { fill: var(--vscode-editorLineNumber-foreground, #888); }
.edge-label-bg { fill: var(--vscode-editor-background); fill-opacity: 0.9; }
.edge-label { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.edge.catch .edge-label { fill: var(--vscode-charts-red, #d33); }
`;

export const GRAPH_STYLE = {
  css: CSS,
  /** The CSS with every var(--x, fallback) replaced by its current value, for exported files. */
  resolved(style: { getPropertyValue(name: string): string }): string {
    return CSS.replace(/var\((--[\w-]+)(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g, (_m, name: string, fallback?: string) => style.getPropertyValue(name).trim() || (fallback ?? '').trim() || '#888');
  },
};
