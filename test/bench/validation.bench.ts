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
 * Then a misspelled Next (issue 12): the same machines with one `Next` misspelled, so "did you mean" looks through
 * every name of the block; target: well under 100 ms more than the correct machine.
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
  await misspelledNext();
}

/** A correct machine against the same machine with one Next misspelled: full analysis in-process, and the edit. */
async function misspelledNext(): Promise<void> {
  console.log('\n| states | full analysis | with a misspelled Next | extra | edit that misspells it → diagnostics |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const size of [2000, 5000]) {
    const original = generateMachine(size);
    // A Next between two root states (not inside a branch), so the search runs over the root block's names.
    const rootNext = /"Next": "Root step \d+"/g;
    rootNext.lastIndex = original.length / 2;
    const target = rootNext.exec(original)!.index + '"Next": "Root s'.length;
    const misspelled = `${original.slice(0, target)}pte${original.slice(target + 3)}`;
    const time = (text: string) => {
      const times: number[] = [];
      for (let i = 0; i < WARM_UP + WARM_RUNS; i++) {
        const t = performance.now();
        const problems = analyzeDocument(text).problems;
        if (i >= WARM_UP) times.push(performance.now() - t);
        if (text === misspelled && !problems.some((p) => p.code === 'unknown-state' && /Did you mean/.test(p.message))) {
          throw new Error('the misspelled Next got no suggestion');
        }
      }
      return median(times);
    };
    const correct = time(original);
    const wrong = time(misspelled);
    const client = await LspClient.start({ initializationOptions: { validationDelayMs: 0 } });
    const uri = LspClient.uri(`bench-misspelled-${size}.asl.json`);
    await client.open(uri, original);
    await client.waitForDiagnostics(uri, () => true, 60_000);
    const edits: number[] = [];
    let text = original;
    for (let i = 0; i < WARM_UP + WARM_RUNS; i++) {
      const next = i % 2 ? original : misspelled;
      const range = LspClient.range(text, target, 3);
      const start = performance.now();
      await client.changeAt(uri, range, next.slice(target, target + 3));
      await client.waitForDiagnostics(uri, () => true, 60_000);
      if (i >= WARM_UP && next === misspelled) edits.push(performance.now() - start);
      text = next;
    }
    await client.shutdown();
    console.log(`| ${countStates(original)} | ${ms(correct)} | ${ms(wrong)} | ${ms(wrong - correct)} | ${ms(median(edits))} |`);
  }
}
