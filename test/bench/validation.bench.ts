/**
 * Validation latency through the real server process: time from didOpen to the first diagnostics, and from an
 * edit (one incremental didChange, as an editor sends it) to the diagnostics of that version, median of warm
 * runs, debounce set to 0 so the figure is the server's own work; plus the server's peak memory over all of it,
 * and the in-process time of a full (non-incremental) analysis. Edits of four kinds:
 * - the Comment at the top (every state after it moves),
 * - a value inside a Task in the middle,
 * - a value inside a state nested in a Parallel branch in the middle,
 * - typing a new key into a state: the first `"` breaks the JSON, and each following keystroke is measured while
 *   the document has a syntax error.
 * Targets (issue 2): 1,000 states < 20 ms warm re-validation, 5,000 < 100 ms, server memory < 150 MB.
 */
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { LspClient } from '../lsp/lspClient';
import { countStates, generateMachine } from './generateMachine';
import { mb, median, ms } from './stats';

const SIZES = [100, 1000, 5000];
const WARM_RUNS = 15;
const WARM_UP = 3;

export async function run(): Promise<void> {
  console.log('| states | open → diagnostics | edit Comment | edit a state | edit a nested state | typing, JSON broken | full analysis in-process | server peak RSS |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of SIZES) {
    const original = generateMachine(size);
    let text = original;
    const client = await LspClient.start({ initializationOptions: { validationDelayMs: 0 } });
    const uri = LspClient.uri(`bench-${size}.asl.json`);
    let t = performance.now();
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 60_000);
    const open = performance.now() - t;

    /** One incremental change, timed from sending it to the diagnostics of its version. */
    const edit = async (at: number, remove: number, insert: string): Promise<number> => {
      const range = LspClient.range(text, at, remove);
      text = text.slice(0, at) + insert + text.slice(at + remove);
      const start = performance.now();
      await client.changeAt(uri, range, insert);
      await client.waitForDiagnostics(uri, () => true, 60_000);
      return performance.now() - start;
    };
    /** Replaces one character back and forth, so the document stays valid. */
    const toggle = async (at: number, a: string, b: string): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < WARM_UP + WARM_RUNS; i++) {
        const took = await edit(at, 1, i % 2 ? a : b);
        if (i >= WARM_UP) times.push(took);
      }
      return median(times);
    };

    const comment = await toggle(original.indexOf('Generated machine') + 'Generated'.length, ' ', '_');
    const middleTask = original.indexOf('"TimeoutSeconds": 60', original.length / 2) + '"TimeoutSeconds": '.length;
    const stateEdit = await toggle(middleTask, '6', '7');
    const branch = original.indexOf(' left step 0": {', original.length / 2);
    const nested = await toggle(original.indexOf('"TimeoutSeconds": 60', branch) + '"TimeoutSeconds": '.length, '6', '7');

    // Typing `"Note": 1, ` key by key at the start of the middle Task's fields; the JSON is broken until the end.
    const at = original.indexOf('"Type": "Task"', original.length / 2);
    const typed = '"Notes": 1, ';
    const typing: number[] = [];
    for (let i = 0; i < typed.length; i++) {
      const took = await edit(at + i, 0, typed[i]);
      if (i > 0 && i < typed.length - 1) typing.push(took);
    }
    await edit(at, typed.length, '');
    if (text !== original) throw new Error('the bench lost track of the text');

    const peak = client.serverMemory('VmHWM');
    await client.shutdown();
    const inProcess: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      t = performance.now();
      analyzeDocument(original);
      inProcess.push(performance.now() - t);
    }
    console.log(
      `| ${countStates(original)} | ${ms(open)} | ${ms(comment)} | ${ms(stateEdit)} | ${ms(nested)} | ${ms(median(typing))} | ${ms(median(inProcess))} | ${mb(peak)} |`,
    );
  }
}
