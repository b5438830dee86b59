import { getProperty, getValue } from '../../document/ast';
import type { Scope, StateModel } from '../../model/types';
import { parseResource } from '../../spec/resourceArns';
import { isPlaceholderNode } from '../placeholders';
import type { Rule, ValidationContext } from '../types';

/**
 * What an Express workflow refuses (asl-reference §0.12; developer guide "Optimized integrations for Step
 * Functions": Express supports Request Response only; AWS's messages, recorded in corpus/aws-recorded-messages.json:
 * `Express state machine does not support '.sync' service integration`, `... '.waitForTaskToken' service
 * integration`, `... does not support Activity ARN`), and Distributed Map ("Using Map state in Distributed mode":
 * a Standard parent only). The machine is Express when the settings say so (`asl.stateMachineType`, `asl run
 * --type express`); the children of a Distributed Map whose ExecutionType is EXPRESS are Express workflows too.
 */
export const expressUnsupported: Rule = {
  code: 'express-unsupported',
  defaultSeverity: 'error',
  locality: 'machine',
  description:
    "An Express workflow (the machine when its type is EXPRESS, or a Distributed Map's EXPRESS children) has no '.sync', '.waitForTaskToken', Activity or Distributed Map.",
  example: {
    bad: '{ "StartAt": "M", "States": { "M": { "Type": "Map", "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS" }, "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "End": true } } }, "End": true } } }',
    fixed: '{ "StartAt": "M", "States": { "M": { "Type": "Map", "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "End": true } } }, "End": true } } }',
  },
  check(ctx) {
    const machineExpress = ctx.settings.stateMachineType === 'EXPRESS';
    for (const state of ctx.model.states) {
      const where = expressOwner(state.scope, machineExpress);
      if (where) checkState(ctx, state, where);
    }
  },
};

/** Why the state's workflow is Express ('the machine' or the Distributed Map running it), or undefined. */
function expressOwner(scope: Scope, machineExpress: boolean): string | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (!s.distributed || !s.owner) continue;
    const config = getProperty(s.node, 'ProcessorConfig')?.value;
    const type = getValue(config, 'ExecutionType');
    // The nearest Distributed Map decides: its children are separate executions of its ExecutionType.
    return type?.kind === 'string' && type.value === 'EXPRESS' ? `the EXPRESS children of Distributed Map '${s.owner.name}'` : undefined;
  }
  return machineExpress ? 'this Express state machine' : undefined;
}

function checkState(ctx: ValidationContext, state: StateModel, where: string): void {
  if (state.type === 'Task') {
    const resource = getValue(state.node, 'Resource');
    if (resource?.kind !== 'string' || isPlaceholderNode(resource, ctx.settings.allowPlaceholders)) return;
    const parsed = parseResource(resource.value);
    let what: string | undefined;
    if (parsed.kind === 'activity') what = 'does not support Activity ARN';
    else if ((parsed.kind === 'integration' || parsed.kind === 'sdk') && parsed.pattern !== 'requestResponse') {
      what = `does not support '.${parsed.pattern === 'waitForTaskToken' ? 'waitForTaskToken' : 'sync'}' service integration`;
    }
    if (what) ctx.report({ span: resource.span, message: `Express state machine ${what} (${where})` });
  } else if (state.type === 'Map' && state.children.some((c) => c.distributed)) {
    const key = getProperty(state.node, 'ItemProcessor') ?? getProperty(state.node, 'Iterator');
    ctx.report({ span: key?.keySpan ?? state.nameSpan, message: `Express state machine does not support Distributed Map: its parent must be a Standard workflow (${where})` });
  }
}
