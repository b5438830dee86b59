import { hclKey, hclValue } from '../edits/hclEdits';
import { parseSnippetJson, restoreStops } from './snippetJson';

/**
 * Rewrites a JSON snippet (a value, or `"key": value` members) as HCL for a Terraform `jsonencode({...})` body:
 * `key = value` attributes one a line, strings with `${` escaped, tab stops and choices kept. A tab stop that was a
 * bare JSON value (`${1|true,false|}`) stays bare; one that names a key stays quoted, as the name typed there may
 * not be an HCL identifier. Undefined when the snippet is not JSON once its tab stops are tokens.
 */
export function jsonSnippetToHcl(snippet: string): string | undefined {
  const parsed = parseSnippetJson(snippet);
  if (!parsed) return undefined;
  const { value, members, stops, bare } = parsed;
  const hcl =
    members && value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>).map(([k, v]) => `${hclKey(k)} = ${hclValue(v, '', '\t', false)}`).join('\n')
      : hclValue(value, '', '\t', false);
  const placed = hcl
    .replace(/"__asl_stop_(\d+)__"/g, (m, index: string) => (bare[Number(index)] ? stops[Number(index)] : m))
    .replace(/(^|[\s{,])__asl_stop_(\d+)__(?= = )/gm, (_, lead: string, index: string) => `${lead}"__asl_stop_${index}__"`);
  return restoreStops(placed, stops);
}
