import { ESCAPED_CLOSE, ESCAPED_OPEN, parseIntrinsic, plainString, type IntrinsicArg, type IntrinsicCall } from '../core/expressions/intrinsics';
import { compilePath, evaluatePath, type PathRoots } from './jsonPathEval';
import { StatesError } from './statesError';

/** Randomness and hashing come from outside so that the interpreter stays pure and tests are repeatable. */
export interface IntrinsicServices {
  uuid(): string;
  random(): number;
  hash(data: string, algorithm: string): string;
  base64Encode(text: string): string;
  base64Decode(text: string): string;
}

/** The parsed call (parseIntrinsic keeps one per distinct text); a bad one is States.IntrinsicFailure. */
export function compileIntrinsic(text: string): IntrinsicCall {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok) throw new StatesError('States.IntrinsicFailure', `Invalid intrinsic function '${text}': ${parsed.error.message}`);
  return parsed.value;
}

const fail = (name: string, message: string): never => {
  throw new StatesError('States.IntrinsicFailure', `${name}: ${message}`);
};

/** Evaluates an intrinsic call with AWS's semantics (asl-reference §10). */
export function evaluateIntrinsic(call: IntrinsicCall, roots: PathRoots, services: IntrinsicServices): unknown {
  // Only States.Format's template keeps the escaped-brace markers (to tell literal braces from holes).
  const args = call.args.map((a, i) => argValue(a, roots, services, call.name === 'States.Format' && i === 0));
  const n = call.name;
  const int = (v: unknown, what: string): number => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fail(n, `${what} must be a number`));
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : fail(n, 'the argument must be an array'));
  const str = (v: unknown): string => (typeof v === 'string' ? v : fail(n, 'the argument must be a string'));
  switch (n) {
    case 'States.Format': {
      const template = str(args[0]);
      const values = args.slice(1);
      let next = 0;
      let out = '';
      for (let i = 0; i < template.length; i++) {
        const c = template[i];
        if (c === ESCAPED_OPEN || c === ESCAPED_CLOSE) {
          out += c === ESCAPED_OPEN ? '{' : '}';
        } else if (c === '{' && template[i + 1] === '}') {
          if (next >= values.length) fail(n, 'more {} than values');
          out += formatValue(values[next++]);
          i++;
        } else out += c;
      }
      if (next !== values.length) fail(n, `the template has ${next} {} but ${values.length} values were given`);
      return out;
    }
    case 'States.StringToJson':
      // AWS answers null for an empty (or blank) string, where JSON.parse would throw (issue 14).
      if (typeof args[0] === 'string' && args[0].trim() === '') return null;
      try {
        return JSON.parse(str(args[0]));
      } catch {
        return fail(n, 'the string is not valid JSON');
      }
    case 'States.JsonToString':
      return JSON.stringify(args[0]);
    case 'States.Array':
      return args;
    case 'States.ArrayPartition': {
      const list = arr(args[0]);
      const size = int(args[1], 'the chunk size');
      if (size <= 0) fail(n, 'the chunk size must be greater than 0');
      const out: unknown[][] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    }
    case 'States.ArrayContains': {
      const wanted = JSON.stringify(args[1]);
      return arr(args[0]).some((v) => JSON.stringify(v) === wanted);
    }
    case 'States.ArrayRange': {
      const [start, end, step] = [int(args[0], 'start'), int(args[1], 'end'), int(args[2], 'step')];
      if (step === 0) fail(n, 'the step cannot be 0');
      const out: number[] = [];
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.push(v);
        if (out.length > 1000) fail(n, 'the range has more than 1000 items');
      }
      return out;
    }
    case 'States.ArrayGetItem': {
      const list = arr(args[0]);
      const index = int(args[1], 'the index');
      if (index < 0 || index >= list.length) fail(n, `index ${index} is out of bounds`);
      return list[index];
    }
    case 'States.ArrayLength':
      return arr(args[0]).length;
    case 'States.ArrayUnique': {
      const seen = new Set<string>();
      return arr(args[0]).filter((v) => {
        const key = JSON.stringify(v);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    case 'States.Base64Encode': {
      const s = str(args[0]);
      if (s.length > 10000) fail(n, 'the input is longer than 10,000 characters');
      return services.base64Encode(s);
    }
    case 'States.Base64Decode': {
      const s = str(args[0]);
      if (s.length > 10000) fail(n, 'the input is longer than 10,000 characters');
      return services.base64Decode(s);
    }
    case 'States.Hash': {
      const data = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      if (data.length > 10000) fail(n, 'the input is longer than 10,000 characters');
      const algorithm = str(args[1]);
      if (!['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'].includes(algorithm)) fail(n, `unsupported algorithm '${algorithm}'`);
      return services.hash(data, algorithm);
    }
    case 'States.JsonMerge': {
      const [a, b, deep] = args;
      if (deep !== false) fail(n, 'only a shallow merge is supported: the third argument must be false');
      if (a === null || typeof a !== 'object' || Array.isArray(a) || b === null || typeof b !== 'object' || Array.isArray(b)) fail(n, 'both arguments must be objects');
      return { ...(a as object), ...(b as object) };
    }
    case 'States.MathRandom': {
      const start = int(args[0], 'start');
      const end = int(args[1], 'end');
      if (end <= start) fail(n, 'end must be greater than start');
      return start + Math.floor(services.random() * (end - start));
    }
    case 'States.MathAdd': {
      // Developer guide, "Intrinsic functions": a non-integer argument is rounded to the nearest integer (as Java
      // rounds: halves away from zero); the values must lie in the 32-bit integer range.
      const check = (v: unknown) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return fail(n, 'arguments must be numbers');
        const rounded = Math.sign(v) * Math.round(Math.abs(v));
        if (rounded < -2147483648 || rounded > 2147483647) fail(n, 'arguments must be between -2147483648 and 2147483647');
        return rounded === 0 ? 0 : rounded;
      };
      return check(args[0]) + check(args[1]);
    }
    case 'States.StringSplit': {
      const s = str(args[0]);
      const delimiters = new Set(str(args[1]));
      const out: string[] = [];
      let current = '';
      for (const c of s) {
        if (delimiters.has(c)) {
          if (current) out.push(current);
          current = '';
        } else current += c;
      }
      if (current) out.push(current);
      return out;
    }
    case 'States.UUID':
      return services.uuid();
    default:
      return fail(n, 'unknown intrinsic function');
  }
}

function argValue(arg: IntrinsicArg, roots: PathRoots, services: IntrinsicServices, keepBraceEscapes: boolean): unknown {
  if (arg.kind === 'call') return evaluateIntrinsic(arg.value, roots, services);
  if (arg.kind === 'path') {
    const result = evaluatePath(compilePath(arg.value), roots);
    if (!result.found) throw new StatesError('States.IntrinsicFailure', `The path '${arg.value}' matched nothing`);
    return result.value;
  }
  if (arg.kind === 'string') return keepBraceEscapes ? arg.value : plainString(arg.value);
  return arg.value;
}

/**
 * How States.Format renders a value (AWS, as recorded by LocalStack's snapshot tests against it): strings as they
 * are, objects as `{a=1, b=[]}` and arrays as `[1, x]` (Java's Map and List toString), other values as JSON.
 */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${formatValue(v)}`).join(', ')}}`;
  return JSON.stringify(value) ?? 'null';
}
