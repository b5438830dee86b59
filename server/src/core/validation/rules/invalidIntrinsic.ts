import type { Span } from '../../document/ast';
import { spanInString } from '../../document/stringOffsets';
import { HASH_ALGORITHMS, INTRINSIC_SIGNATURES, MAX_INTRINSIC_NESTING, type IntrinsicArgType } from '../../expressions/intrinsicSignatures';
import { looksLikeIntrinsic, nestingDepth, parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from '../../expressions/intrinsics';
import { parseJsonPath } from '../../expressions/jsonPath';
import { expressionSites } from '../expressionSites';
import { hasPlaceholder } from '../placeholders';
import { quoteList, suggest } from '../suggest';
import type { Rule, ValidationContext } from '../types';

export const invalidIntrinsic: Rule = {
  code: 'invalid-intrinsic',
  defaultSeverity: 'error',
  locality: 'state',
  description: 'Intrinsic function calls: syntax, known names, number and literal types of arguments, nesting of at most 10.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Parameters": { "sum.$": "States.MathAdd(1, \'2\')" }, "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Parameters": { "sum.$": "States.MathAdd(1, 2)" }, "End": true } } }',
  },
  check(ctx) {
    for (const site of expressionSites(ctx.model)) {
      if (site.kind !== 'pathOrIntrinsic' || !looksLikeIntrinsic(site.node.value)) continue;
      if (ctx.settings.allowPlaceholders && hasPlaceholder(site.node.value)) continue;
      const at = (offset: number, length: number): Span => spanInString(ctx.doc.text, site.node, offset, length);
      const parsed = parseIntrinsic(site.node.value);
      if (!parsed.ok) {
        ctx.report({ span: at(parsed.error.offset, parsed.error.length), message: `Invalid intrinsic function: ${parsed.error.message}` });
        continue;
      }
      if (nestingDepth(parsed.value) > MAX_INTRINSIC_NESTING) {
        ctx.report({ span: site.node.span, message: `Intrinsic functions nest at most ${MAX_INTRINSIC_NESTING} deep` });
      }
      checkCall(ctx, parsed.value, at);
    }
  },
};

function checkCall(ctx: ValidationContext, call: IntrinsicCall, at: (offset: number, length: number) => Span): void {
  const signature = INTRINSIC_SIGNATURES[call.name];
  for (const arg of call.args) {
    if (arg.kind === 'call') checkCall(ctx, arg.value, at);
    if (arg.kind === 'path') {
      const path = parseJsonPath(arg.value);
      if (!path.ok) ctx.report({ span: at(arg.offset + path.error.offset, path.error.length), message: `Invalid path argument: ${path.error.message}` });
    }
  }
  if (!signature) {
    const suggestions = suggest(call.name, Object.keys(INTRINSIC_SIGNATURES));
    ctx.report({
      span: at(call.nameOffset, call.name.length),
      message: `Unknown intrinsic function '${call.name}'${suggestions.length ? `. Did you mean ${quoteList(suggestions)}?` : ''}`,
      data: { suggestions },
    });
    return;
  }
  const max = signature.variadic ? Infinity : signature.params.length;
  const min = signature.params.length - (signature.optional ?? 0);
  if (call.args.length < min || call.args.length > max) {
    const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
    ctx.report({
      span: at(call.nameOffset, call.length),
      message: `${call.name} takes ${expected} argument${expected === '1' ? '' : 's'}, not ${call.args.length}`,
    });
    return;
  }
  call.args.forEach((arg, i) => {
    const param = signature.params[Math.min(i, signature.params.length - 1)];
    const problem = literalProblem(arg, param.type);
    if (problem) ctx.report({ span: at(arg.offset, arg.length), message: `${call.name}: '${param.name}' ${problem}` });
  });
  checkSpecifics(ctx, call, at);
}

function literalProblem(arg: IntrinsicArg, type: IntrinsicArgType): string | undefined {
  if (type === 'any' || arg.kind === 'path' || arg.kind === 'call') return undefined;
  if (type === 'integer') return arg.kind === 'number' && Number.isInteger(arg.value) ? undefined : 'must be an integer';
  if (type === 'number') return arg.kind === 'number' ? undefined : 'must be a number';
  return arg.kind === type ? undefined : `must be a ${type}`;
}

function checkSpecifics(ctx: ValidationContext, call: IntrinsicCall, at: (offset: number, length: number) => Span): void {
  const [first, second, third] = call.args;
  switch (call.name) {
    case 'States.Format':
      if (first?.kind === 'string') {
        const holes = (first.value.match(/\{\}/g) ?? []).length;
        if (holes !== call.args.length - 1) {
          ctx.report({ span: at(first.offset, first.length), message: `States.Format: the template has ${holes} '{}' but ${call.args.length - 1} value(s) follow` });
        }
      }
      break;
    case 'States.JsonToString':
      if (first && first.kind !== 'path') ctx.report({ span: at(first.offset, first.length), message: 'States.JsonToString takes a path' });
      break;
    case 'States.JsonMerge':
      if (third?.kind === 'boolean' && third.value) {
        ctx.report({ span: at(third.offset, third.length), message: 'States.JsonMerge: AWS supports only a shallow merge; the third argument must be false' });
      }
      break;
    case 'States.Hash':
      if (second?.kind === 'string' && !HASH_ALGORITHMS.includes(second.value)) {
        ctx.report({ span: at(second.offset, second.length), message: `States.Hash: the algorithm must be one of ${HASH_ALGORITHMS.join(', ')}` });
      }
      break;
    case 'States.ArrayRange':
      if (first?.kind === 'number' && second?.kind === 'number' && third?.kind === 'number') {
        if (Math.round(third.value) === 0) ctx.report({ span: at(third.offset, third.length), message: 'States.ArrayRange: the step cannot be 0' });
        else if (Math.floor((second.value - first.value) / third.value) + 1 > 1000) {
          ctx.report({ span: at(call.offset, call.length), message: 'States.ArrayRange: at most 1000 items' });
        }
      }
      break;
  }
}
