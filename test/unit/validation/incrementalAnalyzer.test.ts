import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { analyzeDocument, IncrementalAnalyzer } from '../../../server/src/core/analyzeDocument';
import type { StateMachineModel } from '../../../server/src/core/model/types';
import type { ValidationSettings } from '../../../server/src/core/validation/types';
import { generateMachine } from '../../bench/generateMachine';
import { CORPUS, definitionFiles } from '../../support/corpusFiles';

const SOURCES = [
  generateMachine(60),
  ...['examples'].flatMap((dir) => (existsSync(dir) ? definitionFiles(resolve(dir)) : [])).map((f) => readFileSync(f, 'utf8')),
  ...(existsSync(CORPUS) ? definitionFiles(CORPUS) : []).map((f) => readFileSync(f, 'utf8')),
];

/** Edits that keep the JSON well formed as often as not, so that reuse really happens, and some that break it. */
const TOKENS = [
  '', '"', ',', '{', '}', ':', ' ', '1', 'x', 'States.', '$.', '$$.', '{% $states.input %}', '"Next": "A",',
  '"End": true,', '"Type": "Pass",', '"Retry": [{"ErrorEquals": ["States.ALL"]}],', '"QueryLanguage": "JSONata",',
  '"Assign": {"v": 1},', 'States.Format(', "'", 'Task', 'Choice', 'DISTRIBUTED', 'JSONata',
];

/** Edits that change what a state's checks read from outside the state: the query languages, Distributed mode. */
const CONTEXT_EDITS: ((text: string) => string)[] = [
  (t) => t.replace('{', '{ "QueryLanguage": "JSONata",'),
  (t) => t.replace('"QueryLanguage": "JSONata"', '"QueryLanguage": "JSONPath"'),
  (t) => t.replace('"QueryLanguage": "JSONPath"', '"QueryLanguage": "JSONata"'),
  (t) => t.replace('"INLINE"', '"DISTRIBUTED"'),
  (t) => t.replace('"DISTRIBUTED"', '"INLINE"'),
  (t) => t.replace('"ItemProcessor": {', '"ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED" },'),
];

type Edit = { at: number; remove: number; insert: string } | { context: number };

/** The model as plain data: every state with its place, references (resolved or not) and nested scopes. */
function modelSnapshot(model: StateMachineModel): unknown {
  return {
    queryLanguage: model.queryLanguage,
    scopes: model.scopes.map((s) => [s.id, s.kind, s.node.span.offset, s.owner?.name, s.parent?.id, s.branchIndex, s.distributed, s.startAt?.target?.name, [...s.byName.keys()]]),
    states: model.states.map((st) => ({
      name: st.name, at: st.nameSpan.offset, node: st.node.span.offset, scope: st.scope.id, type: st.type, ql: st.queryLanguage,
      children: st.children.map((c) => c.id),
      transitions: st.transitions.map((r) => [r.kind, r.name, r.node.span.offset, r.scope.id, r.from?.name, r.target?.nameSpan.offset]),
      rules: st.choiceRules.map((r) => [r.index, r.node.span.offset, r.next?.name]),
      retriers: st.retriers.map((r) => [r.index, r.node.span.offset]),
      catchers: st.catchers.map((c) => [c.index, c.node.span.offset, c.next?.target?.name]),
    })),
    references: model.symbols.references.map((r) => [r.kind, r.name, r.node.span.offset, r.target?.nameSpan.offset]),
    definitions: [...model.symbols.definitions].map(([name, states]) => [name, states.map((st) => st.nameSpan.offset)]),
  };
}

