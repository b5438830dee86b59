import { consequencesOfBrokenReference } from '../blockConsequences';
import { scopeReachability } from '../scopeGraph';
import { suggest } from '../suggest';
import { isPlaceholderNode } from '../placeholders';
import type { Rule } from '../types';

/**
 * data: `{ name, suggestions: string[], otherScope: boolean }` (quick fixes: each suggestion, "create state").
 * The first broken reference of a block also lists, as related places, the states it cuts off and the missing
 * way to an end, which unreachable-state and no-terminal-state then leave unsaid.
 */
export const unknownState: Rule = {
  code: 'unknown-state',
  defaultSeverity: 'error',
  locality: 'machine',
  description:
    'StartAt, Next, Default, Choice rule Next and Catch Next must name a state of the same States block (transitions never cross a branch or Map boundary).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "C": { "Type": "Succeed" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "C" }, "C": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    const blocks = scopeReachability(ctx.model);
    for (const ref of ctx.model.symbols.references) {
      if (ref.target || isPlaceholderNode(ref.node, ctx.settings.allowPlaceholders)) continue;
      const otherScope = ctx.model.symbols.definitions.has(ref.name);
      const suggestions = suggest(ref.name, ref.scope.byName.keys());
      const field = ref.kind === 'ChoiceNext' || ref.kind === 'CatchNext' ? 'Next' : ref.kind;
      let message = otherScope
        ? `'${field}' cannot go to '${ref.name}': that state is in another States block, and transitions cannot cross a Parallel branch or Map boundary`
        : `'${field}' refers to '${ref.name}', which is not a state in this States block`;
      if (!otherScope && suggestions.length > 0) message += `. Did you mean '${suggestions[0]}'?`;
      const block = blocks[ref.scope.id];
      const related = block.unresolved.find((r) => !isPlaceholderNode(r.node, ctx.settings.allowPlaceholders)) === ref ? consequencesOfBrokenReference(block) : [];
      ctx.report({ span: ref.node.span, message, data: { name: ref.name, suggestions, otherScope }, related });
    }
  },
};
