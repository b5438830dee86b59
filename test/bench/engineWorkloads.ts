/**
 * The four interpreter workloads of issue 17, as definitions both engines run: a Choice loop of 100,000
 * iterations (States.MathAdd), an inline Map over 10,000 items of 3 Pass states, a Parallel of 50 branches of
 * 100 states, and 1,000 Tasks that each fail once and are retried.
 */
export interface Workload {
  key: string;
  name: string;
  definition: Record<string, unknown>;
  input: unknown;
  /** The Task state that fails its first call per item (1,000 Tasks with a retry), if any. */
  flakyTask?: string;
  /** State transitions (states entered) in one run. */
  transitions: number;
  /**
   * Too long for a Standard workflow's 25,000 history events: run as an Express workflow would be (no history
   * kept or printed), with the cap lifted.
   */
  express?: boolean;
}

const chain = (prefix: string, n: number) => {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) states[`${prefix}${i}`] = { Type: 'Pass', ...(i + 1 < n ? { Next: `${prefix}${i + 1}` } : { End: true }) };
  return { StartAt: `${prefix}0`, States: states };
};

export const LOOP_ITERATIONS = 100_000;
export const MAP_ITEMS = 10_000;

/**
 * 100000 as "100,000" without toLocaleString: that loads ICU's locale data (about 7 MB of RSS) into every run's
 * process, which would weigh on both engines' peak memory and is neither engine's.
 */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A Choice loop counting to `iterations` with States.MathAdd: two transitions an iteration. */
function choiceLoop(key: string, iterations: number): Workload {
  return {
    key,
    name: `Choice loop, ${thousands(iterations)} iterations`,
    definition: {
      StartAt: 'Init',
      States: {
        // Parameters, not `Result: 0`: aws-local-stepfunctions ignores a falsy Pass Result.
        Init: { Type: 'Pass', Parameters: { i: 0 }, Next: 'Check' },
        Check: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: iterations, Next: 'Add' }], Default: 'Done' },
        Add: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: {},
    transitions: 2 * iterations + 3,
    express: true,
  };
}

/**
 * A workload whose definition and input are made when first read: a run's process holds only its own workload,
 * so its peak memory is that workload's (and the parent, which only names them, holds none).
 */
function built(about: Omit<Workload, 'definition' | 'input'>, make: () => Pick<Workload, 'definition' | 'input'>): Workload {
  let made: Pick<Workload, 'definition' | 'input'> | undefined;
  return {
    ...about,
    get definition() {
      return (made ??= make()).definition;
    },
    get input() {
      return (made ??= make()).input;
    },
  };
}

export const WORKLOADS: Workload[] = [
  choiceLoop('loop', LOOP_ITERATIONS),
  built({
    key: 'map',
    name: 'Inline Map, 10,000 items × 3 states',
    transitions: 3 * MAP_ITEMS + 1,
    express: true,
  }, () => ({
    definition: { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: chain('P', 3), End: true } } },
    input: Array.from({ length: MAP_ITEMS }, (_, i) => ({ i })),
  })),
  built({
    key: 'parallel',
    name: 'Parallel, 50 branches × 100 states',
    transitions: 50 * 100 + 1,
  }, () => ({
    definition: { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: Array.from({ length: 50 }, (_, b) => chain(`B${b}-`, 100)), End: true } } },
    input: {},
  })),
  built({
    key: 'tasks',
    name: '1,000 Tasks with a retry',
    flakyTask: 'T',
    transitions: 1000 + 1,
  }, () => ({
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'T',
            States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 1 }], End: true } },
          },
          End: true,
        },
      },
    },
    input: Array.from({ length: 1000 }, (_, i) => ({ i })),
  })),
];

/**
 * The plain loop the Map's cost per transition is compared with: as many transitions as the Map (30,003 against
 * 30,001), so both pay the same start-up of a cold engine (compiling the hot paths, growing the heap) per
 * transition. Ours only.
 */
export const LOOP_LIKE_MAP = choiceLoop('loop-like-map', (3 * MAP_ITEMS) / 2);

/** The empty run subtracted from each workload's: one Pass state. */
export const EMPTY: Workload = { key: 'empty', name: 'empty', definition: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, input: {}, transitions: 1 };

/** The task both engines call: fails with `Flaky` on an item's first call, then returns `{ ok: i }`. */
export function flakyTask(): (input: unknown) => Promise<unknown> {
  const seen = new Set<number>();
  return async (input) => {
    const i = (input as { i: number }).i;
    if (!seen.has(i)) {
      seen.add(i);
      // An Error without a stack trace: capturing one costs more than an engine's whole step, in both engines.
      throw Object.assign(Object.create(Error.prototype) as Error, { name: 'Flaky', message: 'first call fails' });
    }
    return { ok: i };
  };
}
