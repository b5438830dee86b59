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

const PIECES_PER_WRITE = 512;

/** vscode-jsonrpc's application/json encoder, but a `RawJson` result goes in as its text. */
export const rawJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options) {
    const { id, result } = message as { id?: unknown; result?: unknown };
    const charset = options.charset as BufferEncoding;
    if (!(result instanceof RawJson)) return Promise.resolve(Buffer.from(JSON.stringify(message), charset));
    // The pieces are joined a few hundred at a time and each run written into one buffer. Joining them all first
    // makes a megabyte of fresh string (4–8 ms for the 5,000-state outline); writing each of its 16,000 pieces
    // costs a call of Buffer's JS each, which is most of the first answer's encoding while that code is cold
    // (23–26 ms against 12–14 in a fresh process).
    const { pieces } = result;
    const runs = [`{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(id ?? null)},"result":`];
    for (let i = 0; i < pieces.length; i += PIECES_PER_WRITE) runs.push(pieces.slice(i, i + PIECES_PER_WRITE).join(''));
    runs.push('}');
    let length = 0;
    for (const run of runs) length += Buffer.byteLength(run, charset);
    const buffer = Buffer.allocUnsafe(length);
    let at = 0;
    for (const run of runs) at += buffer.write(run, at, charset);
    return Promise.resolve(buffer);
  },
};
