import { asStatesError, DATA_LIMIT, type Execution } from './execution';
import type { StateRun } from './runState';
import { StatesError } from './statesError';
import { VariableScope } from './variables';
import { batchItems } from './itemReader';
import { MissingMockError } from './mocks';

type Obj = Record<string, unknown>;

/** Runs every branch on the same input; the result is the outputs in branch order (asl-reference §5.7). */
export async function runParallel(ex: Execution, run: StateRun, input: unknown): Promise<unknown[]> {
  const branches = (run.state.Branches as Obj[]) ?? [];
  const started = ex.emit('ParallelStateStarted', {});
  try {
    const results = await Promise.all(
      branches.map((block) => ex.runBlock({ block, variables: new VariableScope(run.frame.variables), queryLanguage: topLanguage(ex) }, input)),
    );
    ex.emit('ParallelStateSucceeded', {}, started);
    return checkDataLimit(run.name, results);
  } catch (error) {
    const e = asStatesError(error);
    ex.emit('ParallelStateFailed', { error: e.error, cause: e.causeText }, started);
    throw e;
  }
}

/**
 * Runs the item processor for each item, at most MaxConcurrency at a time (0 = all), results in item order;
 * a Distributed Map tolerates ToleratedFailureCount/Percentage failed items (asl-reference §5.8).
 */
export async function runMap(
  ex: Execution,
  run: StateRun,
  givenItems: unknown,
  select: (item: unknown, index: number) => unknown,
  batchInput?: unknown,
): Promise<unknown> {
  if (!Array.isArray(givenItems)) throw new StatesError('States.Runtime', `Map '${run.name}' needs an array of items, got ${givenItems === null ? 'null' : typeof givenItems}`);
  const state = run.state;
  let items: unknown[] = givenItems;
  if (state.ItemBatcher && typeof state.ItemBatcher === 'object') {
    // Each item is shaped by ItemSelector first; then each batch is one child's input.
    const selected = await Promise.all(items.map((item, index) => select(item, index)));
    items = batchItems(selected, state.ItemBatcher as Obj, batchInput);
    select = (batch) => batch;
  }
  const processor = (state.ItemProcessor ?? state.Iterator) as Obj;
  const config = (processor.ProcessorConfig ?? {}) as Obj;
  const distributed = config.Mode === 'DISTRIBUTED';
  const limit = typeof state.MaxConcurrency === 'number' && state.MaxConcurrency > 0 ? state.MaxConcurrency : items.length || 1;
  const started = ex.emit('MapStateStarted', { mapStateStartedEventDetails: { length: items.length } });
  const results: unknown[] = new Array(items.length);
  const failures: StatesError[] = [];
  const failedIndexes = new Set<number>();
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      const iterationName = `${run.name}`;
      ex.emit('MapIterationStarted', { mapIterationStartedEventDetails: { name: iterationName, index } }, started);
      try {
        const itemInput = await select(items[index], index);
        // A Distributed Map's children are separate executions: they cannot read outer variables.
        const variables = new VariableScope(distributed ? undefined : run.frame.variables);
        results[index] = await ex.runBlock({ block: processor, variables, queryLanguage: topLanguage(ex), mapItem: { Index: index, Value: items[index] } }, itemInput);
        ex.emit('MapIterationSucceeded', { mapIterationSucceededEventDetails: { name: iterationName, index } }, started);
      } catch (error) {
        const e = asStatesError(error);
        ex.emit('MapIterationFailed', { mapIterationFailedEventDetails: { name: iterationName, index, error: e.error, cause: e.causeText } }, started);
        // A Task without a mock is a setup error: no tolerated-failure threshold hides it.
        if (!distributed || e.error === 'States.Aborted' || e instanceof MissingMockError) throw e;
        failures.push(e);
        failedIndexes.add(index);
        results[index] = { Error: e.error, Cause: e.causeText };
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, Math.max(items.length, 1)) }, worker));
  } catch (error) {
    ex.emit('MapStateFailed', {}, started);
    throw error;
  }
  if (failures.length > 0) {
    const count = typeof state.ToleratedFailureCount === 'number' ? state.ToleratedFailureCount : 0;
    const percentage = typeof state.ToleratedFailurePercentage === 'number' ? state.ToleratedFailurePercentage : 0;
    if (failures.length > count && (failures.length / items.length) * 100 > percentage) {
      ex.emit('MapStateFailed', {}, started);
      throw new StatesError('States.ExceedToleratedFailureThreshold', `${failures.length} of ${items.length} items failed in Map '${run.name}'`);
    }
  }
  ex.emit('MapStateSucceeded', {}, started);
  if (state.ResultWriter && typeof state.ResultWriter === 'object' && (state.ResultWriter as Obj).Resource) {
    // With a ResultWriter AWS returns where the results went, not the results (asl-reference §5.8.2).
    const params = ((state.ResultWriter as Obj).Parameters ?? (state.ResultWriter as Obj).Arguments ?? {}) as Obj;
    const mapRun = `${run.name.replace(/[^\w.-]+/g, '-')}-${started}`;
    const prefix = `${String(params.Bucket ?? 'bucket')}/${String(params.Prefix ?? '').replace(/^\/+/, '')}${mapRun}/`;
    if (ex.options.writeResult) {
      // AWS writes the child results as SUCCEEDED_0.json / FAILED_0.json and a manifest.json describing them.
      const succeeded = results.filter((_, i) => !failedIndexes.has(i));
      const failed = results.filter((_, i) => failedIndexes.has(i));
      await ex.options.writeResult(`${prefix}SUCCEEDED_0.json`, JSON.stringify(succeeded, null, 2));
      if (failed.length) await ex.options.writeResult(`${prefix}FAILED_0.json`, JSON.stringify(failed, null, 2));
      await ex.options.writeResult(`${prefix}manifest.json`, JSON.stringify({ DestinationBucket: params.Bucket, MapRunArn: `arn:aws:states:us-east-1:123456789012:mapRun:${mapRun}`, ResultFiles: { SUCCEEDED: [{ Key: `${prefix}SUCCEEDED_0.json`, Size: succeeded.length }], FAILED: failed.length ? [{ Key: `${prefix}FAILED_0.json`, Size: failed.length }] : [] } }, null, 2));
    }
    return {
      MapRunArn: `arn:aws:states:us-east-1:123456789012:mapRun:${mapRun}`,
      ResultWriterDetails: { Bucket: params.Bucket ?? '', Key: `${String(params.Prefix ?? '')}${mapRun}/manifest.json` },
    };
  }
  return checkDataLimit(run.name, results);
}

/** A Map or Parallel result over 256 KiB fails like AWS, with States.DataLimitExceeded (asl-reference §8). */
function checkDataLimit<T>(name: string, value: T): T {
  const size = new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  if (size > DATA_LIMIT) throw new StatesError('States.DataLimitExceeded', `The result of '${name}' is ${size} bytes; the limit is ${DATA_LIMIT}`);
  return value;
}

function topLanguage(ex: Execution): 'JSONPath' | 'JSONata' {
  return (ex.options.definition as Obj).QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
}
