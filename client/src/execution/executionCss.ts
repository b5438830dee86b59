/** Styles of the execution view, themed with VS Code's CSS variables. */
export const EXECUTION_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.status { font-weight: 600; padding: 2px 8px; border-radius: 10px; }
.status.SUCCEEDED { background: var(--vscode-testing-iconPassed, #388a34); color: #fff; }
.status.FAILED, .status.TIMED_OUT, .status.INVALID { background: var(--vscode-testing-iconFailed, #c72e0f); color: #fff; }
.status.ABORTED, .status.RUNNING { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow: auto; max-height: 260px; }
input[type=search] { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; width: 260px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, #4444); vertical-align: top; }
tr.event { cursor: pointer; }
tr.event:hover { background: var(--vscode-list-hoverBackground); }
tr.failed td { color: var(--vscode-errorForeground); }
tr.details pre { margin: 0; }
.muted { color: var(--vscode-descriptionForeground); }
`;
