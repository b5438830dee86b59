import type { StateModel } from '../model/types';
import type { ScopeReachability } from './scopeGraph';
import type { RelatedPlace } from './types';

/** States of the block that StartAt does not reach (first of each name; none when StartAt itself is broken). */
export function unreachedStates({ scope, reached }: ScopeReachability): StateModel[] {
  if (reached.size === 0) return [];
  return scope.states.filter((state) => !reached.has(state) && scope.byName.get(state.name) === state);
}

/** Why the block can never finish, if it cannot: no terminal state at all, or none reachable from StartAt. */
export function noEndMessage({ scope, canEnd, terminals }: ScopeReachability): string | undefined {
  const start = scope.startAt?.target;
  if (!start || scope.states.length === 0) return undefined;
  if (terminals.length === 0) return 'This States block has no terminal state: add a Succeed or Fail state, or "End": true';
  if (!canEnd.has(start)) return `No path from '${start.name}' leads to a terminal state: the execution could never finish`;
  return undefined;
}

/**
 * What a broken reference costs its block, as related places of the reference's problem: the states it cuts off
 * and the missing way to an end. unreachable-state and no-terminal-state stay silent while the block has a broken
 * reference, so one mistake shows as one problem.
 */
export function consequencesOfBrokenReference(block: ScopeReachability): RelatedPlace[] {
  const related: RelatedPlace[] = unreachedStates(block).map((state) => ({
    span: state.nameSpan,
    message: `State '${state.name}' cannot be reached while this reference is broken`,
  }));
  const noEnd = noEndMessage(block);
  if (noEnd && block.scope.startAt) related.push({ span: block.scope.startAt.node.span, message: noEnd });
  return related;
}
