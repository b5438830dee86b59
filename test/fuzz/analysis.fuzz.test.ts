import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, IncrementalAnalyzer } from '../../server/src/core/analyzeDocument';
import { buildGraph } from '../../server/src/core/graph/buildGraph';
import { fuzzParams, fuzzReport } from './fuzzScale';
import { SOURCES } from './fuzzSources';
import { applyTextEdit, mutateValue, mutationArb, textEditArb } from './mutateDefinition';

/** What a reader sees of a problem; compared between an incremental and a fresh analysis. */
const view = (problems: { code: string; message: string; severity: string; span: { offset: number; length: number } }[]) =>
  problems.map((p) => `${p.span.offset}:${p.span.length} ${p.severity} ${p.code} ${p.message}`);

const SLOW_MS = 1000;

// Issue 12, "Fuzzing in CI": mutated real definitions and edits never crash the analysis (what the server and
// `asl validate` run), never take over a second, and an incremental analysis equals a fresh one.
describe('fuzz: analysis of mutated real definitions', function () {
  this.timeout(600_000);
  let cases = 0;
  let slowest = 0;
  after(() => fuzzReport(`analysis: ${cases} mutated documents, slowest ${slowest.toFixed(0)} ms`));

  function analyzeTimed(text: string) {
    const started = performance.now();
    const analysis = analyzeDocument(text);
    buildGraph(analysis.model, analysis.problems);
    const ms = performance.now() - started;
    slowest = Math.max(slowest, ms);
    cases++;
    assert.ok(ms < SLOW_MS, `analysis took ${ms.toFixed(0)} ms`);
    return analysis;
  }

  it('structural mutations: no crash, under a second, incremental equals fresh', () => {
    assert.ok(SOURCES.length > 0);
    fc.assert(
      fc.property(fc.nat(SOURCES.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (source, mutations, pretty) => {
        const original = SOURCES[source];
        const mutated = JSON.stringify(mutateValue(JSON.parse(original), mutations), null, pretty ? 2 : undefined);
        analyzeTimed(mutated);
        const analyzer = new IncrementalAnalyzer();
        analyzer.analyze(original);
        assert.deepEqual(view(analyzer.analyze(mutated).problems), view(analyzeDocument(mutated).problems));
      }),
      fuzzParams(150),
    );
  });

  it('text edits while typing: no crash, under a second, incremental equals fresh', () => {
    fc.assert(
      fc.property(fc.nat(SOURCES.length - 1), fc.array(textEditArb, { minLength: 1, maxLength: 10 }), (source, edits) => {
        let text = SOURCES[source];
        const analyzer = new IncrementalAnalyzer();
        analyzer.analyze(text);
        for (const edit of edits) {
          text = applyTextEdit(text, edit);
          const incremental = view(analyzer.analyze(text).problems);
          assert.deepEqual(incremental, view(analyzeTimed(text).problems));
        }
      }),
      fuzzParams(100),
    );
  });
});
