import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';

const snippets = JSON.parse(readFileSync(resolve(__dirname, '../../../snippets/asl.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/** Expands a VS Code snippet body with its default values (the text a user gets by pressing Tab through it). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$')
    .replace(/\t/g, '  ');
}

describe('snippets (snippets/asl.json)', () => {
  it('covers the 8 state types in both query languages, Retry/Catch and whole machines', () => {
    const names = Object.keys(snippets).join(' | ');
    for (const type of ['Task', 'Pass', 'Choice', 'Wait', 'Parallel', 'Map', 'Fail']) {
      assert.match(names, new RegExp(`${type} \\(JSONPath\\)`));
      assert.match(names, new RegExp(`${type} \\(JSONata\\)`));
    }
    assert.match(names, /Succeed/);
    assert.match(names, /Retry block/);
    assert.match(names, /State machine \(JSONata\)/);
  });

  it('every state snippet, dropped into a machine with its defaults, validates with no error', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const text = expand(snippet.body);
      let machine: string;
      if (name.startsWith('State machine')) machine = text;
      else if (name.startsWith('Retry') || name.startsWith('Catch')) {
        const language = name.includes('JSONata') ? '"QueryLanguage": "JSONata", ' : '';
        machine = `{ ${language}"StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", ${text}, "End": true }${text.includes('"Handle Error"') ? ', "Handle Error": { "Type": "Succeed" }' : ''} } }`;
      } else {
        const stateName = /^"([^"]+)"/.exec(text)?.[1] ?? '';
        const targets = ['Next', 'Match', 'Otherwise'].filter((t) => text.includes(`: "${t}"`)).map((t) => `"${t}": { "Type": "Succeed" }`);
        machine = `{ "StartAt": ${JSON.stringify(stateName)}, "States": { ${[text, ...targets].join(', ')} } }`;
      }
      const errors = analyzeDocument(machine).problems.filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), [], `${name}:\n${machine}`);
    }
  });
});
