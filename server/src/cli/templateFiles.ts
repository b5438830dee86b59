import { dirname, join } from 'node:path';
import { getValue } from '../core/document/ast';
import { parseDocument } from '../core/document/parseDocument';
import { analyzeTemplate, type TemplateAnalysis } from '../core/templates/analyzeTemplate';
import { checkLinkedDefinition, type LinkedFile } from '../core/templates/linkedDefinition';
import type { TemplateDefinition } from '../core/templates/templateTypes';
import type { Problem, ValidationSettings } from '../core/validation/types';
import type { CliIo } from './cliIo';

const ASL_FILE = /\.asl\.(?:json|ya?ml)$/i;

/** File names that may be templates (the content decides): JSON, YAML and Terraform files other than ASL files. */
export function isTemplateCandidate(file: string): boolean {
  return !ASL_FILE.test(file) && !/\.(mocks|input|tests)\.json$|\.tests\.ya?ml$/i.test(file) && /\.(json|ya?ml|tf|template)$/i.test(file);
}

/** The state machines of a template file (SAM, CloudFormation, Serverless, Terraform), or undefined. */
export function templateOf(file: string, text: string, settings?: ValidationSettings): TemplateAnalysis | undefined {
  if (ASL_FILE.test(file)) return undefined;
  return analyzeTemplate(text, file, settings);
}

/** Whether a file that holds no state machine is still no ASL definition (a template or a Terraform file). */
export function isOtherInfrastructure(file: string, text: string): boolean {
  if (ASL_FILE.test(file)) return false;
  if (/\.(tf|ya?ml)$/i.test(file)) return true;
  if (!/^\s*\{/.test(text)) return false;
  const root = parseDocument(text).root;
  return ['Resources', 'AWSTemplateFormatVersion', 'service', 'provider'].some((key) => getValue(root, key) !== undefined) && getValue(root, 'States') === undefined;
}

/** Reads the file a definition links to (relative to the template), with a short reason when it cannot. */
export async function readLinked(io: CliIo, templateFile: string, definition: TemplateDefinition): Promise<LinkedFile | undefined> {
  if (!definition.link) return undefined;
  try {
    return { text: await io.readFile(join(dirname(templateFile), definition.link.target)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error)) };
  }
}

/** The linked definition's problems (on the link, in the template), for each definition that links to a file. */
export async function linkedProblems(io: CliIo, templateFile: string, definition: TemplateDefinition): Promise<Problem[]> {
  const linked = await readLinked(io, templateFile, definition);
  return linked ? checkLinkedDefinition(definition, linked) : [];
}
