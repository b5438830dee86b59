import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

/**
 * A request's result already written as JSON. The stdio transport's encoder (`rawJsonEncoder`, installed by
 * server.ts) puts its text in the response as it is, so a big answer built from pieces kept between versions (a
 * 5,000-state outline is 1.2 MB) is not made into objects and stringified again on each edit. Any other writer
 * (node IPC) serializes it through `toJSON`, as the value it stands for.
 */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** vscode-jsonrpc's application/json encoder, but a `RawJson` result goes in as its text. */
export const rawJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options) {
    const { id, result } = message as { id?: unknown; result?: unknown };
    const charset = options.charset as BufferEncoding;
    if (!(result instanceof RawJson)) return Promise.resolve(Buffer.from(JSON.stringify(message), charset));
    // Written into one buffer: joined first, the megabyte of text would be copied once more (flattened) on its way.
    const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(id ?? null)},"result":`;
    const buffer = Buffer.allocUnsafe(Buffer.byteLength(head, charset) + Buffer.byteLength(result.text, charset) + 1);
    let at = buffer.write(head, 0, charset);
    at += buffer.write(result.text, at, charset);
    buffer.write('}', at, charset);
    return Promise.resolve(buffer);
  },
};
