import { substitutionUses } from './substitutionNames';

/** More names than a person answers one by one: the rest stay as written. */
const MAX_NAMES = 20;

/**
 * The `${Name}` a definition still holds once the template's values and placeholders are filled in (see
 * resolveDefinition): what only the user can give before a local run (a Terraform `var.x`, a Serverless
 * `${self:custom.x}`, a SAM name nothing defines). In order of first use, each once, at most 20.
 */
export function unresolvedSubstitutions(definition: unknown): string[] {
  const names = new Set<string>();
  const stack: unknown[] = [definition];
  while (stack.length > 0 && names.size < MAX_NAMES) {
    const value = stack.pop();
    if (typeof value === 'string') {
      for (const use of substitutionUses(value)) if (use.name !== '' && names.size < MAX_NAMES) names.add(use.name);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.values(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]);
    }
  }
  return [...names];
}
