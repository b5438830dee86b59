import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { applyEdits } from '../../../server/src/core/edits/jsonEdits';
import { quickFixes } from '../../../server/src/core/edits/quickFixes';
import { errorHandlingRefactorings } from '../../../server/src/core/edits/refactorings';
import { renameEdits } from '../../../server/src/core/edits/renameEdits';
import { THROUGH_ALIAS } from '../../../server/src/core/edits/yamlEdits';

// Issue 13 point 1: every quick fix and Add Catch / Add Retry is a YAML edit in a YAML file, at the right
// indentation, keeping comments; an edit that would go through an alias is refused with a message.
const yaml = (text: string) => analyzeDocument(text, undefined, 'yaml');
const errorsOf = (text: string) => yaml(text).problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.message}`);

function refactor(text: string, name: string) {
  const { doc, model } = yaml(text);
  const state = model.states.find((s) => s.name === name);
  assert.ok(state, name);
  return new Map(errorHandlingRefactorings(doc, model, state).map((f) => [f.title, f.disabled ?? applyEdits(text, f.edits)]));
}

function fix(text: string, code: string, title?: string): string {
  const { doc, model, problems } = yaml(text);
  const problem = problems.find((p) => p.code === code);
  assert.ok(problem, `no ${code} in ${problems.map((p) => p.code).join()}`);
  const fixes = quickFixes(doc, model, problem);
  const chosen = title ? fixes.find((f) => f.title === title) : fixes[0];
  assert.ok(chosen, `no fix ${title ?? ''} among ${fixes.map((f) => f.title).join('; ')}`);
  return applyEdits(text, chosen.edits);
}

const LAMBDA = `# Orders
StartAt: Charge
States:
  Charge:
    Type: Task  # the payment
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: charge
    Next: Done # then finish
  Done:
    Type: Succeed
