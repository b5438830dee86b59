/** Styles of the Test State view, themed with VS Code's CSS variables. */
export const TEST_STATE_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
header h2 { margin: 8px 0; overflow-wrap: anywhere; }
.actions { margin-left: auto; display: flex; gap: 6px; }
.next { color: var(--vscode-descriptionForeground); }
.status { font-weight: 600; padding: 2px 8px; border-radius: 10px; }
.status.SUCCEEDED, .status.CAUGHT_ERROR { background: var(--vscode-testing-iconPassed, #388a34); color: #fff; }
.status.FAILED, .status.INVALID { background: var(--vscode-testing-iconFailed, #c72e0f); color: #fff; }
.status.RETRIABLE { background: var(--vscode-charts-orange, #d18616); color: #fff; }
.status.RUNNING { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
button.link { background: none; color: var(--vscode-textLink-foreground, #3794ff); padding: 2px 0; }
.meta { margin-bottom: 8px; overflow-wrap: anywhere; }
.muted { color: var(--vscode-descriptionForeground); }
.problem:empty { display: none; }
.problem { border-left: 3px solid var(--vscode-errorForeground); padding: 4px 12px; margin: 8px 0; background: var(--vscode-textCodeBlock-background); }
.problem.setup { border-left-color: var(--vscode-editorWarning-foreground); }
.problem h3 { margin: 4px 0; }
.problem p { white-space: pre-wrap; overflow-wrap: anywhere; }
table.steps { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.steps th, table.steps td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, #4444); vertical-align: top; }
table.steps tr > :nth-child(1) { width: 110px; }
table.steps tr > :nth-child(2) { width: 22%; }
table.steps tr > :nth-child(4) { width: 26%; }
tr.step > th { font-weight: 600; }
tr.unset > th, tr.unset .field { color: var(--vscode-descriptionForeground); font-weight: normal; }
tr.unreached td, tr.unreached th { opacity: 0.55; }
pre { margin: 0; background: var(--vscode-textCodeBlock-background); padding: 6px; overflow: auto; max-height: 320px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.full { max-height: 600px; }
pre.code { color: var(--vscode-textPreformat-foreground, inherit); }
ul { margin: 0; padding-left: 0; list-style: none; font-family: var(--vscode-editor-font-family, monospace); font-size: 12px; }
li { overflow-wrap: anywhere; }
li.added { color: var(--vscode-charts-green, #388a34); }
li.removed { color: var(--vscode-charts-red, #c72e0f); }
li.changed { color: var(--vscode-charts-yellow, #bf8803); }
@media (max-width: 600px) {
  table.steps, table.steps tr, table.steps th, table.steps td { display: block; width: auto !important; }
  table.steps tr.head { display: none; }
  table.steps tr { border-bottom: 1px solid var(--vscode-editorWidget-border, #4444); padding: 6px 0; }
  table.steps th, table.steps td { border-bottom: none; padding: 2px 0; }
  table.steps td[data-label]::before { content: attr(data-label); display: block; font-size: 11px; color: var(--vscode-descriptionForeground); }
  table.steps td.changes:not(:has(li, span:not(:empty)))::before { content: none; }
}
`;
