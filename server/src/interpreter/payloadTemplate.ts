import { looksLikeIntrinsic, type IntrinsicCall } from '../core/expressions/intrinsics';
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
  for (const f of fieldsOf(template)) {
    let v: unknown;
    if (f.text === undefined) v = evaluateTemplate(f.value, roots, services, field);
    else if (f.intrinsic) v = evaluateIntrinsic((f.call ??= compileIntrinsic(f.text)), roots, services);
    else v = valueAtPath(f.text, roots, field, f.name);
    if (f.name === '__proto__') setOwn(out, f.name, v);
    else out[f.name] = v;
  }
  return out;
}

/** One field of a template object: a value to copy, or (a `.$` key) the path or intrinsic whose value it takes. */
interface TemplateField {
  name: string;
  value: unknown;
  text: string | undefined;
  intrinsic: boolean;
  /** The intrinsic, parsed when first evaluated (an invalid one fails there, in field order, every time). */
  call?: IntrinsicCall;
}

// A template's fields are read once: a state's Parameters are evaluated on every pass through it.
const fieldsByTemplate = new WeakMap<object, TemplateField[]>();

function fieldsOf(template: object): TemplateField[] {
  let fields = fieldsByTemplate.get(template);
  if (fields) return fields;
  fields = Object.entries(template).map(([key, value]): TemplateField => {
    if (!key.endsWith('.$')) return { name: key, value, text: undefined, intrinsic: false };
    const text = String(value);
    return { name: key.slice(0, -2), value, text, intrinsic: looksLikeIntrinsic(text) };
  });
  fieldsByTemplate.set(template, fields);
  return fields;
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
