/** Styles of the execution view, themed with VS Code's CSS variables. */
export const EXECUTION_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
header h2 { overflow-wrap: anywhere; }
.status { font-weight: 600; padding: 2px 8px; border-radius: 10px; }
.status.SUCCEEDED { background: var(--vscode-testing-iconPassed, #388a34); color: #fff; }
.status.FAILED, .status.TIMED_OUT, .status.INVALID { background: var(--vscode-testing-iconFailed, #c72e0f); color: #fff; }
.status.ABORTED, .status.RUNNING { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.link { background: none; color: var(--vscode-textLink-foreground, #3794ff); padding: 2px 0; }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow: auto; max-height: 260px; margin: 2px 0 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
input[type=search] { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; width: 260px; }
.count { margin-left: 12px; }
.row { display: grid; grid-template-columns: 56px 220px 1fr 96px; align-items: center; height: 24px; box-sizing: border-box; white-space: nowrap; }
.row > span { overflow: hidden; text-overflow: ellipsis; padding-right: 8px; }
.row.head { font-weight: 600; border-bottom: 1px solid var(--vscode-editorWidget-border, #4444); margin-top: 8px; padding-left: 8px; }
.history { position: relative; height: 55vh; min-height: 200px; overflow: auto; border-bottom: 1px solid var(--vscode-editorWidget-border, #4444); }
.spacer { position: relative; }
.history .row { position: absolute; left: 0; right: 0; cursor: pointer; border-bottom: 1px solid var(--vscode-editorWidget-border, #4442); }
.history .row:hover { background: var(--vscode-list-hoverBackground); }
.row.group { grid-template-columns: 16px minmax(120px, max-content) 90px 1fr; font-weight: 600; }
.row.group.iteration, .row.group.branch { font-weight: normal; }
.row.group .muted { font-weight: normal; }
.row.group.failed .name, .row.event.failed { color: var(--vscode-errorForeground); }
.row.group.caught .name { color: var(--vscode-editorWarning-foreground); }
.row.selected { background: var(--vscode-list-inactiveSelectionBackground, #8883); }
.twisty { color: var(--vscode-descriptionForeground); }
.details:empty { display: none; }
.details h3 { overflow-wrap: anywhere; }
.muted { color: var(--vscode-descriptionForeground); }
.waiting { border: 1px solid var(--vscode-editorWarning-foreground, #cca700); border-radius: 4px; padding: 4px 12px 8px; margin: 8px 0; }
.waiting h3 { margin: 6px 0; }
.waiting-task { border-top: 1px solid var(--vscode-editorWidget-border, #4444); padding: 8px 0; display: flex; flex-direction: column; gap: 4px; }
.waiting-task:first-child { border-top: none; }
.waiting-head { display: flex; gap: 10px; align-items: baseline; }
.waiting-head .name { font-weight: 600; overflow-wrap: anywhere; }
.waiting-task .resource, .waiting-task .token { overflow-wrap: anywhere; font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
.answer-row { display: flex; gap: 8px; align-items: flex-start; flex-wrap: wrap; }
.waiting-task textarea, .waiting-task input { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, #8886); padding: 3px 6px; font-family: var(--vscode-editor-font-family); }
.waiting-task textarea { flex: 1; min-width: 200px; resize: vertical; }
.waiting-task input { width: 200px; }
.waiting-task button { align-self: flex-start; }
button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
button:disabled { opacity: 0.5; cursor: default; }
.answer-message.error { color: var(--vscode-errorForeground); }
`;
