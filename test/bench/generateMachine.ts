/**
 * Builds a realistic state machine of about `states` states for benchmarks: chains of Task, Pass and Choice
 * states with retries, catchers, intrinsics and paths, and a Parallel (two branches) and an inline Map every
 * 40 states. Names are unique machine-wide.
 */
export function generateMachine(states: number): string {
  const root: Record<string, unknown> = {};
  const block = (prefix: string, size: number, depth: number): Record<string, unknown> => {
    const names: string[] = [];
    const body: Record<string, unknown> = {};
    for (let i = 0; i < size; i++) names.push(`${prefix} step ${i}`);
    names.forEach((name, i) => {
      const next = names[i + 1];
      const flow = next ? { Next: next } : { End: true };
      if (depth === 0 && i % 40 === 20 && i + 1 < names.length) {
        body[name] = {
          Type: 'Parallel',
          Branches: [block(`${name} left`, 5, depth + 1), block(`${name} right`, 5, depth + 1)],
          ResultPath: '$.parallel',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: names[names.length - 1] }],
          ...flow,
        };
      } else if (depth === 0 && i % 40 === 30 && i + 1 < names.length) {
        body[name] = {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 5,
          ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
          ItemProcessor: block(`${name} item`, 5, depth + 1),
          ResultPath: '$.mapped',
          ...flow,
        };
      } else if (i % 3 === 0) {
        body[name] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:work', 'Payload.$': '$', 'label.$': "States.Format('step {}', $.count)" },
          ResultSelector: { 'body.$': '$.Payload' },
          ResultPath: '$.result',
          Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
          TimeoutSeconds: 60,
          ...flow,
        };
      } else if (i % 3 === 1 && next) {
        body[name] = {
          Type: 'Choice',
          Choices: [{ Variable: '$.count', NumericGreaterThan: 10, Next: next }],
          Default: next,
        };
      } else {
        body[name] = { Type: 'Pass', Parameters: { 'count.$': 'States.MathAdd($.count, 1)', 'items.$': '$.items' }, ...flow };
      }
    });
    return { StartAt: names[0], States: body };
  };
  // Every 40 root states bring a Parallel (10 nested states) and a Map (5 nested): size the root chain so the
  // total lands near the requested count.
  const machine = block('Root', Math.max(1, Math.round((states * 40) / 55)), 0);
  Object.assign(root, { Comment: `Generated machine of ${states} states`, ...machine });
  return JSON.stringify(root, null, 2);
}

export function countStates(text: string): number {
  return (text.match(/"Type": "/g) ?? []).length;
}
