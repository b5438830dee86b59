/**
 * Graph preview cost (issue 6), as the user waits for it: analyze + graph model + the copy postMessage makes +
 * layoutGraph with the layout worker's LayoutCache (the same code the webview's worker and `asl graph` run),
 * on machines of 100, 500 and 2,000 states (nested Parallel and Map included).
 * - open: a fresh cache (the preview just opened); "no sharing" also turns the cache off within the graph, so
 *   every States block is laid out even where two are alike (the generated branches are);
 * - edits at 500 and 2,000 states, each applied to the text the previous one left, with the cache warm from the
 *   text before: one character of the Comment (the structure is unchanged: no block laid out), a root state renamed
 *   (its box widens: the root block is laid out again), a state added to a Parallel branch (that branch, then the
 *   root block).
 */
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { buildGraph } from '../../server/src/core/graph/buildGraph';
import { LayoutCache } from '../../server/src/core/graph/layoutCache';
import { layoutGraph } from '../../server/src/core/graph/layoutGraph';
import { countStates, generateMachine } from './generateMachine';
import { median, ms } from './stats';

interface Timing {
  total: number;
  model: number;
  layout: number;
  layouts: number;
}

async function render(text: string, cache: LayoutCache): Promise<Timing> {
  const t0 = performance.now();
  const analysis = analyzeDocument(text);
  const graph = structuredClone(buildGraph(analysis.model, analysis.problems));
  const t1 = performance.now();
  const runs = cache.computed;
  layoutGraph(graph, cache);
  const t2 = performance.now();
  return { total: t2 - t0, model: t1 - t0, layout: t2 - t1, layouts: cache.computed - runs };
}

function row(label: string, states: number, timings: Timing[]): string {
  const m = (f: (t: Timing) => number) => ms(median(timings.map(f)));
  return `| ${label} | ${states} | ${m((t) => t.total)} | ${m((t) => t.model)} | ${m((t) => t.layout)} | ${median(timings.map((t) => t.layouts))} |`;
}

type Edit = (text: string, i: number) => string;

const EDITS: [string, Edit][] = [
  ['edit: one character of the Comment', (text, i) => text.replace(/Generated machine\d?/, `Generated machine${i}`)],
  ['edit: rename a root state', (text, i) => text.replaceAll(`"Root step ${5 + i}"`, `"Root step ${5 + i} renamed"`)],
  ['edit: add a state to a Parallel branch', addState],
];

function addState(text: string, i: number): string {
  const machine = JSON.parse(text) as { States: Record<string, { Branches?: { StartAt: string; States: Record<string, unknown> }[] }> };
  const branch = machine.States['Root step 20'].Branches![0];
  branch.States[`Added ${i}`] = { Type: 'Pass', Next: branch.StartAt };
  branch.StartAt = `Added ${i}`;
  return JSON.stringify(machine, null, 2);
}

export async function run(): Promise<void> {
  console.log('| case | states | total (median) | analyze + graph | layout | blocks laid out |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const size of [100, 500, 2000]) {
    const text = generateMachine(size);
    const states = countStates(text);
    await render(text, new LayoutCache());
    const open: Timing[] = [];
    for (let i = 0; i < 3; i++) open.push(await render(text, new LayoutCache()));
    console.log(row('open', states, open));
    if (size === 100) continue;
    const unshared: Timing[] = [];
    for (let i = 0; i < 3; i++) unshared.push(await render(text, new LayoutCache(0)));
    console.log(row('open, no sharing', states, unshared));
    for (const [label, edit] of EDITS) {
      const cache = new LayoutCache();
      let current = text;
      await render(current, cache);
      const timings: Timing[] = [];
      for (let i = 0; i < 5; i++) {
        current = edit(current, i);
        timings.push(await render(current, cache));
      }
      console.log(row(`${label} (median of 5)`, countStates(current), timings));
    }
  }
}
