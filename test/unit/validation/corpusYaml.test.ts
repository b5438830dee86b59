import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { toYamlText } from '../../../server/src/core/document/convertFormat';
import { CORPUS, definitionFiles } from '../../support/corpusFiles';
import { locateSpan } from '../../support/spanLocator';

/**
 * Issue 13: every corpus file, converted to YAML, gives the same problems (codes and severities) at the same
 * places of the tree (keys, values, characters inside strings) as the JSON, and none where the JSON has none. One
 * tree, several front ends: the YAML front end may not change what the rules see.
 */
describe('corpus as YAML', function () {
  this.timeout(120_000);
  before(function () {
    if (!existsSync(CORPUS)) {
      console.warn(`corpus not found at ${CORPUS}; skipping`);
      this.skip();
    }
  });

  const all = existsSync(CORPUS) ? definitionFiles(CORPUS).filter((f) => /asl-validator-definitions|\.asl\.json$/.test(f)) : [];

  const located = (text: string, format: 'json' | 'yaml') => {
    const analysis = analyzeDocument(text, undefined, format);
    return analysis.problems.map((p) => `${p.severity} ${p.code} ${JSON.stringify(locateSpan(text, analysis.doc.root, p.span))}`).sort();
  };

  it('gives the same problems at the same places for every corpus file that parses as JSON', () => {
    const differences: string[] = [];
    let compared = 0;
    for (const file of all) {
      const json = readFileSync(file, 'utf8');
      const parsed = analyzeDocument(json);
      if (!parsed.doc.root || parsed.doc.syntaxProblems.length > 0) continue;
      compared++;
      const yaml = toYamlText(parsed.doc.root);
      const expected = located(json, 'json');
      const actual = located(yaml, 'yaml');
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        differences.push(`${relative(CORPUS, file)}\n  json: ${expected.filter((e) => !actual.includes(e)).join('\n        ')}\n  yaml: ${actual.filter((a) => !expected.includes(a)).join('\n        ')}`);
      }
    }
    assert.ok(compared > 200, `only ${compared} files compared`);
    assert.deepEqual(differences, []);
  });
});
