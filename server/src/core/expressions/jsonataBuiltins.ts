import { AWS_JSONATA_FUNCTIONS } from './jsonata';

/** JSONata 2.0 built-in function names (docs.jsonata.org), plus the functions Step Functions adds. */
export const JSONATA_BUILTINS = new Set([
  'sum', 'count', 'max', 'min', 'average', 'string', 'substring', 'substringBefore', 'substringAfter', 'lowercase',
  'uppercase', 'length', 'trim', 'pad', 'match', 'contains', 'replace', 'split', 'join', 'formatNumber', 'formatBase',
  'formatInteger', 'parseInteger', 'number', 'floor', 'ceil', 'round', 'abs', 'sqrt', 'power', 'boolean', 'not',
  'map', 'zip', 'filter', 'single', 'reduce', 'sift', 'keys', 'lookup', 'append', 'exists', 'spread', 'merge',
  'reverse', 'each', 'error', 'assert', 'type', 'sort', 'shuffle', 'distinct', 'base64encode', 'base64decode',
  'encodeUrlComponent', 'encodeUrl', 'decodeUrlComponent', 'decodeUrl', 'now', 'millis', 'fromMillis', 'toMillis',
  'clone', 'eval',
  ...Object.keys(AWS_JSONATA_FUNCTIONS),
]);
