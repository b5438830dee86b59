/**
 * Graph preview cost (issue 6): graph model + ELK layout for machines of 100, 500 and 2,000 states (nested
 * Parallel and Map included), and the re-render after a one-character edit for 500 (model + layout again).
 * Runs ELK in Node, the same code the webview's worker runs.
 */
import { performance } from 'node:perf_hooks';
import ELK from 'elkjs/lib/elk.bundled.js';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { buildGraph } from '../../server/src/core/graph/buildGraph';
import { fromElkLayout, toElkGraph } from '../../client/webview/src/graph/elkGraph';
import { countStates, generateMachine } from './generateMachine';
import { median, ms } from './stats';

export async function run(): Promise<void> {
  const elk = new ELK();
  const layoutOnce = async (text: string) => {
    const t = performance.now();
    const analysis = analyzeDocument(text);
    const graph = buildGraph(analysis.model, analysis.problems);
    fromElkLayout(graph, await elk.layout(toElkGraph(graph)));
    return performance.now() - t;
  };
  console.log('| states | analyze + graph + layout (median of 3) |');
  console.log('| ---: | ---: |');
  for (const size of [100, 500, 2000]) {
    const text = generateMachine(size);
    await layoutOnce(text);
    const times = [await layoutOnce(text), await layoutOnce(text), await layoutOnce(text)];
    console.log(`| ${countStates(text)} | ${ms(median(times))} |`);
  }
  const text = generateMachine(500);
  const at = text.indexOf('Generated machine');
  const edits: number[] = [];
  for (let i = 0; i < 5; i++) edits.push(await layoutOnce(text.slice(0, at) + String(i) + text.slice(at + 1)));
  console.log(`\nRe-render after a one-character edit, 500 states: ${ms(median(edits))} (median of 5)`);
}
