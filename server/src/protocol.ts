/**
 * Custom LSP requests and notifications shared by the server and the client. Declared once, used by both
 * sides (the client imports only this file from the server). Each entry: method name plus its types.
 */

export const PROTOCOL_VERSION = 1;
