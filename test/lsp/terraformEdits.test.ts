import assert from 'node:assert/strict';
import { parse as parseHcl } from '@cdktf/hcl2json';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver';
import { toJsonValue } from '../../server/src/core/document/ast';
import { analyzeTemplate } from '../../server/src/core/templates/analyzeTemplate';
import { applyTextEdits } from './features/cursor';
import { serverForSuite } from './features/serverForSuite';

// Multi-word edits inside a Terraform `jsonencode({...})` body are HCL, not JSON: `key = value` attributes,
// tuple items separated by commas (HCL native syntax spec, "Collection Values"), `${` written `$${` in a string
// (HCL "Template Literals"). Each edited file is read by HashiCorp's own HCL parser (@cdktf/hcl2json, the Go
// parser compiled to WebAssembly) and by our reader, which must find the machine it expects.

const TF = (body: string) => `resource "aws_sfn_state_machine" "m" {
  name     = "m"
  role_arn = aws_iam_role.sfn.arn
  definition = jsonencode({
${body}
  })
}
`;

/** The definition the template holds after the edit, as JSON, with its problems' codes. */
function machineOf(text: string) {
  const analysis = analyzeTemplate(text, 'main.tf');
  const entry = analysis?.definitions[0];
  assert.ok(entry?.definition.doc?.root, 'a definition');
  return { json: toJsonValue(entry.definition.doc.root) as Record<string, unknown>, codes: entry.problems.map((p) => p.code), syntax: entry.definition.doc.syntaxProblems };
}

