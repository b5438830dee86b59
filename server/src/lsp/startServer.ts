import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { INTERNAL_ERROR } from '../core/validation/validate';
import { PROTOCOL_VERSION } from '../protocol';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { registerDocumentSummary } from './documentSummary';
import { DocumentStore } from './documentStore';
import { editorDocuments } from './editorDocument';
import { registerExecutionRequests } from './executionRequests';
import { registerTestRequests } from './testRequests';
import type { FeatureContext } from './featureContext';
import { featureCapabilities, registerFeatures } from './features/index';
import { registerGraphRequests } from './graphRequests';
import { makeGuard } from './guard';
import { DEFAULT_SERVER_SETTINGS, toServerSettings, type ServerSettings, type ValidationSection } from './settings';
import { isTemplateDocument, TemplateDocuments } from './templateDocuments';
import { registerTemplateRequests } from './templateRequests';
import { toDiagnostic } from './toDiagnostic';

/** Quiet period after a keystroke before re-validating; opening a document validates at once. */
const VALIDATION_DELAY_MS = 150;

export interface ServerOptions {
  /** The transport writes a RawJson result as its text (see rawJson.ts); without it, features answer objects. */
  rawJson?: boolean;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(editorDocuments);
  let settings: ServerSettings = DEFAULT_SERVER_SETTINGS;
  const store = new DocumentStore(settings.validation);
  const templates = new TemplateDocuments(settings.validation, (uri) => documents.get(uri)?.getText());
  let canPullConfiguration = false;
  const published = new Set<string>();

  const publish = (uri: string): void => {
    const textDocument = documents.get(uri);
    if (!textDocument) return;
    try {
      const template = isTemplateDocument(textDocument);
      const problems = !settings.enable ? [] : template ? templates.problems(textDocument) : store.get(textDocument).analysis.problems;
      // Other files the client shares (any YAML or JSON) get no diagnostics from us, not even an empty list.
      if (template && problems.length === 0 && !published.has(uri) && !templates.get(textDocument).template) return;
      for (const p of problems) {
        if (p.code === INTERNAL_ERROR) connection.console.error(`[validation] ${uri} (version ${textDocument.version}): ${p.message}`);
      }
      const diagnostics = problems.map((p) => toDiagnostic(textDocument, p));
      published.add(uri);
      void connection.sendDiagnostics({ uri, version: textDocument.version, diagnostics });
    } catch (error) {
      connection.console.error(`[diagnostics] ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    }
  };
  let scheduler = new DiagnosticsScheduler(VALIDATION_DELAY_MS, publish);

  const context: FeatureContext = {
    connection,
    getDocument: (uri, at) => {
      const textDocument = documents.get(uri);
      if (!textDocument) return undefined;
      if (!isTemplateDocument(textDocument)) return store.get(textDocument);
      if (at !== undefined && typeof at !== 'string') return templates.at(textDocument, textDocument.offsetAt(at));
      const chosen = templates.chosen(textDocument, at);
      return templates.get(textDocument).documents.find((d) => d.definition === chosen);
    },
    getDocuments: (uri) => {
      const textDocument = documents.get(uri);
      if (!textDocument) return [];
      return isTemplateDocument(textDocument) ? templates.get(textDocument).documents : [store.get(textDocument)];
    },
    machineTypeOf: (uri) => store.typeOf(uri),
    rawJson: options.rawJson === true,
    guard: makeGuard(connection),
  };

  const applySettings = (next: ServerSettings): void => {
    // The client answers the first pull with what it started us with, typically while the first file opens: the
    // same settings keep every analysis (a 5,000-state file is not analysed twice).
    if (next.fingerprint === settings.fingerprint) return;
    settings = next;
    store.setSettings(next.validation, next.machineTypeOf);
    templates.setSettings(next.validation, next.machineTypeOf);
    for (const doc of documents.all()) scheduler.now(doc.uri);
  };

  const pullSettings = async (): Promise<void> => {
    if (!canPullConfiguration) return;
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: 'asl.validation' }])) as [
        ValidationSection | null,
      ];
      applySettings(toServerSettings(section));
    } catch (error) {
      connection.console.error(`[settings] ${error instanceof Error ? error.message : error}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const rangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    if (typeof rangeLimit === 'number' && rangeLimit >= 0) context.foldingRangeLimit = rangeLimit;
    const options = params.initializationOptions as { validation?: ValidationSection; validationDelayMs?: unknown } | undefined;
    if (typeof options?.validationDelayMs === 'number' && options.validationDelayMs >= 0) {
      scheduler = new DiagnosticsScheduler(options.validationDelayMs, publish);
    }
    const initial = options?.validation;
    if (initial) {
      settings = toServerSettings(initial);
      store.setSettings(settings.validation, settings.machineTypeOf);
      templates.setSettings(settings.validation, settings.machineTypeOf);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...featureCapabilities,
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'asl-workbench', version: String(PROTOCOL_VERSION) },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'asl' });
      void pullSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) {
      void pullSettings();
      return;
    }
    const pushed = (change.settings as { asl?: { validation?: ValidationSection } } | undefined)?.asl?.validation;
    applySettings(toServerSettings(pushed));
  });

  documents.onDidChangeContent((event) => {
    // The first version of a document is validated at once; later edits wait for a pause in typing.
    if (published.has(event.document.uri)) scheduler.schedule(event.document.uri);
    else scheduler.now(event.document.uri);
  });

  documents.onDidClose((event) => {
    scheduler.cancel(event.document.uri);
    store.forget(event.document.uri);
    templates.forget(event.document.uri);
    published.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  registerFeatures(context);
  registerDocumentSummary(context);
  registerExecutionRequests(context, () => canPullConfiguration);
  registerTestRequests(context, () => canPullConfiguration);
  registerGraphRequests(context);
  registerTemplateRequests(context, templates, (uri) => documents.get(uri));

  documents.listen(connection);
  connection.listen();
}
