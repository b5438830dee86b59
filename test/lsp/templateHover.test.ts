import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver';
import { LspClient, serverForSuiteOf } from './lspClient';

const FIXTURES = resolve(__dirname, '../fixtures/templates');

/** The position `into` characters into the `nth` occurrence of `needle`. */
function at(text: string, needle: string, into = 1, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} in the text`);
  const before = text.slice(0, offset + into);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

// The texts the hovers quote come from the SAM and CloudFormation resource pages, the Fn::Sub page, the
// serverless-step-functions README and the Terraform aws_sfn_state_machine page (see templateKeyDocs.ts).
describe('language server: hover in templates', function () {
  let client: LspClient;
  serverForSuiteOf((started) => (client = started));

  async function hovers(name: string, languageId: string, cases: [needle: string, expected: RegExp, into?: number, nth?: number][]) {
    const uri = pathToFileURL(resolve(FIXTURES, name)).toString();
    const text = readFileSync(resolve(FIXTURES, name), 'utf8');
    await client.open(uri, text, languageId);
    for (const [needle, expected, into, nth] of cases) {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(text, needle, into, nth) });
      const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover);
      assert.match(value, expected, `${name}: hover on ${JSON.stringify(needle)}`);
    }
  }

  it('SAM: the state machine keys say what they are and what they give this machine', async () => {
    await hovers('template.yaml', 'yaml', [
      ['AWS::Serverless::StateMachine', /\*\*AWS::Serverless::StateMachine\*\* · state machine `GoodMachine`[\s\S]*This machine: STANDARD, 2 states, starts at `Work`; no problems/],
      ['Definition:', /\*\*Definition\*\* · state machine `GoodMachine`[\s\S]*written inline[\s\S]*2 states/],
      ['Definition:', /state machine `BrokenMachine`[\s\S]*1 state, starts at `Work`; [1-9] errors?/, 1, 1],
      ['DefinitionSubstitutions', /\*\*DefinitionSubstitutions\*\*[\s\S]*\| `\$\{WorkerArn\}` \| deploy time; runs use `arn:aws:lambda:[^`]*Worker[^`]*` \|\n\| `\$\{Table\}` \| `orders` \|/],
      ['DefinitionUri', /\*\*DefinitionUri\*\* · state machine `LinkedMachine`[\s\S]*Checked from `statemachine\/good\.asl\.json` with the substitutions below[\s\S]*\$\{WorkerArn\}/],
      // Inside the definition: ASL hovers as in an .asl.json file, and the substitutions' values.
      ['Retry:', /\*\*Retry\*\* \(Task state\)/],
      ['${Table}', /\*\*`\$\{Table\}`\*\* · substitution in `GoodMachine`\n\nValue: `orders`\.\n\nFrom DefinitionSubstitutions/, 3],
      ['${WorkerArn}', /Known at deploy time; a run here uses `arn:aws:lambda:/, 3],
    ]);
  });

  it('CloudFormation: DefinitionString, Fn::Sub (JSON and !Sub) and StateMachineType', async () => {
    await hovers('cloudformation-sub.json', 'json', [
      ['AWS::StepFunctions::StateMachine', /\*\*AWS::StepFunctions::StateMachine\*\*[\s\S]*DefinitionString/],
      ['DefinitionString', /\*\*DefinitionString\*\* · state machine `GoodMachine`[\s\S]*JSON text/],
      ['Fn::Sub', /\*\*Fn::Sub\*\* · state machine `BrokenMachine`[\s\S]*pseudo parameter[\s\S]*\| `\$\{Fn\}` \|/, 1, 1],
      ['${AWS::Region}', /Filled in by the Fn::Sub variables, the parameters, the resources/, 3],
      ['"Task', /\*\*Task state\*\*/, 3],
    ]);
    await hovers('cloudformation-sub.yaml', 'yaml', [['!Sub', /\*\*Fn::Sub\*\* · state machine `GoodMachine`/]]);
    const uri = LspClient.uri('express.yaml');
    const text = 'Resources:\n  Fast:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      StateMachineType: EXPRESS\n      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n  Unknown:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      StateMachineType: !Ref Kind\n      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n';
    await client.open(uri, text, 'yaml');
    for (const [nth, expected] of [[0, /checked and run as \*\*EXPRESS\*\*/], [1, /not known before deployment: this machine is checked and run as \*\*STANDARD\*\*/]] as const) {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(text, 'StateMachineType', 1, nth) });
      assert.match(JSON.stringify(hover?.contents), expected);
    }
  });

  it('SAM DefinitionUri in JSON; Serverless definition and type', async () => {
    await hovers('sam-uri.json', 'json', [['DefinitionUri', /Checked from `statemachine\/good\.asl\.json`/]]);
    await hovers('serverless.yml', 'yaml', [
      ['definition:', /\*\*definition\*\* · state machine `goodMachine`[\s\S]*Serverless Framework variables[\s\S]*2 states/],
      ['${self:service}', /Filled in by the framework variables/, 3],
      ['Resource:', /\*\*Resource\*\* \(Task state\)/],
    ]);
  });

  it('Terraform: the resource type, definition, jsonencode, file and templatefile', async () => {
    await hovers('jsonencode.tf', 'terraform', [
      ['aws_sfn_state_machine', /\*\*aws_sfn_state_machine\*\* · state machine `good`/],
      ['definition', /\*\*definition\*\* · state machine `good`[\s\S]*heredoc, `jsonencode/],
      ['jsonencode', /\*\*jsonencode\*\*[\s\S]*Keys may be written without quotes/],
      ['TimeoutSeconds', /\*\*TimeoutSeconds\*\* \(Task state\)/],
      ['States.ALL', /\*\*States\.ALL\*\*/],
    ]);
    await hovers('heredoc.tf', 'terraform', [
      ['definition =', /\*\*definition\*\* · state machine `good`[\s\S]*2 states/],
      ['"Task"', /\*\*Task state\*\*/],
    ]);
    await hovers('file.tf', 'terraform', [
      ['templatefile', /\*\*templatefile\*\*[\s\S]*\| `\$\{WorkerArn\}` \| deploy time/],
      ['= file(', /\*\*file\*\* · state machine `broken`[\s\S]*Checked from `statemachine\/broken\.asl\.json`/, 3],
    ]);
  });
});
