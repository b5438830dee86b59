import { dirname, join } from 'node:path';
import { analyzeDocument, type DocumentAnalysis } from '../core/analyzeDocument';
import { formatOfName } from '../core/document/documentFormat';
import { prepareTemplateRun, type TemplateRunProblem } from '../core/templates/prepareTemplateRun';
import { resolveDefinition } from '../core/templates/resolveDefinition';
import { DEFAULT_VALIDATION_SETTINGS, type StateMachineType } from '../core/validation/types';
import { preparedDefinition } from '../interpreter/prepareDefinition';
import type { CliIo } from './cliIo';
import { readLinked, templateOf } from './templateFiles';

export const MACHINE_FLAGS = { 'state-machine': 'string', sub: 'list' } as const;

export const MACHINE_USAGE = `  --state-machine NAME  in a template (SAM, CloudFormation, Serverless, Terraform) with several state
                      machines: the one to use (logical ID, stateMachines key or resource name)
  --sub Name=value    sets a \${Name} substitution (repeatable); else the template's value, or a placeholder
                      ARN naming the resource for a value only known at deploy time
`;

/** The state machine a command acts on: in a template, the one chosen; else the file itself. */
export interface ChosenMachine {
  /** The definition ready to run, or its errors (`file`: the linked definition file they are in); made on first use. */
  readonly prepared: { definition: unknown } | { problems: TemplateRunProblem[]; file?: string };
  /** The analysis to draw (`asl graph`), made with the machine type's settings. */
  analysis: DocumentAnalysis | undefined;
  /**
   * The path that names the machine: the file itself, or for a template `NAME.asl.json` beside it, so that the
   * mock file's state machine name is the logical ID and `NAME.input.json` / `NAME.mocks.json` are found there.
   */
  machineFile: string;
  /** In a template: the state machine's name. */
  name?: string;
  /** The machine's type: the template's when it gives one, else the one asked for (default STANDARD). */
  machineType: StateMachineType;
}

/** Picks the machine named by --state-machine (needed when a template holds several) with the --sub values. */
export async function chooseMachine(io: CliIo, file: string, text: string, flags: Record<string, unknown>, type?: StateMachineType): Promise<ChosenMachine | { error: string; names?: string[] }> {
  const subs: Record<string, string> = {};
  for (const entry of Array.isArray(flags.sub) ? (flags.sub as string[]) : []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) return { error: `--sub takes Name=value, not '${entry}'` };
    subs[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const wanted = typeof flags['state-machine'] === 'string' ? flags['state-machine'] : undefined;
  const template = templateOf(file, text, { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType: type ?? 'STANDARD' });
  if (!template) {
    if (wanted !== undefined) return { error: `--state-machine is for templates; ${file} holds no SAM, CloudFormation, Serverless or Terraform state machine` };
    // One analysis serves both the run's check and the graph (`asl graph` drew from a second one). The definition
    // as a value is made when first asked for: `asl graph` never asks (on 500 states it was a copy of the whole tree).
    const analysis = analyzeDocument(text, { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType: type ?? 'STANDARD' }, formatOfName(file));
    let definition: ChosenMachine['prepared'] | undefined;
    return {
      get prepared() {
        if (definition) return definition;
        const made = preparedDefinition(analysis, text);
        return (definition = 'definition' in made && Object.keys(subs).length > 0 ? { definition: resolveDefinition(made.definition, new Map(Object.entries(subs))) } : made);
      },
      analysis,
      machineFile: file,
      machineType: type ?? 'STANDARD',
    };
  }
  const names = template.definitions.map((d) => d.definition.name);
  const entry = wanted !== undefined ? template.definitions.find((d) => d.definition.name === wanted) : template.definitions.length === 1 ? template.definitions[0] : undefined;
  if (!entry) {
    return wanted !== undefined
      ? { error: `${file} has no state machine '${wanted}'; it has ${names.join(', ')}`, names }
      : { error: `${file} holds ${names.length} state machines (listed on stdout); choose one with --state-machine NAME`, names };
  }
  const linked = await readLinked(io, file, entry.definition);
  const machineType = entry.definition.machineType ?? type ?? 'STANDARD';
  const analysis = entry.analysis ?? (linked && 'text' in linked ? analyzeDocument(linked.text, { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType: machineType }, formatOfName(entry.definition.link!.target)) : undefined);
  let prepared: ChosenMachine['prepared'] | undefined;
  return {
    machineType,
    get prepared() {
      return (prepared ??= prepareTemplateRun(text, entry, linked, subs, machineType));
    },
    analysis,
    machineFile: join(dirname(file), `${entry.definition.name}.asl.json`),
    name: entry.definition.name,
  };
}
