import { Execution } from './execution';
import type { ExecutionResult, RunOptions } from './types';

/**
 * Runs a definition already checked (prepareDefinition.ts validates one): the engine alone, without the validator
 * and the YAML parser, so a process that only runs loads neither.
 */
export function runExecution(options: RunOptions): Promise<ExecutionResult> {
  return new Execution(options).run();
}
