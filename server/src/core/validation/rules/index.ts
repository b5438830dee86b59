import type { Rule } from '../types';
import { jsonSyntax } from './jsonSyntax';

/** Every validation rule, in the order they run. One rule per file; add new rules here. */
export const allRules: Rule[] = [jsonSyntax];
