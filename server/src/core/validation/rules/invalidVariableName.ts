import { assignments } from '../variables';
import type { Rule } from '../types';

const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;
const MAX_NAME = 80;

export const invalidVariableName: Rule = {
  code: 'invalid-variable-name',
  defaultSeverity: 'error',
  locality: 'state',
  description: "Assign keys are whole variable names: an identifier of at most 80 characters, not 'states', no partial paths like 'x.y'.",
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "states": 1 }, "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "count": 1 }, "End": true } } }',
  },
  check(ctx) {
    for (const { name, key } of assignments(ctx.model)) {
      let problem: string | undefined;
      if (name === 'states') problem = "'states' is reserved (it holds $states.input, $states.result...)";
      else if (/[.[]/.test(name)) problem = `'${name}' assigns part of a variable; Assign sets whole variables only`;
      else if (!IDENTIFIER.test(name)) problem = `'${name}' is not a valid variable name (letters, digits and _; not starting with a digit)`;
      else if ([...name].length > MAX_NAME) problem = `Variable names are at most ${MAX_NAME} characters long`;
      if (problem) ctx.report({ span: key.keySpan, message: problem });
    }
  },
};
