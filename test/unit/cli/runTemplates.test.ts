import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const FIXTURES = resolve(__dirname, '../../fixtures/templates');

describe('asl run / graph / test-state: templates (--state-machine, --sub)', function () {
  this.timeout(60000);

  it('a template with several machines needs --state-machine: their names on stdout, exit 2', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml'], t.io), 2);
    assert.deepEqual(t.out().trim().split('\n'), ['GoodMachine', 'BrokenMachine', 'LinkedMachine']);
    assert.match(t.err(), /holds 3 state machines/);
    const u = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml', '--state-machine', 'Nope'], u.io), 2);
    assert.match(u.err(), /has no state machine 'Nope'; it has GoodMachine, BrokenMachine, LinkedMachine/);
  });

  it('runs the chosen machine with the mock file named after the logical ID, substitutions filled in (--sub wins)', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml', '--state-machine', 'GoodMachine', '--format', 'json', '--sub', 'Table=orders-test'], t.io), 0);
    assert.match(t.err(), /GoodMachine\.mocks\.json \(beside the machine\), test case HappyPath/);
    // ${WorkerArn} comes from DefinitionSubstitutions (!GetAtt Worker.Arn: a placeholder ARN of the function);
    // ${Table} from --sub instead of the template's 'orders'.
    assert.match(t.out(), /arn:aws:lambda:us-east-1:123456789012:function:Worker/);
    assert.match(t.out(), /orders-test/);
  });

  it('refuses a broken machine with its errors at the template positions (or the linked file)', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'template.yaml', '--state-machine', 'BrokenMachine'], t.io), 2);
    assert.match(t.err(), /^template\.yaml:52:19 error unknown-state/m);
    const u = memoryIo(FIXTURES);
    assert.equal(await runCli(['run', 'sam-uri.json', '--state-machine', 'BrokenMachine'], u.io), 2);
    assert.match(u.err(), /^statemachine\/broken\.asl\.json:4:67 error unknown-state/m);
  });

  it('graph and test-state take --state-machine too', async () => {
    const t = memoryIo(FIXTURES);
    assert.equal(await runCli(['graph', 'jsonencode.tf', '--state-machine', 'good', '--format', 'json'], t.io), 0);
    assert.deepEqual((JSON.parse(t.out()) as { nodes: { label: string }[] }).nodes.map((n) => n.label).filter((l) => l !== 'Start' && l !== 'End'), ['Work', 'Done']);
    const u = memoryIo(FIXTURES);
    assert.equal(await runCli(['test-state', 'heredoc.tf', '--state-machine', 'good', '--state', 'Done'], u.io), 0);
    assert.match(u.out(), /"status": "SUCCEEDED"/);
    const v = memoryIo(FIXTURES);
    assert.equal(await runCli(['graph', 'statemachine/good.asl.json', '--state-machine', 'X'], v.io), 2);
    assert.match(v.err(), /--state-machine is for templates/);
  });
});
