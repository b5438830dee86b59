import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const FIXTURES = resolve(__dirname, '../../fixtures/templates');

describe('asl validate: templates', () => {
  it('reports per state machine: file:line:col … [LogicalId], only for the broken machine', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['validate', 'cloudformation-sub.json', 'heredoc.tf', 'jsonencode.tf'], t.io), 1);
    assert.deepEqual(t.out().trim().split('\n'), [
      `cloudformation-sub.json:16:127 error unknown-state 'Next' refers to 'Nowhere', which is not a state in this States block [BrokenMachine]`,
      `cloudformation-sub.json:16:188 error unknown-field Field 'Resul' is not supported in a Pass state. Did you mean 'Result'? [BrokenMachine]`,
      `heredoc.tf:28:92 error unknown-state 'Next' refers to 'Nowhere', which is not a state in this States block [broken]`,
      `jsonencode.tf:26:86 error unknown-state 'Next' refers to 'Nowhere', which is not a state in this States block [broken]`,
    ]);
  });

  it('gives stateMachine in the JSON format', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['validate', '--format', 'json', 'cloudformation-definition.json'], t.io), 1);
    const problems = JSON.parse(t.out()) as { stateMachine: string; code: string; range: { start: { line: number } } }[];
    assert.deepEqual(problems.map((p) => [p.stateMachine, p.code, p.range.start.line]), [
      ['BrokenMachine', 'undefined-substitution', 26],
      ['BrokenMachine', 'unknown-state', 26],
    ]);
  });

  it('checks a DefinitionUri file with the template substitutions; a missing file is a warning, not a crash', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['validate', 'sam-uri.json', 'file.tf'], t.io), 1);
    assert.match(t.out(), /^sam-uri\.json:18:40 warning linked-definition Cannot read 'statemachine\/missing\.asl\.json': no such file \[MissingMachine\]$/m);
    assert.match(t.out(), /^file\.tf:10:21 error linked-definition 'statemachine\/broken\.asl\.json' has 1 error/m);
    assert.doesNotMatch(t.out(), /\[GoodMachine\]|\[good\]/);
  });

  it('a folder expands to ASL files and to the templates that hold state machines', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['validate', '.'], t.io), 1);
    const files = new Set(t.out().trim().split('\n').map((l) => l.split(':')[0]));
    assert.deepEqual([...files].sort(), ['./cloudformation-definition.json', './cloudformation-join.json', './cloudformation-sub.json', './cloudformation-sub.yaml', './file.tf', './heredoc.tf', './jsonencode.tf', './sam-uri.json', './serverless.yml', './statemachine/broken.asl.json', './template.yaml']);
    assert.match(t.err(), /12 file\(s\) checked/);
  });

  it('a template named on the command line that holds no state machine is said so and checked as nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-templates-'));
    writeFileSync(join(dir, 'plain.json'), '{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}');
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_sns_topic" "t" {}');
    const t = memoryIo(dir);
    assert.equal(await runCli(['validate', 'plain.json', 'main.tf'], t.io), 0);
    assert.match(t.err(), /plain\.json: holds no state machine/);
    assert.match(t.err(), /main\.tf: holds no state machine/);
    assert.equal(t.out(), '');
  });
});
