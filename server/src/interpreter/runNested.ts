import { checkDataLimit } from './dataLimit';
import { asStatesError, type Execution, type Frame } from './execution';
import type { StateRun } from './runState';
import { FatalError, StatesError } from './statesError';
import { StopScope } from './stopScope';
import { VariableScope } from './variables';
import { batchItems } from './itemReader';
import { MissingMockError } from './mocks';
import { writeMapResults } from './resultWriter';
import { exceedsTolerance, type MapLimits } from './mapLimits';

type Obj = Record<string, unknown>;

/**
 * At most this many iterations at once: an Inline Map runs up to 40 concurrent iterations whatever MaxConcurrency
 * says (0 means "as many as possible"), a Distributed Map up to 10,000 child executions (asl-reference §5.8, §12;
 * AWS developer guide, "Map state in Inline mode" and service quotas).
 */
export const INLINE_MAP_CONCURRENCY = 40;
export const DISTRIBUTED_MAP_CONCURRENCY = 10_000;

/**
 * Runs every branch on the same input; the result is the outputs in branch order (asl-reference §5.7). When one
 * branch fails, the others stop at their next transition.
 */
export async function runParallel(ex: Execution, run: StateRun, input: unknown): Promise<unknown[]> {
  const branches = (run.state.Branches as Obj[]) ?? [];
  const started = ex.emit('ParallelStateStarted', {}, run.entered);
  const scope = new StopScope(run.frame.scope);
  try {
    checkDataLimit(run.name, input);
    const debug = ex.options.debug;
    const results = await Promise.all(
      branches.map((block, index) => {
        const frame: Frame = { block, variables: new VariableScope(run.frame.variables), queryLanguage: topLanguage(ex), scope, parentEvent: started };
        if (debug !== undefined) debug.blockStarted(frame, run, index);
        // One `then` either way, so a debugger that does not stop leaves the branches' interleaving as it is.
        return ex.runBlock(frame, input).then(
          (output) => {
            frame.variables.release();
            if (debug !== undefined) debug.blockEnded(frame);
            return output;
          },
          (error: unknown) => {
            frame.variables.release();
            if (debug !== undefined) debug.blockEnded(frame);
            scope.stop(asStatesError(error));
            throw error;
          },
        );
      }),
    );
    ex.emit('ParallelStateSucceeded', {}, started);
    checkDataLimit(run.name, results);
    ex.resultWithinLimit = results;
    return results;
  } catch (error) {
    const e = asStatesError(error);
    if (!(e instanceof FatalError)) ex.emit('ParallelStateFailed', { error: e.error, cause: e.causeText }, started);
    throw e;
  }
}

export interface MapOptions extends MapLimits {
  batchInput?: unknown;
  /**
   * The items are parts of the state's input, already within the payload limit: an item passed on as it is (no
   * ItemSelector, no batching) is not measured again. Not so for items read by an ItemReader or made by JSONata.
   */
  itemsWithinLimit?: boolean;
}

/**
 * Runs the item processor for each item, at most MaxConcurrency at a time (within the caps above), starting each
 * iteration only when a worker is free; results in item order. An Inline Map stops at its first failed
 * iteration; a Distributed Map tolerates ToleratedFailureCount/Percentage failed items (asl-reference §5.8).
 */
