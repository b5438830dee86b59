import { DEFAULT_LIMITS, type RunLimits } from '../execution/runLimits';
import type { FlagKind, ParsedArgs } from './parseArgs';

/** The flags `asl run` and `asl test-state` share to bound the worker a run happens in. */
export const runLimitFlags: Record<string, FlagKind> = { timeout: 'string', memory: 'string' };

export const RUN_LIMITS_USAGE = `  --timeout SECONDS   stop the run after this many real seconds (default ${DEFAULT_LIMITS.timeoutSeconds}; 0: no limit)
  --memory MB         the run's memory limit (default ${DEFAULT_LIMITS.memoryMb})
`;

/** The limits from `--timeout` and `--memory`, or a message saying what is wrong with them. */
export function runLimitsOf(flags: ParsedArgs['flags']): RunLimits | string {
  const number = (name: string, min: number, fallback: number): number | string => {
    const text = flags[name];
    if (typeof text !== 'string') return fallback;
    const value = Number(text);
    return text.trim() !== '' && Number.isFinite(value) && value >= min ? value : `--${name} needs a number of at least ${min} (got '${text}')`;
  };
  const timeoutSeconds = number('timeout', 0, DEFAULT_LIMITS.timeoutSeconds);
  const memoryMb = number('memory', 32, DEFAULT_LIMITS.memoryMb);
  if (typeof timeoutSeconds === 'string') return timeoutSeconds;
  if (typeof memoryMb === 'string') return memoryMb;
  return { timeoutSeconds, memoryMb };
}
