/** What a run may use before it is stopped. */
export interface RunLimits {
  /** The worker's V8 heap (old generation), in MB. */
  memoryMb: number;
  /** Wall-clock seconds for the whole run; 0 for no limit. */
  timeoutSeconds: number;
}

export const DEFAULT_LIMITS: RunLimits = { memoryMb: 512, timeoutSeconds: 120 };

/** Each JSONata evaluation: real milliseconds and nesting depth before States.QueryEvaluationError. */
export const JSONATA_BUDGET = { timeoutMs: 10_000, maxDepth: 50_000 };

/** The `asl.execution` settings as the client sent them (untrusted): numbers in range, else the defaults. */
export function toRunLimits(section: unknown): RunLimits {
  const read = (key: string, min: number, max: number, fallback: number): number => {
    if (!section || typeof section !== 'object' || !Object.hasOwn(section, key)) return fallback;
    const value = (section as Record<string, unknown>)[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
  };
  return {
    memoryMb: read('memoryLimitMb', 32, 16_384, DEFAULT_LIMITS.memoryMb),
    timeoutSeconds: read('timeoutSeconds', 0, 86_400, DEFAULT_LIMITS.timeoutSeconds),
  };
}
