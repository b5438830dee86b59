import { looksLikeIntrinsic } from '../core/expressions/intrinsics';
import { compileIntrinsic, evaluateIntrinsic, type IntrinsicServices } from './intrinsicsEval';
import { compilePath, evaluatePath, type PathRoots } from './jsonPathEval';
import { StatesError } from './statesError';
import { setOwn } from '../core/document/ownProps';

/**
 * Evaluates a JSONPath payload template (asl-reference §3.2): `.$` keys take the value of a path, a context
 * path, a variable or an intrinsic; other values are copied. `errorName` is raised when a path matches
 * nothing (States.ParameterPathFailure for Parameters-like fields, States.Runtime elsewhere).
 */
export function evaluateTemplate(template: unknown, roots: PathRoots, services: IntrinsicServices, field: string): unknown {
  if (Array.isArray(template)) return template.map((t) => evaluateTemplate(t, roots, services, field));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith('.$')) {
      const v = evaluateTemplate(value, roots, services, field);
      if (key === '__proto__') setOwn(out, key, v);
      else out[key] = v;
      continue;
    }
    const name = key.slice(0, -2);
    const text = String(value);
    const v = looksLikeIntrinsic(text) ? evaluateIntrinsic(compileIntrinsic(text), roots, services) : valueAtPath(text, roots, field, name);
    if (name === '__proto__') setOwn(out, name, v);
    else out[name] = v;
  }
  return out;
}

function valueAtPath(text: string, roots: PathRoots, field: string, key: string): unknown {
  const result = evaluatePath(compilePath(text), roots);
  if (!result.found) {
    // AWS's words: "The JSONPath '$.x' specified for the field 'x.$' could not be found in the input '{...}'".
    const input = text.startsWith('$$') ? roots.context : roots.data;
    throw new StatesError(
      'States.ParameterPathFailure',
      `The JSONPath '${text}' specified for the field '${key}.$' could not be found in the input '${JSON.stringify(input) ?? 'null'}'`,
    );
  }
  return result.value;
}
