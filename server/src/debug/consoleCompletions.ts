import type { DebugProtocol } from '@vscode/debugprotocol';
import { INTRINSIC_SIGNATURES } from '../core/expressions/intrinsicSignatures';

const ROOTS = ['$states.input', '$states.context', '$states.result', '$states.errorOutput', '$$.Execution.Input', '$$.Execution.Id', '$$.State.Name', '$$.Map.Item.Index', '$$.Map.Item.Value'];

/**
 * Debug console completion: the variables in scope (`$name`), `$states` and context paths, and the intrinsic
 * functions, for the word being typed before `column` (1-based).
 */
export function completionItems(text: string, column: number, variables: string[]): DebugProtocol.CompletionItem[] {
  const before = text.slice(0, Math.max(0, column - 1));
  const word = /[$\w.]*$/.exec(before)?.[0] ?? '';
  const candidates: DebugProtocol.CompletionItem[] = [
    ...variables.map((v) => ({ label: `$${v}`, type: 'variable' as const })),
    ...ROOTS.map((r) => ({ label: r, type: 'property' as const })),
    ...Object.values(INTRINSIC_SIGNATURES).map((f) => ({ label: `${f.name}(`, type: 'function' as const, detail: f.doc })),
  ];
  return candidates
    .filter((c) => c.label.startsWith(word) && c.label !== word)
    .map((c) => ({ ...c, start: before.length - word.length, length: word.length }));
}
