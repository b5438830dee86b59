import { PICTURE_CSS } from '../../../../server/src/core/graph/pictureCss';

/** The preview's page and toolbar; the picture's own rules come from the core, which the CLI draws with too. */
const VIEW_CSS = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
#app { display: flex; flex-direction: column; height: 100%; }
.toolbar { display: flex; gap: 4px; align-items: center; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.toolbar button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 2px 8px; cursor: pointer; }
.toolbar .status { margin-left: auto; color: var(--vscode-descriptionForeground); }
.stage { position: relative; flex: 1; min-height: 0; }
svg.graph { position: absolute; inset: 0; width: 100%; height: 100%; cursor: grab; }
.legend { flex: none; display: flex; flex-direction: column; gap: 2px; padding: 4px 8px; border-top: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, transparent)); color: var(--vscode-foreground); font-size: 11px; }
.legend[hidden], .legend [hidden] { display: none; }
.legend-section { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 12px; }
.legend-title { font-weight: 600; }
.legend-row { display: flex; align-items: center; gap: 4px; line-height: 16px; }
.legend-row svg { flex: none; }
.legend-stale { color: var(--vscode-editorWarning-foreground); }
.node { cursor: pointer; }
.node.untested .box { stroke: var(--vscode-testing-iconSkipped, #888); stroke-width: 2; stroke-dasharray: 2 3; fill-opacity: 0.35; }
.node.untested .label { font-style: italic; fill-opacity: 0.7; }
svg.graph .node.run-running .box, .legend .node.run-running .box { stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 2; stroke-dasharray: none; fill: var(--vscode-charts-blue, #3794ff); fill-opacity: 0.12; }
svg.graph .node.paused .box, .legend .node.paused .box { stroke: var(--vscode-debugIcon-breakpointCurrentStackframeForeground, #be8700); stroke-width: 3; stroke-dasharray: none; fill: var(--vscode-editor-stackFrameHighlightBackground, #ffff6673); fill-opacity: 1; }
.paused-arrow { fill: var(--vscode-debugIcon-breakpointCurrentStackframeForeground, #be8700); stroke: var(--vscode-editor-background); stroke-width: 1; }
`;

export const GRAPH_STYLE = { css: VIEW_CSS + PICTURE_CSS };
