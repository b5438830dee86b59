import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { applyEdits } from '../../../server/src/core/edits/jsonEdits';
import { errorHandlingRefactorings } from '../../../server/src/core/edits/refactorings';

/** The refactorings of state `name` in `text`, applied one by one: title → resulting text. */
function refactor(text: string, name: string): Map<string, string> {
  const { doc, model } = analyzeDocument(text);
  const state = model.states.find((s) => s.name === name);
  assert.ok(state, name);
  return new Map(errorHandlingRefactorings(doc, model, state).map((f) => [f.title, applyEdits(text, f.edits)]));
}

const errorsOf = (text: string) => analyzeDocument(text).problems.filter((p) => p.severity === 'error').map((p) => p.code);
const LAMBDA_TITLE = 'Add Retry: AWS recommended retrier for Lambda transient errors';
const BACKOFF_TITLE = 'Add Retry: exponential back-off with jitter';

const machine = (state: string, indent = '  ') =>
  `{\n${indent}"StartAt": "Work",\n${indent}"States": {\n${indent}${indent}"Work": ${state},\n${indent}${indent}"Done": { "Type": "Succeed" }\n${indent}}\n}\n`;

describe('Add Retry / Add Catch follow the file', () => {
  it('a Lambda Task gets the AWS recommended Lambda retrier, before Next, indented like its siblings', () => {
    // Step Functions developer guide, "Handle Lambda service exceptions"; Workflow Studio's default retrier.
    const text = machine('{\n    "Type": "Task",\n    "Resource": "arn:aws:states:::lambda:invoke",\n    "Next": "Done"\n  }', '  ').replace(/\n {2}"Work"/, '\n    "Work"');
    const retried = refactor(text, 'Work').get(LAMBDA_TITLE);
    assert.equal(
      retried,
      text.replace(
        '    "Next": "Done"',
        [
          '    "Retry": [',
          '      {',
          '        "ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"],',
          '        "IntervalSeconds": 1,',
          '        "MaxAttempts": 3,',
          '        "BackoffRate": 2,',
          '        "JitterStrategy": "FULL"',
          '      }',
          '    ],',
          '    "Next": "Done"',
        ].join('\n'),
      ),
    );
    assert.deepEqual(errorsOf(retried!), []);
    assert.ok(!refactor(text, 'Work').has(BACKOFF_TITLE));
  });

  it('a Lambda function ARN called directly counts as Lambda; another service gets the generic back-off', () => {
    const direct = machine('{ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Sell", "Next": "Done" }');
    assert.ok(refactor(direct, 'Work').has(LAMBDA_TITLE));
    const dynamo = machine('{ "Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "Next": "Done" }');
    const titles = [...refactor(dynamo, 'Work').keys()];
    assert.ok(titles.includes(BACKOFF_TITLE) && !titles.includes(LAMBDA_TITLE), titles.join(' | '));
    assert.match(refactor(dynamo, 'Work').get(BACKOFF_TITLE)!, /"ErrorEquals": \["States.TaskFailed"\], "IntervalSeconds": 2, "MaxAttempts": 5, "BackoffRate": 2, "MaxDelaySeconds": 60, "JitterStrategy": "FULL" \} \], "Next"/);
  });

  it('a one-line state gets a one-line Retry in its line, before Next', () => {
    const text = machine('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Done" }');
    assert.equal(
      refactor(text, 'Work').get(LAMBDA_TITLE),
      text.replace(
        '"Next": "Done" }',
        '"Retry": [ { "ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2, "JitterStrategy": "FULL" } ], "Next": "Done" }',
      ),
    );
  });

  it('Retry goes before an existing Catch', () => {
    const text = machine('{\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Done" } ],\n      "End": true\n    }');
    const retried = refactor(text, 'Work').get(LAMBDA_TITLE)!;
    assert.ok(retried.indexOf('"Retry"') < retried.indexOf('"Catch"'));
    // The neighbouring Catch is one line, so the Retry is too.
    assert.match(retried, /\n {6}"Retry": \[ \{ "ErrorEquals": \["Lambda\.ServiceException", [^\n]*"JitterStrategy": "FULL" \} \],\n {6}"Catch"/);
    assert.deepEqual(errorsOf(retried), []);
  });

  it('no Add Retry when the state already retries those errors; a new retrier goes first, before a States.ALL one', () => {
    const has = machine('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [ { "ErrorEquals": ["Lambda.TooManyRequestsException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"] } ], "End": true }');
    assert.ok(!refactor(has, 'Work').has(LAMBDA_TITLE));
    const catchAll = machine('{\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Retry": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "MaxAttempts": 2\n        }\n      ],\n      "Next": "Done"\n    }');
    const retried = refactor(catchAll, 'Work').get(LAMBDA_TITLE)!;
    assert.match(retried, /"Retry": \[\n {8}\{\n {10}"ErrorEquals": \["Lambda\.ServiceException"[^\n]*\],\n {10}"IntervalSeconds": 1,[\s\S]*\n {8}\},\n {8}\{\n {10}"ErrorEquals": \["States\.ALL"\]/);
    assert.deepEqual(errorsOf(retried), []);
  });

  it('follows the nearest neighbour: multi-line retriers with inline ErrorEquals, one-line catchers', () => {
    const text = `{
    "StartAt": "A",
    "States": {
        "A": {
            "Type": "Task",
            "Resource": "arn:aws:states:::dynamodb:getItem",
            "Next": "B"
        },
        "B": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Retry": [
                {
                    "ErrorEquals": ["States.Timeout"],
                    "MaxAttempts": 2
                }
            ],
            "Catch": [
                {"ErrorEquals": ["Oops"], "Next": "Failed"}
            ],
            "End": true
        },
        "Failed": {
            "Type": "Fail"
        }
    }
}
`;
    const actions = refactor(text, 'A');
    assert.match(actions.get(BACKOFF_TITLE)!, /\n {12}"Retry": \[\n {16}\{\n {20}"ErrorEquals": \["States\.TaskFailed"\],\n {20}"IntervalSeconds": 2,[\s\S]*?\n {16}\}\n {12}\],\n {12}"Next": "B"/);
    const caught = actions.get("Add Catch: States.ALL to 'Failed'")!;
    assert.match(caught, /\n {12}"Catch": \[\n {16}\{"ErrorEquals": \["States\.ALL"\], "ResultPath": "\$\.error", "Next": "Failed"\}\n {12}\],\n {12}"Next": "B"/);
    // A new Fail state is written like the state before it (expanded, four spaces).
    const failed = actions.get("Add Catch: States.ALL to a new Fail state 'A Failed'")!;
    assert.match(failed, /"Failed": \{\n {12}"Type": "Fail"\n {8}\},\n {8}"A Failed": \{\n {12}"Type": "Fail",\n {12}"ErrorPath": "\$\.error\.Error",\n {12}"CausePath": "\$\.error\.Cause"\n {8}\}\n {4}\}/);
    assert.deepEqual(errorsOf(failed), []);
  });

  it('tabs stay tabs', () => {
    const text = '{\n\t"StartAt": "W",\n\t"States": {\n\t\t"W": {\n\t\t\t"Type": "Task",\n\t\t\t"Resource": "arn:aws:states:::sqs:sendMessage",\n\t\t\t"End": true\n\t\t}\n\t}\n}\n';
    const retried = refactor(text, 'W').get(BACKOFF_TITLE)!;
    assert.match(retried, /\n\t\t\t"Retry": \[\n\t\t\t\t\{\n\t\t\t\t\t"ErrorEquals": \["States\.TaskFailed"\],/);
    assert.deepEqual(errorsOf(retried), []);
  });

  it('Add Catch goes after Retry and before Next, and is not offered when States.ALL is already caught', () => {
    const text = machine('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [ { "ErrorEquals": ["States.Timeout"] } ], "Next": "Done" }');
    const caught = refactor(text, 'Work').get("Add Catch: States.ALL to a new Fail state 'Work Failed'")!;
    assert.match(caught, /"Retry": \[ \{ "ErrorEquals": \["States\.Timeout"\] \} \], "Catch": \[ \{ "ErrorEquals": \["States\.ALL"\], "ResultPath": "\$\.error", "Next": "Work Failed" \} \], "Next": "Done" \}/);
    assert.match(caught, /"Done": \{ "Type": "Succeed" \},\n {4}"Work Failed": \{ "Type": "Fail", "ErrorPath": "\$\.error\.Error", "CausePath": "\$\.error\.Cause" \}\n/);
    assert.deepEqual(errorsOf(caught), []);
    const all = machine('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Done" } ], "End": true }');
    assert.deepEqual([...refactor(all, 'Work').keys()].filter((t) => t.startsWith('Add Catch')), []);
  });
});