describe('language server: quick fixes and refactorings inside Terraform jsonencode()', function () {
  this.timeout(60_000);
  const server = serverForSuite('edits', '.tf', 'terraform');

  async function actionsAt(marked: string) {
    const { uri, text, position } = await server.open(marked);
    const diagnostics = await server.client.waitForDiagnostics(uri);
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } });
    return { uri, text, actions, position };
  }

  async function applied(text: string, uri: string, edit: WorkspaceEdit | undefined): Promise<string> {
    assert.ok(edit?.changes?.[uri], 'an edit of the file');
    const edited = applyTextEdits(text, edit.changes[uri]);
    await assert.doesNotReject(parseHcl('main.tf', edited), `HCL parses:\n${edited}`);
    assert.deepEqual(machineOf(edited).syntax, [], edited);
    return edited;
  }

  it('Add Retry to a multi-line state writes an HCL attribute at the state\'s indentation', async () => {
    const { uri, text, actions } = await actionsAt(TF(`    StartAt = "Work"
    States = {
      Work = {
        Type     = "Task"
        Reso|urce = "arn:aws:states:::sqs:sendMessage"
        End      = true
      }
    }`));
    const retry = actions.find((a) => a.title === 'Add Retry: exponential back-off with jitter');
    const edited = await applied(text, uri, retry?.edit);
    assert.equal(edited, text.replace('        End      = true\n', [
      '        Retry = [{',
      '          ErrorEquals = ["States.TaskFailed"]',
      '          IntervalSeconds = 2',
      '          MaxAttempts = 5',
      '          BackoffRate = 2',
      '          MaxDelaySeconds = 60',
      '          JitterStrategy = "FULL"',
      '        }]',
      '        End      = true',
      '',
    ].join('\n')));
    assert.deepEqual(machineOf(edited).codes, []);
  });

  it('Add Retry into a one-line Retry tuple goes first, written on one line like its neighbour', async () => {
    const { uri, text, actions } = await actionsAt(TF(`    StartAt = "Work"
    States = {
      Work = {
        Type = "Task"
        Resource = "arn:aws:states:::sqs:sendMessage"|
        Retry = [{ ErrorEquals = ["States.ALL"], MaxAttempts = 2 }]
        End = true
      }
    }`));
    const edited = await applied(text, uri, actions.find((a) => a.title.startsWith('Add Retry'))?.edit);
    assert.match(edited, /Retry = \[\{ ErrorEquals = \["States\.TaskFailed"\], IntervalSeconds = 2, MaxAttempts = 5, BackoffRate = 2, MaxDelaySeconds = 60, JitterStrategy = "FULL" \}, \{ ErrorEquals = \["States\.ALL"\], MaxAttempts = 2 \}\]/);
    const retry = ((machineOf(edited).json.States as Record<string, Record<string, unknown>>).Work.Retry) as { ErrorEquals: string[] }[];
    assert.deepEqual(retry.map((r) => r.ErrorEquals[0]), ['States.TaskFailed', 'States.ALL']);
  });

  it('Add Catch on a one-line state adds the catcher inline and a new Fail state to the multi-line States block', async () => {
    const { uri, text, actions } = await actionsAt(TF(`    StartAt = "Work"
    States = {
      Work = { Type = "Task", Reso|urce = "\${aws_lambda_function.worker.arn}", Next = "Done" },
      "Done" : { "Type" : "Succeed" }
    }`));
    const edited = await applied(text, uri, actions.find((a) => a.title === "Add Catch: States.ALL to a new Fail state 'Work Failed'")?.edit);
    assert.match(edited, /Work = \{ Type = "Task", Resource = "\$\{aws_lambda_function\.worker\.arn\}", Catch = \[\{ ErrorEquals = \["States\.ALL"\], ResultPath = "\$\.error", Next = "Work Failed" \}\], Next = "Done" \},/);
    assert.match(edited, /"Done" : \{ "Type" : "Succeed" \}\n {6}"Work Failed" = \{\n {8}Type = "Fail"\n {8}ErrorPath = "\$\.error\.Error"\n {8}CausePath = "\$\.error\.Cause"\n {6}\}\n {4}\}/);
    const { json, codes } = machineOf(edited);
    assert.deepEqual(Object.keys(json.States as object), ['Work', 'Done', 'Work Failed']);
    assert.deepEqual(codes, []);
  });

  it('a missing field is added (Add "End": true), an unknown one renamed bare or removed with its line', async () => {
    const marked = TF(`    StartAt = "A"
    States = {
      A = {
        Type = "Pass"
        Resul = 1 # the answer
      }
      B = { Type = "Pass", Resul = 2, End = true }
    }`);
    const { uri, text, actions } = await actionsAt(marked.replace('A = {', 'A| = {'));
    const end = await applied(text, uri, actions.find((a) => a.title === 'Add "End": true')?.edit);
    assert.match(end, /Resul = 1 # the answer\n {8}End = true\n {6}\}/);
    const atField = await actionsAt(marked.replace('Resul = 1', 'Re|sul = 1'));
    const renamed = await applied(atField.text, atField.uri, atField.actions.find((a) => a.title === "Change to 'Result'")?.edit);
    assert.match(renamed, / {8}Result = 1 # the answer/);
    const removed = await applied(atField.text, atField.uri, atField.actions.find((a) => a.title === "Remove 'Resul'")?.edit);
    assert.equal(removed, atField.text.replace('        Resul = 1 # the answer\n', ''));
    const inline = await actionsAt(marked.replace('Resul = 2', 'Re|sul = 2'));
    const inlineRemoved = await applied(inline.text, inline.uri, inline.actions.find((a) => a.title === "Remove 'Resul'")?.edit);
    assert.match(inlineRemoved, /B = \{ Type = "Pass", End = true \}/);
  });

  it('rename writes a bare key where HCL allows one and a quoted key where it does not; references follow', async () => {
    const { uri, text, position } = await server.open(TF(`    StartAt = "Work"
    States = {
      Wo|rk = { Type = "Pass", Next = "Done" }
      Done = { Type = "Succeed" }
    }`));
    for (const [name, key] of [['Start', 'Start'], ['Do the ${work}', '"Do the $${work}"']]) {
      const edit = await server.client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: name });
      const edited = await applied(text, uri, edit);
      assert.match(edited, new RegExp(`\\n {6}${key.replace(/[$"{}]/g, '\\$&')} = \\{ Type = "Pass"`));
      assert.equal(machineOf(edited).json.StartAt, name);
      assert.deepEqual(Object.keys(machineOf(edited).json.States as object), [name, 'Done']);
    }
  });

  it('an edit of a value Terraform computes, or of a body with a syntax error, is offered disabled with the reason', async () => {
    const { actions } = await actionsAt(TF(`    StartAt = "Work"
    States = {
      Work = {
        Type = "Task"
        Reso|urce = "arn:aws:states:::sqs:sendMessage"
        Retry = var.retriers
        End = true
      }
    }`));
    const retry = actions.find((a) => a.title.startsWith('Add Retry'));
    assert.match(retry?.disabled?.reason ?? '', /'Retry' is the Terraform expression `var\.retriers` here, computed when Terraform plans: change it in Terraform/);
    assert.equal(retry?.edit, undefined);
    const broken = await actionsAt(TF(`    StartAt = "Work"
    States = {
      Work = {
        Type = "Task"
        Reso|urce = "arn:aws:states:::sqs:sendMessage"
        End = true
        Comment "no equals sign"
      }
    }`));
    const catchAction = broken.actions.find((a) => a.title.startsWith('Add Catch'));
    assert.match(catchAction?.disabled?.reason ?? '', /syntax error: fix it first/);
  });
});
