import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { siteOf } from '../../../server/src/core/completion/cursorContext';
import type { AstNode, ObjectNode } from '../../../server/src/core/document/ast';
import { schemaSites } from '../../../server/src/core/validation/schemaSites';
import { generateMachine } from '../../bench/generateMachine';
import { CORPUS, definitionFiles } from '../../support/corpusFiles';

const JSONATA_CHOICE = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'C',
  States: {
    C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'M' }], Default: 'M' },
    M: {
      Type: 'Map', End: true, Retry: [{ ErrorEquals: ['States.ALL'] }],
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'T' }] } } }] } } },
    },
  },
});

const SOURCES = [
  generateMachine(120),
  JSONATA_CHOICE,
  ...(existsSync('examples') ? definitionFiles(resolve('examples')) : []).map((f) => readFileSync(f, 'utf8')),
  ...(existsSync(CORPUS) ? definitionFiles(CORPUS) : []).map((f) => readFileSync(f, 'utf8')),
];

function objects(node: AstNode | undefined, found: ObjectNode[] = []): ObjectNode[] {
  if (node?.kind === 'object') {
    found.push(node);
    for (const p of node.properties) objects(p.value, found);
  } else if (node?.kind === 'array') {
    for (const item of node.items) objects(item, found);
  }
  return found;
}

// Completion finds an object's schema site from the states around it; it must be the site the field rules check
// (the list of every site of the machine, a nested state's site over its parent's).
describe('siteOf', () => {
  it('gives every object the site schemaSites gives it, in generated, example and corpus machines', () => {
    assert.ok(SOURCES.length > 10);
    for (const text of SOURCES) {
      const { model } = analyzeDocument(text);
      const all = new Map(schemaSites(model).map((s) => [s.object, s]));
      for (const object of objects(model.root)) {
        const expected = all.get(object);
        const actual = siteOf(model, object);
        assert.deepEqual(
          actual && { ...actual, object: actual.object === object, schema: actual.schema === expected?.schema, state: actual.state === expected?.state },
          expected && { ...expected, object: true, schema: true, state: true },
        );
      }
    }
  });
});
