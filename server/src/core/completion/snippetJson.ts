const TAB_STOP = /\\\$|\$\{\d+\|[^|]*\|\}|\$\{\d+(?::[^{}]*)?\}|\$\d+/g;

/** A JSON snippet read as a value, each tab stop or choice swapped for a token another syntax can carry. */
export interface SnippetJson {
  value: unknown;
  /** The snippet was `"key": value` members, read as the members of `value`. */
  members: boolean;
  /** The tab stops, by token index. */
  stops: string[];
  /** Whether each stop stood outside a string (its token was quoted to make the JSON). */
  bare: boolean[];
}

export const stopToken = (index: number): string => `__asl_stop_${index}__`;
export const STOP_TOKEN = /__asl_stop_(\d+)__/g;

/** Undefined when the snippet is not JSON once its tab stops are tokens. */
export function parseSnippetJson(snippet: string): SnippetJson | undefined {
  const stops: string[] = [];
  const bare: boolean[] = [];
  let inString = false;
  let json = '';
  for (let i = 0; i < snippet.length; i++) {
    TAB_STOP.lastIndex = i;
    const m = TAB_STOP.exec(snippet);
    if (m && m.index === i) {
      stops.push(m[0]);
      bare.push(!inString);
      json += inString ? stopToken(stops.length - 1) : `"${stopToken(stops.length - 1)}"`;
      i += m[0].length - 1;
      continue;
    }
    const c = snippet[i];
    if (c === '\\' && inString) {
      json += c + snippet[i + 1];
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    json += c;
  }
  const members = /^\s*"[^"]*"\s*:/.test(json);
  try {
    return { value: JSON.parse(members ? `{${json}}` : json), members, stops, bare };
  } catch {
    return undefined;
  }
}

/** Puts the tab stops back in place of their tokens. */
export function restoreStops(text: string, stops: string[]): string {
  return text.replace(STOP_TOKEN, (_, index: string) => stops[Number(index)]);
}
