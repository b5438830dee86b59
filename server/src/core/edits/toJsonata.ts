import { looksLikeIntrinsic } from '../expressions/intrinsics';

/**
 * Turns a JSONPath payload template into its JSONata form for `Arguments`/`Output`: `"x.$": "$.a"` becomes
 * `"x": "{% $states.input.a %}"`, `$$.X` becomes `$states.context.X`, `$var` stays a variable. Intrinsics have no
 * one-to-one form and are kept as a marked string for the user to rewrite.
 */
export function templateToJsonata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(templateToJsonata);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key.endsWith('.$') && typeof inner === 'string') out[key.slice(0, -2)] = pathToJsonata(inner);
    else out[key] = templateToJsonata(inner);
  }
  return out;
}

export function pathToJsonata(path: string): string {
  if (looksLikeIntrinsic(path)) return `{% /* rewrite in JSONata: ${path.replace(/%}/g, '% }')} */ null %}`;
  if (path === '$') return '{% $states.input %}';
  if (path.startsWith('$$')) return `{% $states.context${path.slice(2)} %}`;
  if (path.startsWith('$.') || path.startsWith('$[')) return `{% $states.input${path.slice(1)} %}`;
  return `{% ${path} %}`;
}
