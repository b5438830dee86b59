type Obj = Record<string, unknown>;

/** One processing step of a tested state, for the Test State view and `asl test-state --format text`. */
export interface TestStateStep {
  /** Input, InputPath, Parameters, Arguments, Result, ResultSelector, ResultPath, OutputPath, Output, Assign. */
  step: string;
  /** The field as the state writes it; undefined when the state does not set it (the value passes through). */
  field?: unknown;
  /** The value after this step (Assign: every variable after it); undefined when the step was not reached. */
  value?: unknown;
  /** What the value is compared with to show what changed, when not the previous row's value (Assign: the variables before). */
  before?: unknown;
  reached: boolean;
}

/** What the run of one state recorded, step by step (undefined: not reached). */
export interface StepValues {
  input: unknown;
  afterInputPath?: unknown;
  afterParameters?: unknown;
  afterArguments?: unknown;
  result?: unknown;
  afterResultSelector?: unknown;
  afterResultPath?: unknown;
  output?: unknown;
  hasOutput: boolean;
  variablesBefore: Obj;
  variablesAfter: Obj;
}

// Which steps each state type has (asl-reference §4, "Input and output processing"; §0.4 for JSONata).
const JSONPATH_STEPS: Record<string, string[]> = {
  Task: ['InputPath', 'Parameters', 'Result', 'ResultSelector', 'ResultPath', 'OutputPath', 'Assign'],
  Parallel: ['InputPath', 'Parameters', 'Result', 'ResultSelector', 'ResultPath', 'OutputPath', 'Assign'],
  Map: ['InputPath', 'Result', 'ResultSelector', 'ResultPath', 'OutputPath', 'Assign'],
  Pass: ['InputPath', 'Parameters', 'Result', 'ResultPath', 'OutputPath', 'Assign'],
  Choice: ['InputPath', 'OutputPath', 'Assign'],
  Wait: ['InputPath', 'OutputPath', 'Assign'],
  Succeed: ['InputPath', 'OutputPath'],
  Fail: [],
};
const JSONATA_STEPS: Record<string, string[]> = {
  Task: ['Arguments', 'Result', 'Output', 'Assign'],
  Parallel: ['Arguments', 'Result', 'Output', 'Assign'],
  Map: ['Result', 'Output', 'Assign'],
  Pass: ['Output', 'Assign'],
  Choice: ['Output', 'Assign'],
  Wait: ['Output', 'Assign'],
  Succeed: ['Output'],
  Fail: [],
};

/** The rows of a tested state: its input, then each step its type has, with the value after it. */
export function testStateSteps(state: Obj, language: 'JSONPath' | 'JSONata', values: StepValues): TestStateStep[] {
  const type = String(state.Type);
  const steps: TestStateStep[] = [{ step: 'Input', value: values.input, reached: true }];
  const names = (language === 'JSONata' ? JSONATA_STEPS : JSONPATH_STEPS)[type] ?? [];
  for (const step of names) {
    const field = step === 'Result' ? (type === 'Pass' ? state.Result : undefined) : state[step];
    const value = valueAfter(step, values);
    const reached = step === 'Assign' ? values.hasOutput : value !== undefined || (step === 'Output' && values.hasOutput);
    // Assign changes the variables, and ResultPath puts the result into the state's input: compare with those.
    const before = step === 'Assign' ? { before: values.variablesBefore } : step === 'ResultPath' ? { before: values.input } : {};
    steps.push({ step, field, value: reached ? value : undefined, reached, ...before });
  }
  return steps;
}

function valueAfter(step: string, v: StepValues): unknown {
  switch (step) {
    case 'InputPath':
      return v.afterInputPath;
    case 'Parameters':
      return v.afterParameters;
    case 'Arguments':
      return v.afterArguments;
    case 'Result':
      return v.result;
    case 'ResultSelector':
      return v.afterResultSelector;
    case 'ResultPath':
      return v.afterResultPath;
    case 'OutputPath':
    case 'Output':
      return v.hasOutput ? v.output : undefined;
    case 'Assign':
      return v.variablesAfter;
  }
  return undefined;
}
