import { PICTURE_CSS } from '../../../../server/src/core/graph/pictureCss';

/** The preview's page and toolbar; the picture's own rules come from the core, which the CLI draws with too. */
const VIEW_CSS = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
#app { display: flex; flex-direction: column; height: 100%; }
.toolbar { display: flex; gap: 4px; align-items: center; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.toolbar button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 2px 8px; cursor: pointer; }
.toolbar .status { margin-left: auto; color: var(--vscode-descriptionForeground); }
svg.graph { flex: 1; width: 100%; cursor: grab; }
.node { cursor: pointer; }
`;

export const GRAPH_STYLE = { css: VIEW_CSS + PICTURE_CSS };
