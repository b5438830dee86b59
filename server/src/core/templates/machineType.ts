import type { AstNode } from '../document/ast';
import type { StateMachineType } from '../validation/types';

/**
 * A template's state machine type value read as the deploying tool reads it: `STANDARD` or `EXPRESS` (Serverless
 * and Terraform users also write it in lower case). Anything else (an intrinsic such as `!Ref Type`, a Terraform
 * variable) is not known before deployment: undefined.
 */
export function machineTypeOf(value: string | undefined): StateMachineType | undefined {
  const upper = value?.trim().toUpperCase();
  return upper === 'EXPRESS' || upper === 'STANDARD' ? upper : undefined;
}

/** The type a tree node holds, if it is a string naming one. */
export function machineTypeOfNode(node: AstNode | undefined): StateMachineType | undefined {
  return node?.kind === 'string' ? machineTypeOf(node.value) : undefined;
}