export async function runMap(
  ex: Execution,
  run: StateRun,
  givenItems: unknown,
  select: (item: unknown, index: number) => unknown,
  options: MapOptions = {},
): Promise<unknown> {
  if (!Array.isArray(givenItems)) throw new StatesError('States.Runtime', `Map '${run.name}' needs an array of items, got ${givenItems === null ? 'null' : typeof givenItems}`);
  const state = run.state;
  const processor = (state.ItemProcessor ?? state.Iterator) as Obj;
  const config = (processor.ProcessorConfig ?? {}) as Obj;
  const distributed = config.Mode === 'DISTRIBUTED';
  const requested = options.maxConcurrency ?? 0;
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0) {
    throw new StatesError('States.Runtime', `The MaxConcurrency of Map '${run.name}' must be a non-negative integer, not ${JSON.stringify(requested)}`);
  }
  const cap = distributed ? DISTRIBUTED_MAP_CONCURRENCY : INLINE_MAP_CONCURRENCY;
  const limit = requested > 0 ? Math.min(requested, cap) : cap;
  let items: unknown[] = givenItems;
  let itemsWithinLimit = options.itemsWithinLimit === true;
  if (state.ItemBatcher && typeof state.ItemBatcher === 'object') {
    itemsWithinLimit = false;
    // Each item is shaped by ItemSelector first (one at a time); then each batch is one child's input.
    const selected: unknown[] = [];
    for (let index = 0; index < items.length; index++) {
      ex.checkRunning(run.frame);
      selected.push(await select(items[index], index));
    }
    items = batchItems(selected, state.ItemBatcher as Obj, options.batchInput);
    select = (batch) => batch;
  }
  const started = ex.emit('MapStateStarted', { mapStateStartedEventDetails: { length: items.length } }, run.entered);
  const results: unknown[] = new Array(items.length);
  const scope = new StopScope(run.frame.scope);
  let failures = 0;
  const failedIndexes = new Set<number>();
  let nextIndex = 0;
  const iterationName = run.name;
  // Event details are built only when someone reads the history.
  const listening = ex.listening;
  const worker = async () => {
    while (nextIndex < items.length) {
      ex.checkRunning(run.frame);
      scope.check();
      const index = nextIndex++;
      const iteration = ex.emitUnder('MapIterationStarted', 'mapIterationStartedEventDetails', listening ? { name: iterationName, index } : undefined, started);
      try {
        const selected = select(items[index], index);
        const itemInput = selected instanceof Promise ? await selected : selected;
        if (!itemsWithinLimit || itemInput !== items[index]) checkDataLimit(run.name, itemInput);
        // A Distributed Map's children are separate executions: they cannot read outer variables.
        const variables = new VariableScope(distributed ? undefined : run.frame.variables);
        const frame: Frame = { block: processor, variables, queryLanguage: topLanguage(ex), mapItem: { Index: index, Value: items[index] }, scope, parentEvent: iteration };
        const debug = ex.options.debug;
        if (debug !== undefined) debug.blockStarted(frame, run, index);
        try {
          results[index] = await ex.runBlock(frame, itemInput);
        } finally {
          variables.release();
          if (debug !== undefined) debug.blockEnded(frame);
        }
        ex.emitUnder('MapIterationSucceeded', 'mapIterationSucceededEventDetails', listening ? { name: iterationName, index } : undefined, started);
      } catch (error) {
        const e = asStatesError(error);
        if (e instanceof FatalError) throw e;
        ex.emit('MapIterationFailed', { mapIterationFailedEventDetails: { name: iterationName, index, error: e.error, cause: e.causeText } }, started);
        // A Task without a mock is a setup error: no tolerated-failure threshold hides it.
        if (!distributed || e.error === 'States.Aborted' || e instanceof MissingMockError) {
          scope.stop(e);
          throw e;
        }
        failures++;
        failedIndexes.add(index);
        results[index] = { Error: e.error, Cause: e.causeText };
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  } catch (error) {
    scope.stop(asStatesError(error));
    if (!(error instanceof FatalError)) ex.emit('MapStateFailed', {}, started);
    throw error;
  }
  // Whichever threshold is breached first fails the Map (asl-reference §5.8).
  if (exceedsTolerance(failures, items.length, options)) {
    ex.emit('MapStateFailed', {}, started);
    throw new StatesError('States.ExceedToleratedFailureThreshold', `${failures} of ${items.length} items failed in Map '${run.name}'`);
  }
  ex.emit('MapStateSucceeded', {}, started);
  if (state.ResultWriter && typeof state.ResultWriter === 'object' && (state.ResultWriter as Obj).Resource) {
    return writeMapResults(ex, run.name, state.ResultWriter as Obj, started, results, failedIndexes);
  }
  checkDataLimit(run.name, results);
  ex.resultWithinLimit = results;
  return results;
}

function topLanguage(ex: Execution): 'JSONPath' | 'JSONata' {
  return (ex.options.definition as Obj).QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
}
