import type { DebugEvents } from '../protocol';

export type LaunchArguments = DebugEvents.LaunchArguments;

/** The launch configuration checked field by field (it comes from a user's launch.json): the typed one, or what is wrong. */
export function checkLaunchArguments(raw: unknown): LaunchArguments | { error: string } {
  const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const has = (key: string) => Object.hasOwn(a, key) && a[key] !== undefined && a[key] !== null;
  if (typeof a.program !== 'string' || a.program.trim() === '') return { error: "The launch configuration needs 'program': the state machine file to debug (.asl.json, .asl.yaml, or a SAM/CloudFormation/Serverless/Terraform file)" };
  for (const key of ['stateMachine', 'inputFile', 'mocks', 'testCase', 'handlers'] as const) {
    if (has(key) && typeof a[key] !== 'string') return { error: `'${key}' must be a string` };
  }
  for (const key of ['stopOnEntry', 'stopBetweenSteps', 'noDebug'] as const) {
    if (has(key) && typeof a[key] !== 'boolean') return { error: `'${key}' must be true or false` };
  }
  if (has('input') && has('inputFile')) return { error: "Give 'input' or 'inputFile', not both" };
  if (has('machineType') && a.machineType !== 'STANDARD' && a.machineType !== 'EXPRESS') return { error: "'machineType' must be \"STANDARD\" or \"EXPRESS\"" };
  if (has('clock') && a.clock !== 'virtual' && a.clock !== 'real') return { error: "'clock' must be \"virtual\" or \"real\"" };
  if (has('substitutions')) {
    const subs = a.substitutions;
    if (typeof subs !== 'object' || Array.isArray(subs)) return { error: "'substitutions' must be an object of names to values" };
    for (const [name, value] of Object.entries(subs as object)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return { error: `The substitution '${name}' must be a string` };
    }
  }
  return a as unknown as LaunchArguments;
}
