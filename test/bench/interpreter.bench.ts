/**
 * Interpreter throughput (issue 4): a 100,000-iteration Choice loop with States.MathAdd; a Map over 10,000 items
 * of 3 Pass states; a Parallel of 50 branches of 100 states; 1,000 Task calls with one retry each.
 * Reports state transitions per second and the process's peak RSS growth. Events are streamed, not kept.
 */
import { performance } from 'node:perf_hooks';
import { runExecution } from '../../server/src/interpreter/runExecution';
import { StatesError } from '../../server/src/interpreter/statesError';
import type { TaskInvoker } from '../../server/src/interpreter/types';
import { VirtualClock } from '../../server/src/interpreter/virtualClock';
import { testServices } from '../unit/interpreter/runMachine';
import { mb } from './stats';

const chain = (prefix: string, n: number) => {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) states[`${prefix}${i}`] = { Type: 'Pass', ...(i + 1 < n ? { Next: `${prefix}${i + 1}` } : { End: true }) };
  return { StartAt: `${prefix}0`, States: states };
};

const CASES: { name: string; definition: unknown; input: unknown; invoke?: TaskInvoker }[] = [
  {
    name: 'Choice loop, 100,000 iterations with States.MathAdd',
    definition: {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: 0, ResultPath: '$.i', Next: 'Check' },
        Check: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: 100000, Next: 'Add' }], Default: 'Done' },
        Add: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: {},
  },
  {
    name: 'Map over 10,000 items of 3 Pass states',
    definition: { StartAt: 'M', States: { M: { Type: 'Map', MaxConcurrency: 0, ItemProcessor: chain('P', 3), End: true } } },
    input: Array.from({ length: 10000 }, (_, i) => ({ i })),
  },
  {
    name: 'Parallel of 50 branches of 100 states',
    definition: { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: Array.from({ length: 50 }, (_, b) => chain(`B${b}-`, 100)), End: true } } },
    input: {},
  },
  {
    name: '1,000 Task calls with one retry each',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 1 }], End: true } } },
          End: true,
        },
      },
    },
    input: Array.from({ length: 1000 }, (_, i) => ({ i })),
    invoke: (() => {
      const seen = new Set<number>();
      return async (r) => {
        const i = (r.input as { i: number }).i;
        if (!seen.has(i)) {
          seen.add(i);
          throw new StatesError('Flaky', 'first call fails');
        }
        return { ok: i };
      };
    })(),
  },
];

export async function run(): Promise<void> {
  console.log('| case | transitions | time | transitions/s | RSS growth |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const c of CASES) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let transitions = 0;
    const t = performance.now();
    const result = await runExecution({
      definition: c.definition,
      input: c.input,
      invokeTask: c.invoke ?? (async () => ({})),
      clock: new VirtualClock(0),
      services: testServices,
      recordEvents: false,
      eventDetail: 'summary',
      maxEvents: Number.MAX_SAFE_INTEGER,
      onEvent: (e) => {
        if (e.type.endsWith('StateEntered')) {
          transitions++;
          if ((transitions & 4095) === 0) peak = Math.max(peak, process.memoryUsage().rss);
        }
      },
    });
    const ms = performance.now() - t;
    if (result.status !== 'SUCCEEDED') throw new Error(`${c.name}: ${result.error} ${result.cause}`);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`| ${c.name} | ${transitions} | ${ms.toFixed(0)} ms | ${Math.round(transitions / (ms / 1000)).toLocaleString('en-US')} | ${mb(peak - rssBefore)} |`);
  }
}