function applyEdit(text: string, e: Edit): string {
  if ('context' in e) return CONTEXT_EDITS[e.context](text);
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('IncrementalAnalyzer', () => {
  it('reports what a fresh analysis reports, after any sequence of edits (property)', () => {
    const settings: ValidationSettings = { allowPlaceholders: true, severityOverrides: { 'unreachable-state': 'hint' } };
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES.keys()),
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.record({
              at: fc.double({ min: 0, max: 1, noNaN: true }),
              remove: fc.oneof(fc.constant(0), fc.nat({ max: 2 }), fc.nat({ max: 30 })),
              insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })),
            }) },
            { weight: 1, arbitrary: fc.record({ context: fc.nat({ max: CONTEXT_EDITS.length - 1 }) }) },
          ) as fc.Arbitrary<Edit>,
          { minLength: 1, maxLength: 8 },
        ),
        (source, edits) => {
          let text = SOURCES[source];
          const analyzer = new IncrementalAnalyzer();
          analyzer.analyze(text, settings);
          for (const e of edits) {
            text = applyEdit(text, e);
            const incremental = analyzer.analyze(text, settings);
            const fresh = analyzeDocument(text, settings);
            assert.deepEqual(modelSnapshot(incremental.model), modelSnapshot(fresh.model));
            assert.deepEqual(incremental.problems, fresh.problems);
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('reports the right problems when only some versions have theirs read, and for an older version read late (property)', () => {
    // The language server reads a version's problems only for diagnostics and a few features: versions typed past
    // are never validated, and a feature may read the problems of a version after a newer one was analysed.
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES.keys()),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 2 }), insert: fc.constantFrom(...TOKENS), read: fc.boolean() }), { minLength: 2, maxLength: 8 }),
        (source, edits) => {
          let text = SOURCES[source];
          const analyzer = new IncrementalAnalyzer();
          let older = { text, analysis: analyzer.analyze(text), read: false };
          for (const e of edits) {
            text = applyEdit(text, e);
            const analysis = analyzer.analyze(text);
            if (e.read) assert.deepEqual(analysis.problems, analyzeDocument(text).problems);
            // Problems already read belong to the version's lifetime: the next call moves them with their states
            // (the contract above). Those never read are computed late, from the older text.
            if (!e.read && !older.read) assert.deepEqual(older.analysis.problems, analyzeDocument(older.text).problems, 'an older version read late');
            older = { text, analysis, read: e.read };
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  });

  it('gives an older version its own problems when they are read after a newer version moved its states', () => {
    const text = '{ "Comment": "c", "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "Missing" } } }';
    const analyzer = new IncrementalAnalyzer();
    const first = analyzer.analyze(text);
    const second = analyzer.analyze(text.replace('"c"', '"a longer comment"'));
    assert.deepEqual(first.problems, analyzeDocument(text).problems);
    assert.ok(first.problems.some((p) => p.code === 'unknown-state'));
    assert.notDeepEqual(first.problems.map((p) => p.span), second.problems.map((p) => p.span));
  });

  it('reuses the problems of untouched states and moves them with the text', () => {
    const text = '{ "Comment": "c", "StartAt": "A", "States": { "A": { "Type": "Pass", "Nxt": "B", "End": true }, "B": { "Type": "Wait", "End": true } } }';
    const analyzer = new IncrementalAnalyzer();
    // Taken before the next call, which moves the previous version's nodes (and so its spans).
    const before = analyzer.analyze(text).problems.map((p) => [p.code, p.span.offset, p.span.length] as const);
    const edited = text.replace('"c"', '"a longer comment"');
    const after = analyzer.analyze(edited).problems;
    const shift = edited.length - text.length;
    assert.ok(before.length >= 2);
    assert.deepEqual(
      after.map((p) => [p.code, p.span.offset, p.span.length]),
      before.map(([code, offset, length]) => [code, offset + shift, length]),
    );
    assert.deepEqual(after, analyzeDocument(edited).problems);
  });

  it('checks an unchanged state again when the Map around it becomes Distributed', () => {
    // A JSONPath state inside a JSONata machine is an error unless it runs in a Distributed Map (asl-reference §0.1).
    const inline = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'P', States: { P: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } } },
          End: true,
        },
      },
    }, null, 2);
    const analyzer = new IncrementalAnalyzer();
    assert.ok(analyzer.analyze(inline).problems.some((p) => p.code === 'query-language-override'));
    const distributed = inline.replace('"INLINE"', '"DISTRIBUTED"');
    const problems = analyzer.analyze(distributed).problems;
    assert.ok(!problems.some((p) => p.code === 'query-language-override'));
    assert.deepEqual(problems, analyzeDocument(distributed).problems);
  });

  it('checks an unchanged state again when another state starts assigning its variable or raising its error', () => {
    const text = JSON.stringify({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Next: 'B' },
        B: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'id.$': '$orderId' }, Catch: [{ ErrorEquals: ['States.Custom'], Next: 'F' }], End: true },
        F: { Type: 'Fail' },
      },
    }, null, 2);
    const analyzer = new IncrementalAnalyzer();
    const codes = (problems: { code: string }[]) => problems.map((p) => p.code).sort();
    assert.deepEqual(codes(analyzer.analyze(text).problems), ['error-equals-names', 'unknown-variable']);
    const assigned = text.replace('"Type": "Pass",', '"Type": "Pass", "Assign": { "orderId": 1 },');
    assert.deepEqual(codes(analyzer.analyze(assigned).problems), ['error-equals-names']);
    const raised = assigned.replace('"Type": "Fail"', '"Type": "Fail", "Error": "States.Custom"');
    assert.deepEqual(analyzer.analyze(raised).problems, []);
  });
});
