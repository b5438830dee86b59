import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeTemplate, type TemplateAnalysis } from '../core/templates/analyzeTemplate';
import { checkLinkedDefinition, type LinkedFile } from '../core/templates/linkedDefinition';
import type { TemplateDefinition } from '../core/templates/templateTypes';
import type { Problem, StateMachineType, ValidationSettings } from '../core/validation/types';
import type { AnalyzedDocument } from './featureContext';
import { mappedTextDocument } from './mappedTextDocument';

/** Linked definition files larger than this are not read into the server. */
const MAX_LINKED_BYTES = 5 * 1024 * 1024;

/** A template file's state machines, each as an analysed document features can work on. */
export interface AnalyzedTemplate {
  version: number;
  textDocument: TextDocument;
  template: TemplateAnalysis | undefined;
  /** One per definition written in the file (not for a DefinitionUri / file()), in file order. */
  documents: AnalyzedDocument[];
}

/** Whether a document the client sends is a template candidate rather than a state machine of its own. */
export function isTemplateDocument(textDocument: TextDocument): boolean {
  return textDocument.languageId !== 'asl' && textDocument.languageId !== 'asl-yaml';
}

/**
 * Templates open in the editor: one analysis per version, and which state machine of each the graph preview and
 * runs act on (the one the user picked last; the first until then).
 */
export class TemplateDocuments {
  private readonly cache = new Map<string, AnalyzedTemplate>();
  private readonly selected = new Map<string, string>();
  private machineTypeOf: (uri: string) => StateMachineType = () => 'STANDARD';

  constructor(
    private settings: ValidationSettings,
    /** The text of an open document, if open (linked files are read from the editor before the disk). */
    private readonly openText: (uri: string) => string | undefined,
  ) {}

  setSettings(settings: ValidationSettings, machineTypeOf: (uri: string) => StateMachineType = this.machineTypeOf): void {
    this.settings = settings;
    this.machineTypeOf = machineTypeOf;
    this.cache.clear();
  }

  /** The type a state machine of the template has: the template's own, else what the settings say for the file. */
  typeOf(uri: string, definition: TemplateDefinition): StateMachineType {
    return definition.machineType ?? this.machineTypeOf(uri);
  }

  /** The settings for the file: a definition's own type still wins over the file's (see definitionSettings). */
  private settingsOf(uri: string): ValidationSettings {
    return { ...this.settings, stateMachineType: this.machineTypeOf(uri) };
  }

  get(textDocument: TextDocument): AnalyzedTemplate {
    const cached = this.cache.get(textDocument.uri);
    if (cached && cached.version === textDocument.version && cached.textDocument === textDocument) return cached;
    const template = analyzeTemplate(textDocument.getText(), fileName(textDocument.uri), this.settingsOf(textDocument.uri));
    const documents: AnalyzedDocument[] = [];
    for (const { definition, analysis } of template?.definitions ?? []) {
      if (!analysis || !definition.doc) continue;
      documents.push({
        uri: textDocument.uri,
        version: textDocument.version,
        textDocument: mappedTextDocument(textDocument, definition.doc.text, definition.map),
        analysis,
        definition,
      });
    }
    const analyzed = { version: textDocument.version, textDocument, template, documents };
    this.cache.set(textDocument.uri, analyzed);
    return analyzed;
  }

  /** Every problem of the template's definitions and of the files they link to, in file offsets. */
  problems(textDocument: TextDocument): Problem[] {
    const template = this.get(textDocument).template;
    if (!template) return [];
    const linked = template.definitions.flatMap(({ definition }) => {
      const file = this.readLinked(textDocument.uri, definition);
      return file ? checkLinkedDefinition(definition, file, this.settingsOf(textDocument.uri)) : [];
    });
    return [...template.problems, ...linked].sort((a, b) => a.span.offset - b.span.offset);
  }

  /** The definition holding a file offset, if any. */
  at(textDocument: TextDocument, offset: number): AnalyzedDocument | undefined {
    return this.get(textDocument).documents.find((d) => {
      const span = d.definition!.span;
      return offset >= span.offset && offset <= span.offset + span.length;
    });
  }

  /** The state machine named, else the one picked last, else the first. */
  chosen(textDocument: TextDocument, name?: string): TemplateDefinition | undefined {
    const definitions = this.get(textDocument).template?.definitions.map((d) => d.definition) ?? [];
    const wanted = name ?? this.selected.get(textDocument.uri);
    return definitions.find((d) => d.name === wanted) ?? definitions[0];
  }

  select(uri: string, name: string): void {
    this.selected.set(uri, name);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.selected.delete(uri);
  }

  /** The file a definition links to, from the editor if open, else from the disk; undefined without a link. */
  readLinked(templateUri: string, definition: TemplateDefinition): LinkedFile | undefined {
    const target = linkTarget(templateUri, definition);
    if (!target) return undefined;
    const open = this.openText(pathToFileURL(target).toString());
    if (open !== undefined) return { text: open };
    try {
      const info = statSync(target);
      if (info.isDirectory()) return { error: 'it is a folder' };
      if (info.size > MAX_LINKED_BYTES) return { error: `larger than ${MAX_LINKED_BYTES / 1024 / 1024} MB, not read` };
      return { text: readFileSync(target, 'utf8').replace(/^\uFEFF/, '') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { error: code === 'ENOENT' ? 'no such file' : (code ?? String(error)) };
    }
  }
}

/** The path of the file a definition links to, resolved beside the template (file: URIs only). */
export function linkTarget(templateUri: string, definition: TemplateDefinition): string | undefined {
  if (!definition.link || !templateUri.startsWith('file:')) return undefined;
  return join(dirname(fileURLToPath(templateUri)), definition.link.target);
}

function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
