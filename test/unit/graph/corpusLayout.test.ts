import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import { layoutGraph } from '../../../server/src/core/graph/layoutGraph';
import { countOverlaps } from '../../../client/webview/src/graph/overlaps';
import { CORPUS, definitionFiles } from '../../support/corpusFiles';
import { labelProblems, layoutProblems } from './layoutChecks';

const EXAMPLES = resolve(__dirname, '../../../examples');

/** The state machines under a folder: `*.asl.json`, and the corpus' `valid-*.json`. */
const files = (folder: string) => definitionFiles(folder).filter((f) => /\.asl\.json$|^valid-.*\.json$/.test(basename(f)));

// Every real definition must render: the graph model builds and is laid out with no overlapping boxes, every
// edge orthogonal and through no box, every state inside its branch, every label on its edge and clear of the rest.
describe('graph layout of the corpus and the examples', function () {
  this.timeout(120_000);
  it('lays out every valid file without error or overlap', () => {
    const all = [...(existsSync(CORPUS) ? files(CORPUS) : []), ...files(EXAMPLES)];
    assert.ok(all.length > 10);
    const failures: string[] = [];
    for (const file of all) {
      const analysis = analyzeDocument(readFileSync(file, 'utf8'));
      const graph = buildGraph(analysis.model, analysis.problems);
      try {
        const layout = layoutGraph(graph);
        const overlaps = countOverlaps(graph, layout);
        if (overlaps) failures.push(`${relative(CORPUS, file)}: ${overlaps} overlapping boxes`);
        for (const problem of [...layoutProblems(graph, layout), ...labelProblems(graph, layout)]) failures.push(`${relative(CORPUS, file)}: ${problem}`);
        if (Object.keys(layout.nodes).length < graph.nodes.length) failures.push(`${relative(CORPUS, file)}: nodes missing from the layout`);
      } catch (error) {
        failures.push(`${relative(CORPUS, file)}: ${String(error)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
