import { setAt, type SpanEdit } from '../edits/jsonEdits';
import type { TemplateDefinition, TemplateDocument } from './templateTypes';

/**
 * The edit that adds `Name` to the definition's DefinitionSubstitutions, creating the object beside the
 * definition when there is none; the value is left empty for the user to fill in. Undefined where the template
 * has no such place (Terraform, Serverless) or where it is written in a way this does not edit (a flow mapping).
 */
export function addSubstitutionEdit(text: string, format: TemplateDocument['format'], definition: TemplateDefinition, name: string): SpanEdit[] | undefined {
  const target = definition.substitutionTarget;
  if (!target) return undefined;
  if (format === 'json') return setAt(text, [...target.path, name], '');
  if (format !== 'yaml') return undefined;
  const entry = `${/^[A-Za-z_][\w-]*$/.test(name) ? name : JSON.stringify(name)}: ''`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (target.objectSpan) {
    const at = target.objectSpan.offset;
    if (text[at] === '{') return undefined;
    const indent = ' '.repeat(at - text.lastIndexOf('\n', at - 1) - 1);
    return [{ span: { offset: target.objectSpan.offset + target.objectSpan.length, length: 0 }, newText: `${eol}${indent}${entry}` }];
  }
  const anchor = target.anchorSpan.offset;
  const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
  const indent = text.slice(lineStart, anchor);
  if (!/^ *$/.test(indent)) return undefined;
  return [{ span: { offset: anchor, length: 0 }, newText: `DefinitionSubstitutions:${eol}${indent}  ${entry}${eol}${indent}` }];
}
