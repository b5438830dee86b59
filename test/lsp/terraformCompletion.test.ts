import assert from 'node:assert/strict';
import { parse as parseHcl } from '@cdktf/hcl2json';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { toJsonValue } from '../../server/src/core/document/ast';
import { analyzeTemplate } from '../../server/src/core/templates/analyzeTemplate';
import { applyTextEdits, offsetAt } from './features/cursor';
import { serverForSuite } from './features/serverForSuite';
import { expandSnippet, filterWord, survivesFilter } from './features/suggestFilter';

// Key and new-state completion inside a Terraform `jsonencode({...})` body write HCL (`key = value`, HCL native
// syntax spec "Collection Values"), not JSON, which would leave `"Retry": [...]` in an HCL object. Each accepted
// item must leave a file HashiCorp's own parser (@cdktf/hcl2json) reads, holding the machine we expect.

const TF = (body: string) => `resource "aws_sfn_state_machine" "m" {
  name     = "m"
  definition = jsonencode({
${body}
  })
}
`;

const WORK = (line: string) => TF(`    StartAt = "Work"
    States = {
      Work = {
        Type = "Task"
        Resource = "arn:aws:states:::sqs:sendMessage"
${line}
        End = true
      }
    }`);

/** Accepts an item as VS Code does: placeholders at their defaults, each new line at the first line's indentation. */
function acceptWithIndent(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const start = offsetAt(text, edit.range.start);
  const indent = /[ \t]*$/.exec(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))![0];
  const newText = expandSnippet(edit.newText).replace(/\t/g, '  ').replace(/\n/g, `\n${indent}`);
  return applyTextEdits(text, [{ range: edit.range, newText }]);
}

function machineOf(text: string): Record<string, unknown> {
  const entry = analyzeTemplate(text, 'main.tf')?.definitions[0];
  assert.ok(entry?.definition.doc?.root, 'a definition');
  assert.deepEqual(entry.definition.doc.syntaxProblems, [], text);
  return toJsonValue(entry.definition.doc.root) as Record<string, unknown>;
}

describe('language server: completion inside Terraform jsonencode() writes HCL', function () {
  this.timeout(60_000);
  const server = serverForSuite('tfcompletion', '.tf', 'terraform');

  async function chosen(marked: string, label: string) {
    const { uri, text, position } = await server.open(marked);
    const offset = offsetAt(text, position);
    const list = await server.client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const item = list.items.find((i) => i.label === label);
    assert.ok(item, `${label} among ${list.items.map((i) => i.label).join(', ')}`);
    assert.ok(survivesFilter(filterWord(text, offset, item), item), `${label} survives the filter of what was typed`);
    const edited = acceptWithIndent(text, item);
    await assert.doesNotReject(parseHcl('main.tf', edited), `HCL parses:\n${edited}`);
    return { item, edited };
  }

  it('a bare key being typed becomes a bare attribute; Retry is written as an HCL tuple of objects', async () => {
    const { item, edited } = await chosen(WORK('        Ret|'), 'Retry');
    assert.match((item.textEdit as TextEdit).newText, /^Retry = \[\{\n\tErrorEquals = \[/);
    assert.doesNotMatch(edited, /"Retry":|"ErrorEquals":/);
    const work = (machineOf(edited).States as Record<string, Record<string, unknown>>).Work;
    assert.ok(Array.isArray(work.Retry) && (work.Retry as { ErrorEquals: unknown[] }[])[0].ErrorEquals.length > 0, JSON.stringify(work));
  });

  it('a quoted key stays quoted; a boolean field gets a bare true', async () => {
    const quoted = await chosen(WORK('        "Time|"'), 'TimeoutSeconds');
    assert.match(quoted.edited, /\n {8}"TimeoutSeconds" = 0\n/);
    assert.equal((machineOf(quoted.edited).States as Record<string, Record<string, unknown>>).Work.TimeoutSeconds, 0);
    const pass = TF(`    StartAt = "Only"
    States = {
      Only = {
        Type = "Pass"
        En|
      }
    }`);
    const end = await chosen(pass, 'End');
    assert.match(end.edited, /\n {8}End = true\n/);
    assert.equal((machineOf(end.edited).States as Record<string, Record<string, unknown>>).Only.End, true);
  });

  it('a new state snippet in States is an HCL block under a quoted name', async () => {
    const marked = TF(`    StartAt = "Work"
    States = {
      Work = { Type = "Pass", End = true }
      |
    }`);
    const { item, edited } = await chosen(marked, 'Task (JSONPath)');
    assert.match((item.textEdit as TextEdit).newText, /^"\$\{1:Task\}" = \{\n\tType = "Task"\n/);
    const states = machineOf(edited).States as Record<string, Record<string, unknown>>;
    assert.equal(states.Task.Type, 'Task');
    assert.equal((states.Task.Parameters as Record<string, unknown>)['Payload.$'], '$');
  });
});
