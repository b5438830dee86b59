/**
 * A pure parser's results remembered by input text. A machine repeats the same expressions (`$`, `$.Payload`,
 * `States.Format(...)`, one Resource ARN) in thousands of states, and several rules parse each one: with this, each
 * distinct text is parsed once (opening a 5,000-state file, and every re-validation after it). The results are
 * shared, so callers read them and never change them. Bounded: texts longer than `maxLength` are parsed every time,
 * and the table starts again empty when it holds `maxEntries`. A kept key is a copy, so that a slice of a document's
 * text does not keep that whole version of the text alive.
 */
export function memoByText<T>(parse: (text: string) => T, maxEntries = 10_000, maxLength = 1_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined && !known.has(text)) {
      result = parse(text);
      if (text.length > maxLength) return result;
      if (known.size >= maxEntries) known.clear();
      known.set(text.length >= 13 ? (text + ' ').slice(0, -1) : text, result);
    }
    return result as T;
  };
}
