import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runSteps } from '../../../client/src/graph/runSteps';
import { takenEdges } from '../../../client/webview/src/graph/takenEdges';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import type { GraphModel } from '../../../server/src/core/graph/graphModel';
import { findTestCase, mockInvoker, readMockConfig } from '../../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import type { ExecutionEvent } from '../../../server/src/protocol';
import { run } from '../interpreter/runMachine';

const examples = resolve(__dirname, '../../../examples');

/** Runs an example with one of its mock test cases; returns its graph and the history. */
async function runExample(name: string, testCase: string, input?: unknown): Promise<{ graph: GraphModel; events: ExecutionEvent[] }> {
  const text = readFileSync(resolve(examples, `${name}.asl.json`), 'utf8');
  const analysis = analyzeDocument(text);
  const prepared = prepareDefinition(text);
  assert.ok('definition' in prepared);
  const config = readMockConfig(JSON.parse(readFileSync(resolve(examples, `${name}.mocks.json`), 'utf8')));
  const result = await run(prepared.definition, input ?? JSON.parse(readFileSync(resolve(examples, `${name}.input.json`), 'utf8')), mockInvoker(config, findTestCase(config, name, testCase)));
  return { graph: buildGraph(analysis.model, analysis.problems), events: result.events as ExecutionEvent[] };
}

/** The taken edges as "source -> target (kind)", by label. */
function describeTaken(graph: GraphModel, taken: Set<string>): string[] {
  const label = (id: string) => graph.nodes.find((n) => n.id === id)!.label;
  return graph.edges.filter((e) => taken.has(e.id)).map((e) => `${label(e.source)} -> ${label(e.target)} (${e.kind})`);
}

describe('edges a run took (graph overlay)', () => {
  it('the happy path of the donut shop: start, each Next, the end; no Catch edge', async () => {
    const { graph, events } = await runExample('donut-shop', 'HappyPath');
    assert.deepEqual(describeTaken(graph, takenEdges(graph, runSteps(events))), [
      'Start -> Get Donut Price (start)',
      'Get Donut Price -> Sell Donut (next)',
      'Sell Donut -> Enjoy (next)',
      'Enjoy -> Done (next)',
      'Done -> End (end)',
    ]);
  });

  it('a caught error takes the Catch edge to its handler, and a Fail state its edge to the end', async () => {
    const { graph, events } = await runExample('donut-shop', 'SoldOut');
    const taken = describeTaken(graph, takenEdges(graph, runSteps(events)));
    assert.ok(taken.includes('Sell Donut -> Sold Out (catch)'), taken.join('\n'));
    assert.ok(taken.includes('Sold Out -> End (end)'), taken.join('\n'));
    assert.ok(!taken.some((t) => t.startsWith('Sell Donut -> Enjoy')), taken.join('\n'));
  });

  it('marks a retried Task as caught only when a Catch took it, not after a retry that succeeded', async () => {
    const { events } = await runExample('donut-shop', 'ThrottledThenSold');
    const exit = runSteps(events).find((s) => s.state === 'Sell Donut' && s.exit);
    assert.deepEqual(exit, { state: 'Sell Donut', exit: true });
  });

  it('inside Parallel branches and Map iterations: each block from its own start', async () => {
    for (const [name, testCase] of [['iot-data-load', 'AllLoaded'], ['batch-fan-out', 'TwoChunks']]) {
      const { graph, events } = await runExample(name, testCase);
      const taken = takenEdges(graph, runSteps(events));
      const startsInBlocks = graph.edges.filter((e) => e.kind === 'start' && graph.nodes.find((n) => n.id === e.source)!.parent);
      assert.ok(startsInBlocks.length > 0);
      for (const e of startsInBlocks) assert.ok(taken.has(e.id), `${name}: start of ${graph.nodes.find((n) => n.id === e.source)!.parent}`);
    }
  });

  it('ignores steps of states the graph does not have (renamed since the run)', () => {
    const graph = buildGraph(analyzeDocument('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}').model);
    assert.deepEqual(describeTaken(graph, takenEdges(graph, [{ state: 'Old' }, { state: 'Old', exit: true }, { state: 'A' }])), ['Start -> A (start)']);
  });
});
