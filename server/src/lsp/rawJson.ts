import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

/**
 * A request's result already written as JSON, in pieces. The stdio transport's encoder (`rawJsonEncoder`, installed
 * by server.ts) writes the pieces into the response as they are, so a big answer built from pieces kept between
 * versions (a 5,000-state outline is 1.2 MB in 16,000 pieces) is not made into objects and stringified again on
 * each edit, nor joined into one string. Any other writer (node IPC) serializes it through `toJSON`, as the value
 * it stands for.
 */
export class RawJson {
  constructor(readonly pieces: string[]) {}

  get text(): string {
    return this.pieces.join('');
  }

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * The writer of the document asked last, made anew when another is asked: a writer keeps the pieces of its last
 * answer (a megabyte for 5,000 states), so only the document being edited keeps them.
 */
export function writerOfLastDocument<W>(make: () => W): (uri: string) => W {
  let last: { uri: string; writer: W } | undefined;
  return (uri) => {
    if (last?.uri !== uri) last = { uri, writer: make() };
    return last.writer;
  };
}

/** vscode-jsonrpc's application/json encoder, but a `RawJson` result goes in as its text. */
export const rawJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options) {
    const { id, result } = message as { id?: unknown; result?: unknown };
    const charset = options.charset as BufferEncoding;
    if (!(result instanceof RawJson)) return Promise.resolve(Buffer.from(JSON.stringify(message), charset));
    // Each piece written into one buffer: joining them first would make a megabyte of fresh string and take
    // three times as long (1.6 ms against 4–8 for the 5,000-state outline).
    const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(id ?? null)},"result":`;
    let length = Buffer.byteLength(head, charset) + 1;
    for (const piece of result.pieces) length += Buffer.byteLength(piece, charset);
    const buffer = Buffer.allocUnsafe(length);
    let at = buffer.write(head, 0, charset);
    for (const piece of result.pieces) at += buffer.write(piece, at, charset);
    buffer.write('}', at, charset);
    return Promise.resolve(buffer);
  },
};
