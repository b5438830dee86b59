/** The id of the JSON data block a webview's page may carry (webviewHtml's `data`, read by initialData()). */
export const INITIAL_DATA_ID = 'initial-data';
