import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const EXAMPLES = resolve(__dirname, '../../../examples');

// These run the real test workers (dist/testWorker.js: `npm test` builds it first).
describe('asl test', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'asl-test-'));
  for (const f of ['donut-shop.asl.json', 'donut-shop.input.json', 'donut-shop.mocks.json']) copyFileSync(join(EXAMPLES, f), join(dir, f));
  const good = { name: 'good order', inputFile: 'donut-shop.input.json', testCase: 'HappyPath', expect: { status: 'SUCCEEDED', path: ['Get Donut Price', 'Sell Donut', 'Enjoy', 'Done'] } };
  const broken = { name: 'broken expectation', inputFile: 'donut-shop.input.json', testCase: 'HappyPath', expect: { status: 'FAILED', outputContains: { message: 'Enjoy your maple donut!' } } };
  const write = (name: string, value: unknown) => writeFileSync(join(dir, name), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
  mkdirSync(join(dir, 'pass'));
  mkdirSync(join(dir, 'fail'));
  mkdirSync(join(dir, 'bad'));
  for (const sub of ['pass', 'fail', 'bad']) for (const f of ['donut-shop.asl.json', 'donut-shop.input.json', 'donut-shop.mocks.json']) copyFileSync(join(EXAMPLES, f), join(dir, sub, f));
  write('pass/donut-shop.tests.json', { tests: [good] });
  write('fail/donut-shop.tests.json', { tests: [good, broken] });

  it('runs the examples\' tests: all pass, exit 0', async () => {
    const t = memoryIo(resolve(EXAMPLES, '..'));
    assert.equal(await runCli(['test', 'examples'], t.io), 0, t.out() + t.err());
    assert.match(t.out(), /^examples\/donut-shop\.tests\.json$/m);
    assert.match(t.out(), /^ {2}✓ a good order is sold and enjoyed$/m);
    assert.match(t.out(), /^\d+ passed, 0 failed \(/m);
  });

  it('a failing test: exit 1, each failed expectation at file:line with a diff, and the path taken', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'fail'], t.io), 1);
    const out = t.out();
    assert.match(out, /^ {2}✓ good order$/m);
    assert.match(out, /^ {2}✗ broken expectation$/m);
    const text = readFileSync(join(dir, 'fail/donut-shop.tests.json'), 'utf8').split('\n');
    const statusLine = text.findIndex((l) => l.includes('"status": "FAILED"')) + 1;
    assert.match(out, new RegExp(`fail/donut-shop\\.tests\\.json:${statusLine}: status: expected FAILED, got SUCCEEDED`));
    assert.match(out, /output: does not contain what is expected \(first difference at \$\.message\)\n {12}\{\n {10}- {3}"message": "Enjoy your maple donut!"\n {10}\+ {3}"message": "Enjoy your glazed donut!"/);
    assert.match(out, /path taken: Get Donut Price → Sell Donut → Enjoy → Done/);
    assert.match(out, /^1 passed, 1 failed/m);
  });

  it('--reporter junit writes JUnit XML (to --output), --reporter json everything as JSON', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'fail', '--reporter', 'junit', '--output', 'junit.xml'], t.io), 1);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="asl test" tests="2" failures="1" errors="0"/);
    assert.match(xml, /<testsuite name="fail\/donut-shop.tests.json" tests="2" failures="1" errors="0"/);
    assert.match(xml, /<testcase name="good order" classname="fail\/donut-shop.tests.json" file="fail\/donut-shop.tests.json" line="\d+" time="[\d.]+"\/>/);
    assert.match(xml, /<failure message="status: expected FAILED, got SUCCEEDED" type="expectation">[^<]*path taken: Get Donut Price → Sell Donut → Enjoy → Done<\/failure>/);
    assert.match(t.out(), /1 passed, 1 failed/);
    const j = memoryIo(dir);
    assert.equal(await runCli(['test', 'fail', '--reporter', 'json'], j.io), 1);
    const report = JSON.parse(j.out());
    assert.deepEqual(report.summary.passed, 1);
    const failed = report.tests.find((x: { name: string }) => x.name === 'broken expectation');
    assert.equal(failed.state, 'failed');
    assert.deepEqual(failed.failures.map((f: { kind: string }) => f.kind), ['status', 'outputContains']);
    assert.equal(failed.failures[0].actual, 'SUCCEEDED');
    assert.deepEqual(failed.observed.path, ['Get Donut Price', 'Sell Donut', 'Enjoy', 'Done']);
  });

  it('--grep runs only matching tests; --bail stops after the first failure', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'fail', '--grep', '^good'], t.io), 0);
    assert.match(t.out(), /1 passed, 0 failed, 1 not run/);
    const many = { tests: Array.from({ length: 30 }, (_, i) => ({ ...broken, name: `broken ${i}` })) };
    write('bad/donut-shop.tests.json', many);
    const b = memoryIo(dir);
    assert.equal(await runCli(['test', 'bad', '--bail', '--workers', '1'], b.io), 1);
    const failedCount = Number(/(\d+) failed/.exec(b.out())?.[1]);
    assert.ok(failedCount >= 1 && failedCount < 30, b.out());
    assert.match(b.out(), /not run/);
  });

  it('--update rewrites only the failed exact expectations, fills in a test with no expect, keeps the formatting', async () => {
    mkdirSync(join(dir, 'upd'));
    for (const f of ['donut-shop.asl.json', 'donut-shop.input.json', 'donut-shop.mocks.json']) copyFileSync(join(EXAMPLES, f), join(dir, 'upd', f));
    const original = [
      '{',
      '    "tests": [',
      '        { "name": "kept", "inputFile": "donut-shop.input.json", "testCase": "HappyPath", "expect": { "status": "SUCCEEDED" } },',
      '        { "name": "wrong", "inputFile": "donut-shop.input.json", "testCase": "SoldOut",',
      '          "expect": { "status": "SUCCEEDED", "error": "Nope", "causeContains": "left", "path": ["Get Donut Price"] } },',
      '        { "name": "new", "inputFile": "donut-shop.input.json", "testCase": "NoFunds" }',
      '    ]',
      '}',
      '',
    ].join('\n');
    write('upd/donut-shop.tests.json', original);
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'upd', '--update'], t.io), 0, t.out());
    assert.match(t.err(), /updated 4 expectations in donut-shop\.tests\.json/);
    const updated = readFileSync(join(dir, 'upd/donut-shop.tests.json'), 'utf8');
    const lines = updated.split('\n');
    assert.equal(lines[2], original.split('\n')[2], 'a passing test is left alone');
    assert.equal(lines[4], '          "expect": { "status": "FAILED", "error": "SoldOut", "causeContains": "left", "path": ["Get Donut Price", "Sell Donut", "Sold Out"] } },');
    const parsed = JSON.parse(updated);
    assert.deepEqual(parsed.tests[2].expect, { status: 'FAILED', error: 'PaymentDeclined', cause: 'The customer cannot pay for the donut.', path: ['Get Donut Price', 'Sell Donut', 'Payment Declined'] });
    assert.match(updated, /\n {12}"expect": \{\n {16}"status": "FAILED",/);
    const again = memoryIo(dir);
    assert.equal(await runCli(['test', 'upd'], again.io), 0, again.out());
  });

  it('bad input: a broken file, a missing machine, state or mock, a wrong-typed expectation: file:line messages, the rest still runs, exit 2', async () => {
    mkdirSync(join(dir, 'mixed'));
    for (const f of ['donut-shop.asl.json', 'donut-shop.input.json', 'donut-shop.mocks.json']) copyFileSync(join(EXAMPLES, f), join(dir, 'mixed', f));
    write('mixed/donut-shop.tests.json', { tests: [
      good,
      { name: 'missing state', testCase: 'HappyPath', expect: { states: { 'Sell Donuts': { runs: 1 } } } },
      { name: 'missing test case', testCase: 'Nope' },
      { name: 'unmocked', inputFile: 'donut-shop.input.json', expect: { status: 'SUCCEEDED' } },
      { name: 'wrong type', expect: { maxTransitions: 'ten' } },
    ] });
    write('mixed/broken.tests.json', '{ "tests": [ { "name": "x" ] }');
    write('mixed/broken.tests.yaml', 'tests:\n  - name: x\n   expect: 1\n');
    write('mixed/orphan.tests.json', { tests: [{ name: 'o' }] });
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'mixed'], t.io), 2);
    const out = t.out();
    assert.match(out, /✓ good order/);
    assert.match(out, /mixed\/donut-shop\.tests\.json:\d+: The expectation names state 'Sell Donuts' is not a state of donut-shop\.asl\.json \(did you mean 'Sell Donut'\?\)/);
    assert.match(out, /mixed\/donut-shop\.tests\.json:\d+: No test case 'Nope' \(available: HappyPath, SoldOut, NoFunds, ThrottledThenSold\)/);
    assert.match(out, /! unmocked\n {6}mixed\/donut-shop\.tests\.json:\d+: Task state 'Get Donut Price' has no mock/);
    assert.match(out, /mixed\/donut-shop\.tests\.json:\d+: 'maxTransitions' must be a whole number ≥ 0, not the string "ten"/);
    assert.match(out, /! mixed\/broken\.tests\.json:1: JSON: /);
    assert.match(out, /! mixed\/broken\.tests\.yaml:3: YAML: /);
    assert.match(out, /! mixed\/orphan\.tests\.json:1: The machine orphan\.asl\.json \(beside the test file; name another with "machine"\) could not be read: no such file/);
    assert.match(out, /1 passed, 0 failed, 7 errors/);
  });

  it('a test that runs past --timeout is stopped and fails; the other tests still run', async () => {
    mkdirSync(join(dir, 'slow'));
    write('slow/loop.asl.json', { QueryLanguage: 'JSONata', StartAt: 'Spin', States: { Spin: { Type: 'Pass', Output: '{% ($f := function($n){ $n > 0 ? $f($n - 1) + $f($n - 1) : 0 }; $f(40)) %}', End: true } } });
    write('slow/loop.tests.json', { tests: [{ name: 'spins', expect: { status: 'SUCCEEDED' } }, { name: 'alone', state: 'Spin', expect: { status: 'FAILED' } }, { name: 'quick', state: 'Spin', input: {}, mocks: {}, expect: { status: 'FAILED' } }] });
    write('slow/ok.asl.json', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    write('slow/ok.tests.json', { tests: [{ name: 'ok', expect: { status: 'SUCCEEDED' } }] });
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'slow', '--timeout', '1', '--workers', '1'], t.io), 1);
    assert.match(t.out(), /✗ spins\n {6}slow\/loop\.tests\.json:\d+: The test ran longer than the limit of 1 seconds and was stopped/);
    assert.match(t.out(), /✓ ok/);
  });

  it('usage errors exit 2 with one line', async () => {
    for (const args of [['--reporter', 'tap'], ['--grep', '('], ['--workers', '0'], ['--timeout', 'x'], ['--nope']]) {
      const t = memoryIo(dir);
      assert.equal(await runCli(['test', 'pass', ...args], t.io), 2, args.join(' '));
      assert.match(t.err(), /^asl test: .+\n$/);
    }
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'nowhere'], t.io), 2);
    assert.match(t.err(), /nowhere: no such file or folder/);
  });

  it('--coverage prints what the tests never exercised; --coverage-file writes it as JSON with lines', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test', 'pass/donut-shop.asl.json', '--coverage', '--coverage-file', 'cov.json'], t.io), 0);
    assert.match(t.out(), /pass\/donut-shop\.asl\.json {2}states 4\/7 {2}choice rules 0\/0 {2}catchers 0\/3 {2}retriers 0\/1/);
    assert.match(t.out(), /not covered: state 'Sold Out' \(line \d+\)/);
    assert.match(t.out(), /not covered: Sell Donut: catcher 3 \(States.ALL\) → Sale Failed \(line \d+\)/);
    const cov = JSON.parse(readFileSync(join(dir, 'cov.json'), 'utf8'));
    const machine = cov.machines[0];
    assert.deepEqual(machine.summary.state, { covered: 4, total: 7 });
    const enjoy = machine.items.find((i: { kind: string; state: string }) => i.kind === 'state' && i.state === 'Enjoy');
    const text = readFileSync(join(dir, 'pass/donut-shop.asl.json'), 'utf8').split('\n');
    assert.equal(enjoy.line, text.findIndex((l) => l.includes('"Enjoy": {')) + 1);
    assert.equal(enjoy.hits, 1);
  });
});
