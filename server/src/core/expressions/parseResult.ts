/** A parse error with its position relative to the start of the parsed text. */
export interface ExpressionError {
  message: string;
  offset: number;
  length: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ExpressionError };
