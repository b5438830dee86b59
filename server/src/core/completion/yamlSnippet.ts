import { Document } from 'yaml';
import { cloudFormationTags } from '../document/yamlParser';

const TAB_STOP = /\\\$|\$\{\d+\|[^|]*\|\}|\$\{\d+(?::[^{}]*)?\}|\$\d+/g;

/**
 * Rewrites a JSON snippet (a value, or `"key": value` members) as the same YAML, its tab stops and choices
 * kept where they were: each is swapped for a token, the JSON is written as YAML, and the tokens are put back.
 * Undefined when the snippet is not JSON once its tab stops are tokens.
 */
export function jsonSnippetToYaml(snippet: string, indentUnit = 2): string | undefined {
  const stops: string[] = [];
  const token = (i: number) => `__asl_stop_${i}__`;
  let inString = false;
  let json = '';
  for (let i = 0; i < snippet.length; i++) {
    TAB_STOP.lastIndex = i;
    const m = TAB_STOP.exec(snippet);
    if (m && m.index === i) {
      stops.push(m[0]);
      json += inString ? token(stops.length - 1) : `"${token(stops.length - 1)}"`;
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
  let value: unknown;
  try {
    value = JSON.parse(/^\s*"[^"]*"\s*:/.test(json) ? `{${json}}` : json);
  } catch {
    return undefined;
  }
  const yaml = new Document(value, { version: '1.1', customTags: cloudFormationTags }).toString({ lineWidth: 0, indent: indentUnit, indentSeq: true }).replace(/\n$/, '');
  // A token that is a whole quoted scalar loses its quotes unless what it stands for needs them (`{% %}`).
  const whole = yaml.replace(/(^|: |- )(["'])__asl_stop_(\d+)__\2(?=:|$)/gm, (m, lead: string, _q: string, index: string) => {
    const stop = stops[Number(index)];
    return /^\{/.test(stop) ? m : `${lead}__asl_stop_${index}__`;
  });
  return whole.replace(/__asl_stop_(\d+)__/g, (_, index: string) => stops[Number(index)]);
}
