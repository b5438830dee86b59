import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { MAX_NESTING_DEPTH } from '../../../server/src/core/document/parseDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import { layoutGraph } from '../../../server/src/core/graph/layoutGraph';
import { memoryIo } from '../cli/memoryIo';

/** A chain of `n` Pass states ending in a Succeed; with `loop`, a Choice at the end goes back to the start too. */
const chain = (n: number, loop = false) => {
  const States: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) States[`S${i}`] = i + 1 < n ? { Type: 'Pass', Next: `S${i + 1}` } : { Type: 'Succeed' };
  if (loop) States[`S${n - 2}`] = { Type: 'Choice', Choices: [{ Variable: '$.again', BooleanEquals: true, Next: 'S0' }], Default: `S${n - 1}` };
  return JSON.stringify({ StartAt: 'S0', States });
};

/** Parallel in Parallel, `levels` deep, a Succeed at the bottom. */
const nested = (levels: number) => {
  let text = '{ "StartAt": "L", "States": { "L": { "Type": "Succeed" } } }';
  for (let i = 0; i < levels; i++) text = `{ "StartAt": "P${i}", "States": { "P${i}": { "Type": "Parallel", "Branches": [${text}], "End": true } } }`;
  return text;
};

describe('deep and long machines', function () {
  this.timeout(120_000);

  for (const n of [5000, 10000]) {
    it(`a ${n}-state chain: validated, graphed and laid out without recursion, every box below the one before`, () => {
      for (const loop of [false, true]) {
        const analysis = analyzeDocument(chain(n, loop));
        assert.deepEqual(analysis.problems, []);
        const graph = buildGraph(analysis.model, analysis.problems);
        assert.equal(graph.nodes.length, n + 2);
        const layout = layoutGraph(graph);
        const ys = graph.nodes.filter((node) => node.kind !== 'start' && node.kind !== 'end').map((node) => layout.nodes[node.id].y);
        for (let i = 1; i < ys.length; i++) assert.ok(ys[i] > ys[i - 1], `S${i} is not below S${i - 1}`);
        for (const e of graph.edges) assert.ok((layout.edges[e.id]?.points.length ?? 0) >= 2, `edge ${e.id} has no route`);
      }
    });
  }

  it('asl graph draws a 5,000-state chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-deep-'));
    writeFileSync(join(dir, 'chain.asl.json'), chain(5000));
    const t = memoryIo(dir);
    assert.equal(await runCli(['graph', '--format', 'json', 'chain.asl.json'], t.io), 0);
    assert.equal(JSON.parse(t.out()).nodes.length, 5002);
    assert.equal(t.err(), '');
  });

  it(`Parallel nested as deep as the parser allows (${MAX_NESTING_DEPTH} JSON levels) is validated and laid out`, async () => {
    const levels = Math.floor((MAX_NESTING_DEPTH - 1) / 4);
    const analysis = analyzeDocument(nested(levels));
    assert.deepEqual(analysis.problems, []);
    assert.equal(analysis.model.scopes.length, levels + 1);
    const graph = buildGraph(analysis.model, analysis.problems);
    const layout = layoutGraph(graph);
    for (const node of graph.nodes) assert.ok(layout.nodes[node.id], node.label);
  });

  it('Parallel nested 2,000 levels deep is one clear problem, for the validator and for asl graph', async () => {
    const text = nested(2000);
    const analysis = analyzeDocument(text);
    assert.deepEqual(analysis.problems.map((p) => [p.code, p.message]), [['json-syntax', `The document is nested more than ${MAX_NESTING_DEPTH} levels deep`]]);
    const dir = mkdtempSync(join(tmpdir(), 'asl-nested-'));
    writeFileSync(join(dir, 'nested.asl.json'), text);
    const t = memoryIo(dir);
    assert.equal(await runCli(['graph', 'nested.asl.json'], t.io), 0);
    assert.match(t.err(), /has 1 error\(s\)/);
    const v = memoryIo(dir);
    assert.equal(await runCli(['validate', 'nested.asl.json'], v.io), 1);
  });
});