`;

describe('YAML edits', () => {
  it('Add Retry writes the Lambda retrier in block style before Next, at the keys\' indentation, comments kept', () => {
    const retried = refactor(LAMBDA, 'Charge').get('Add Retry: AWS recommended retrier for Lambda transient errors');
    assert.equal(retried, LAMBDA.replace('    Next: Done # then finish\n', [
      '    Retry:',
      '      - ErrorEquals:',
      '          - Lambda.ServiceException',
      '          - Lambda.AWSLambdaException',
      '          - Lambda.SdkClientException',
      '          - Lambda.TooManyRequestsException',
      '        IntervalSeconds: 1',
      '        MaxAttempts: 3',
      '        BackoffRate: 2',
      '        JitterStrategy: FULL',
      '    Next: Done # then finish',
      '',
    ].join('\n')));
    assert.deepEqual(errorsOf(retried!), []);
  });

  it('Add Catch adds a catcher and a Fail state; a second retrier goes first in an existing Retry list', () => {
    const title = "Add Catch: States.ALL to a new Fail state 'Charge Failed'";
    const caught = refactor(LAMBDA, 'Charge').get(title)!;
    assert.deepEqual(errorsOf(caught), []);
    assert.match(caught, /\n {4}Catch:\n {6}- ErrorEquals:\n {10}- States\.ALL\n {8}ResultPath: \$\.error\n {8}Next: Charge Failed\n {4}Next: Done # then finish\n/);
    assert.match(caught, /\n {2}Charge Failed:\n {4}Type: Fail\n {4}ErrorPath: \$\.error\.Error\n {4}CausePath: \$\.error\.Cause\n?$/);
    const withRetry = LAMBDA.replace('    Next: Done', '    Retry:\n      - ErrorEquals: [States.Timeout]\n        MaxAttempts: 2\n    Next: Done');
    const twice = refactor(withRetry, 'Charge').get('Add Retry: AWS recommended retrier for Lambda transient errors')!;
    assert.match(twice, /\n {4}Retry:\n {6}- ErrorEquals:\n {10}- Lambda\.ServiceException\n[^]*JitterStrategy: FULL\n {6}- ErrorEquals: \[States\.Timeout\]\n/);
    assert.deepEqual(errorsOf(twice), []);
  });

  it('follows a file indented by four with sequences not indented, and flow mappings inline', () => {
    const four = 'StartAt: A\nStates:\n    A:\n        Type: Task\n        Resource: arn:aws:states:::sqs:sendMessage\n        Catch:\n        - ErrorEquals: [States.ALL]\n          Next: B\n        End: true\n    B: {Type: Pass, End: true}\n';
    const retried = refactor(four, 'A').get('Add Retry: exponential back-off with jitter')!;
    assert.match(retried, /\n {8}Retry:\n {8}- ErrorEquals:\n {10}- States\.TaskFailed\n {10}IntervalSeconds: 2\n/);
    assert.deepEqual(errorsOf(retried), []);
    const flow = 'StartAt: A\nStates:\n  A: {Type: Task, Resource: "arn:aws:states:::sqs:sendMessage", End: true}\n';
    const inline = refactor(flow, 'A').get('Add Retry: exponential back-off with jitter')!;
    assert.match(inline, /A: \{Type: Task, Resource: "arn:aws:states:::sqs:sendMessage", Retry: \[ \{ ErrorEquals: \[ States\.TaskFailed \], .*\} \], End: true\}/);
    assert.deepEqual(errorsOf(inline), []);
  });

  it('quick fixes write YAML: a state name, a missing End, a removed field, a new state', () => {
    const typo = LAMBDA.replace('Next: Done', 'Next: Dnoe');
    assert.equal(fix(typo, 'unknown-state', "Change to 'Done'"), LAMBDA);
    const created = fix(typo, 'unknown-state', "Create state 'Dnoe'");
    assert.match(created, /\n {2}Dnoe:\n {4}Type: Pass\n {4}End: true\n?$/);
    const noEnd = 'StartAt: A\nStates:\n  A:\n    Type: Pass # waiting\n';
    assert.equal(fix(noEnd, 'next-or-end', 'Add "End": true'), 'StartAt: A\nStates:\n  A:\n    Type: Pass # waiting\n    End: true\n');
    const unknown = LAMBDA.replace('    Parameters:', '    Colour: red\n    Parameters:');
    assert.equal(fix(unknown, 'unknown-field', "Remove 'Colour'"), LAMBDA);
  });

  it('a name YAML would read as another type is quoted when written', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Yess\n  "yes":\n    Type: Succeed\n';
    assert.match(fix(text, 'unknown-state', "Change to 'yes'"), /Next: "yes"\n/);
  });

  it('rename writes plain, quoted and single-quoted names each in their own way', () => {
    const text = `StartAt: 'A'\nStates:\n  A:\n    Type: Pass\n    Next: "B"\n  B:\n    Type: Choice\n    Choices: [{Variable: $.x, IsPresent: true, Next: A}]\n    Default: C\n  C: {Type: Succeed}\n`;
    const { doc, model } = yaml(text);
    const a = model.symbols.definitions.get('A')![0];
    const spans = [a.nameSpan, ...model.symbols.references.filter((r) => r.target === a).map((r) => r.node.span)];
    const edits = renameEdits(doc, spans, "it's: here");
    assert.ok(Array.isArray(edits));
    const renamed = applyEdits(text, edits);
    assert.equal(renamed, `StartAt: 'it''s: here'\nStates:\n  "it's: here":\n    Type: Pass\n    Next: "B"\n  B:\n    Type: Choice\n    Choices: [{Variable: $.x, IsPresent: true, Next: "it's: here"}]\n    Default: C\n  C: {Type: Succeed}\n`);
    assert.deepEqual(errorsOf(renamed), []);
  });

  it('refuses an edit that would go through an alias, with a message', () => {
    const text = 'StartAt: A\nStates:\n  A: &task\n    Type: Task\n    Resource: arn:aws:states:::sqs:sendMessage\n    Next: B\n  B:\n    <<: *task\n    Next: C\n  C: {Type: Succeed}\n';
    assert.deepEqual(errorsOf(text), []);
    const onAnchor = refactor(text, 'A');
    assert.equal(onAnchor.get('Add Retry: exponential back-off with jitter'), THROUGH_ALIAS);
    const { doc, model } = yaml(text);
    const c = model.symbols.definitions.get('C')![0];
    assert.ok(Array.isArray(renameEdits(doc, [c.nameSpan, ...model.symbols.references.filter((r) => r.target === c).map((r) => r.node.span)], 'D')));
    const b = model.symbols.definitions.get('B')![0];
    assert.equal(renameEdits(doc, [b.nameSpan, ...model.symbols.references.filter((r) => r.target === b).map((r) => r.node.span)], 'E'), THROUGH_ALIAS);
  });
});
