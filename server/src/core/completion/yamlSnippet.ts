import { Document } from 'yaml';
import { cloudFormationTags } from '../document/yamlParser';
import { parseSnippetJson, restoreStops } from './snippetJson';

/**
 * Rewrites a JSON snippet (a value, or `"key": value` members) as the same YAML, its tab stops and choices
 * kept where they were: each is swapped for a token, the JSON is written as YAML, and the tokens are put back.
 * Undefined when the snippet is not JSON once its tab stops are tokens.
 */
export function jsonSnippetToYaml(snippet: string, indentUnit = 2): string | undefined {
  const parsed = parseSnippetJson(snippet);
  if (!parsed) return undefined;
  const { value, stops } = parsed;
  const yaml = new Document(value, { version: '1.1', customTags: cloudFormationTags }).toString({ lineWidth: 0, indent: indentUnit, indentSeq: true }).replace(/\n$/, '');
  // A token that is a whole quoted scalar loses its quotes unless what it stands for needs them (`{% %}`).
  const whole = yaml.replace(/(^|: |- )(["'])__asl_stop_(\d+)__\2(?=:|$)/gm, (m, lead: string, _q: string, index: string) => {
    const stop = stops[Number(index)];
    return /^\{/.test(stop) ? m : `${lead}__asl_stop_${index}__`;
  });
  return restoreStops(whole, stops);
}
