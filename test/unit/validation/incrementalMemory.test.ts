import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IncrementalAnalyzer } from '../../../server/src/core/analyzeDocument';
import { generateMachine } from '../../bench/generateMachine';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('IncrementalAnalyzer memory', function () {
  this.timeout(60_000);

  it('keeps no older version of the text alive, however many states are edited', () => {
    let text = generateMachine(1000);
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text);
    // Each edit changes a value inside a different Task, so each version leaves new nodes behind in the tree.
    const places = [...text.matchAll(/"TimeoutSeconds": 60/g)].map((m) => m.index! + '"TimeoutSeconds": '.length);
    assert.ok(places.length >= 200, `${places.length} Task states`);
    const editAt = (i: number) => {
      text = text.slice(0, places[i]) + '7' + text.slice(places[i] + 1);
      analyzer.analyze(text);
    };
    for (let i = 0; i < 100; i++) editAt(i);
    const before = heapAfterGc();
    for (let i = 100; i < 200; i++) editAt(i);
    const growth = heapAfterGc() - before;
    // A version of this text is 0.4 MB: keeping the 100 newer ones alive would grow the heap by 40 MB.
    assert.ok(growth < 4_000_000, `the heap grew by ${(growth / 1e6).toFixed(1)} MB over 100 edits`);
  });
});
