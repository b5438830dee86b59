/**
 * Custom LSP requests and notifications shared by the server and the client. Declared once, used by both
 * sides (the client imports only this file from the server). Each entry: method name plus its types.
 */

import type { CodeLens, DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver';
import type { GraphModel } from './core/graph/graphModel';

export type { GraphEdge, GraphGroup, GraphModel, GraphNode } from './core/graph/graphModel';
export type { TestStateStep } from './interpreter/testStateSteps';
import type { TestStateStep } from './interpreter/testStateSteps';

export const PROTOCOL_VERSION = 1;

/** State count and problems of an open document (status bar). */
export namespace DocumentSummaryRequest {
  export const method = 'asl/documentSummary';
  export interface Params {
    uri: string;
  }
  export interface Result {
    states: number;
    errors: number;
    warnings: number;
  }
}

/** The graph of an open document (graph preview). */
export namespace GraphRequest {
  export const method = 'asl/graph';
  export interface Params {
    uri: string;
  }
  /** `stateMachine`: in a template, the name (logical ID, stateMachines key, resource name) of the machine drawn. */
  export type Result = GraphModel & { uri: string; version: number; stateMachine?: string };
}

/** The open document written in the other syntax (Convert to YAML / Convert to JSON), or why it cannot be. */
export namespace ConvertDocumentRequest {
  export const method = 'asl/convertDocument';
  export interface Params {
    uri: string;
    to: 'json' | 'yaml';
  }
  export type Result = { text: string; lostComments: boolean } | { error: string };
}

/**
 * The code lenses of a document in a compact form, for our own client: the LSP answer of a 5,000-state file is
 * 10,000 lenses and a megabyte of JSON that both sides encode and decode after each edit; this is a fifth of it.
 * `lenses` come whole (Run · Debug, a template's lenses); each state's unresolved lenses are one `StateCell`.
 * `expand` turns the answer into the lenses textDocument/codeLens gives, in the same order.
 */
export namespace CodeLensesRequest {
  export const method = 'asl/codeLenses';
  export interface Params {
    uri: string;
  }
  /** The range of the state's name, its index in the model and a bit mask of the kinds of lens it shows. */
  export type StateCell = [line: number, character: number, endLine: number, endCharacter: number, state: number, kinds: number];
  /**
   * What an unresolved lens carries, for its resolve: the document (as a number: thousands of lenses do not each
   * carry its uri), its version, which definition of it, the state and the lens kind.
   */
  export type LensData = [document: number, version: number, definition: number, state: number, kind: number];
  export interface StateLenses {
    /** What every unresolved lens of these states carries before its state and kind. */
    data: [document: number, version: number, definition: number];
    // One small array per state, not one long array: an array of tens of thousands of numbers is a large object
    // for V8, whose fresh memory costs milliseconds to touch (the whole answer took 6 ms more).
    states: StateCell[];
  }
  export interface Result {
    lenses: CodeLens[];
    byDefinition: StateLenses[];
  }

  export function expand(result: Result): CodeLens[] {
    const lenses = [...result.lenses];
    for (const { data, states } of result.byDefinition) {
      const [document, version, definition] = data;
      for (const [line, character, endLine, endCharacter, state, mask] of states) {
        const range = { start: { line, character }, end: { line: endLine, character: endCharacter } };
        for (let kinds = mask, kind = 0; kinds > 0; kinds >>>= 1, kind++) {
          if (kinds & 1) lenses.push({ range, data: [document, version, definition, state, kind] satisfies LensData });
        }
      }
    }
    return lenses;
  }
}

/**
 * The document symbols (outline) in a compact form, for our own client, as CodeLensesRequest is for lenses: the
 * LSP answer of a 5,000-state file is 1.2 MB of JSON. Symbols come in preorder, one `SymbolCell` each.
 */
export namespace DocumentSymbolsRequest {
  export const method = 'asl/documentSymbols';
  export interface Params {
    uri: string;
  }
  /**
   * A symbol: its name, its number of children (-1: no `children` field), its kind, its detail (an index in
   * `details`, -1: none), then its range and selection range, their lines counted from the range's start line.
   */
  export type SymbolCell = [
    name: string, children: number, kind: number, detail: number,
    line: number, character: number, endLine: number, endCharacter: number,
    selectionLine: number, selectionCharacter: number, selectionEndLine: number, selectionEndCharacter: number,
  ];
  export interface Result {
    details: string[];
    symbols: SymbolCell[];
  }

  /** Writes symbols in preorder: `add` a symbol, then its children, then `close` it with their number (or not). */
  export class Writer {
    readonly result: Result = { details: [], symbols: [] };
    private readonly detailIndex = new Map<string, number>();

    /** Returns the symbol's number, for `close`. */
    add(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range): number {
      let detailAt = -1;
      if (detail !== undefined) {
        detailAt = this.detailIndex.get(detail) ?? -1;
        if (detailAt < 0) this.detailIndex.set(detail, (detailAt = this.result.details.push(detail) - 1));
      }
      const line = range.start.line;
      return (
        this.result.symbols.push([
          name, -1, kind, detailAt,
          line, range.start.character, range.end.line - line, range.end.character,
          selection.start.line - line, selection.start.character, selection.end.line - line, selection.end.character,
        ]) - 1
      );
    }

    /** Gives the symbol a `children` field with this many children (the symbols written since it, at the next level). */
    close(symbol: number, children: number): void {
      this.result.symbols[symbol][1] = children;
    }
  }

  export function encode(symbols: DocumentSymbol[]): Result {
    const writer = new Writer();
    const write = (symbol: DocumentSymbol) => {
      const at = writer.add(symbol.name, symbol.detail, symbol.kind, symbol.range, symbol.selectionRange);
      if (symbol.children) {
        symbol.children.forEach(write);
        writer.close(at, symbol.children.length);
      }
    };
    symbols.forEach(write);
    return writer.result;
  }

  export function expand({ details, symbols: cells }: Result): DocumentSymbol[] {
    let next = 0;
    const read = (): DocumentSymbol => {
      const [name, children, kind, detail, line, character, endLine, endCharacter, selectionLine, selectionCharacter, selectionEndLine, selectionEndCharacter] = cells[next++];
      const range = { start: { line, character }, end: { line: line + endLine, character: endCharacter } };
      const selectionRange = { start: { line: line + selectionLine, character: selectionCharacter }, end: { line: line + selectionEndLine, character: selectionEndCharacter } };
      // Written out in both shapes (no spread): the same key order as a symbol made whole, at a fraction of the cost.
      const symbol: DocumentSymbol = detail >= 0 ? { name, detail: details[detail], kind: kind as SymbolKind, range, selectionRange } : { name, kind: kind as SymbolKind, range, selectionRange };
      if (children >= 0) {
        symbol.children = [];
        for (let i = 0; i < children && next < cells.length; i++) symbol.children.push(read());
      }
      return symbol;
    };
    const symbols: DocumentSymbol[] = [];
    while (next < cells.length) symbols.push(read());
    return symbols;
  }
}

/** The state machines of a template file (SAM, CloudFormation, Serverless, Terraform), in file order. */
export namespace StateMachinesRequest {
  export const method = 'asl/stateMachines';
  export interface Params {
    uri: string;
  }
  export type Result = { name: string; line: number; selected: boolean }[];
}

/**
 * Picks the state machine of a template that the graph preview, Start Execution and Test State act on: the one
 * named, else the one at the position, else the only one. With several and neither, nothing is picked and their
 * names come back for the user to choose.
 */
export namespace SelectStateMachineRequest {
  export const method = 'asl/selectStateMachine';
  export interface Params {
    uri: string;
    name?: string;
    position?: { line: number; character: number };
  }
  /** `link`: the file URI of the definition a picked `DefinitionUri` / `file()` / `templatefile()` machine lives in. */
  export type Result = { selected: string; link?: string } | { choices: string[] } | null;
}

/**
 * What a run of a template's picked state machine needs from the user: its name (the mock file's machine name),
 * its type (the template's, else the settings'), and the `${Name}` substitutions that still have no value once the
 * template's values, placeholder ARNs and the `substitutions` given are filled in. Null for any other file.
 */
export namespace TemplateRunRequest {
  export const method = 'asl/templateRun';
  export interface Params {
    uri: string;
    substitutions?: Record<string, string>;
  }
  export type Result = { name: string; type: 'STANDARD' | 'EXPRESS'; unset: string[] } | null;
}

/** One history event, as AWS's GetExecutionHistory shapes it. */
export interface ExecutionEvent {
  id: number;
  previousEventId: number;
  timestamp: string;
  type: string;
  [details: string]: unknown;
}

/**
 * The events that start a Task state's attempt, and those that fail it, for each kind of task AWS writes history
 * for: a service integration (Task*), an Activity (Activity*), a Lambda function ARN (LambdaFunction*) (API
 * reference, "HistoryEvent"). History readers count a state's retries and failures by them.
 */
export const TASK_ATTEMPT_STARTED: ReadonlySet<string> = new Set(['TaskScheduled', 'ActivityScheduled', 'LambdaFunctionScheduled']);
export const TASK_ATTEMPT_FAILED: ReadonlySet<string> = new Set([
  'TaskFailed', 'TaskTimedOut', 'TaskStartFailed', 'TaskSubmitFailed',
  'ActivityFailed', 'ActivityTimedOut', 'ActivityScheduleFailed',
  'LambdaFunctionFailed', 'LambdaFunctionTimedOut', 'LambdaFunctionScheduleFailed', 'LambdaFunctionStartFailed',
]);

export namespace StartExecutionRequest {
  export const method = 'asl/startExecution';
  export interface Params {
    uri: string;
    /** Chosen by the client; events and abort refer to it. */
    executionId: string;
    /** The input as JSON text. */
    input: string;
    mocksPath?: string;
    testCase?: string;
    /** A handlers module; the client sends it only in a trusted workspace. */
    handlersPath?: string;
    /** In a template: values for its `${Name}` substitutions (over the template's own). */
    substitutions?: Record<string, string>;
  }
  export interface Result {
    status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'INVALID';
    output?: unknown;
    error?: string;
    cause?: string;
    durationMs?: number;
    events: ExecutionEvent[];
    /** When the definition does not validate: its errors. */
    problems?: { line: number; column: number; code: string; message: string }[];
    /** When a Task had no mock and no handler (a setup error, not a failure of the machine): its state. */
    missingMock?: string;
  }
}

/** Events of a running execution as they come, in batches (in history order). */
export namespace ExecutionEventNotification {
  export const method = 'asl/executionEvent';
  export interface Params {
    executionId: string;
    events: ExecutionEvent[];
  }
}

/** A callback or Activity task of a running execution started (`waiting`) or stopped waiting for its task token. */
export namespace ExecutionCallbackNotification {
  export const method = 'asl/executionCallback';
  export interface Params {
    executionId: string;
    token: string;
    stateName: string;
    resource: string;
    waiting: boolean;
    /** An Activity task (it waits for a worker) rather than a `.waitForTaskToken` one. */
    activity?: boolean;
    /** The task's TimeoutSeconds and HeartbeatSeconds, counted from when it started waiting. */
    timeoutSeconds?: number;
    heartbeatSeconds?: number;
  }
}

/** The user answers a waiting task's token: SendTaskSuccess (output as JSON text), SendTaskFailure or SendTaskHeartbeat. */
export namespace SendTaskAnswerRequest {
  export const method = 'asl/sendTaskAnswer';
  export interface Params {
    executionId: string;
    token: string;
    kind: 'success' | 'failure' | 'heartbeat';
    /** success: the output, as JSON text. */
    output?: string;
    /** failure: the error and cause. */
    error?: string;
    cause?: string;
  }
  /** `ok: false` with a message when the output is not JSON or the execution is not running. */
  export interface Result {
    ok: boolean;
    message?: string;
  }
}

export namespace AbortExecutionRequest {
  export const method = 'asl/abortExecution';
  export interface Params {
    executionId: string;
  }
}

/** Runs one state alone (like AWS's TestState API). */
export namespace TestStateRequest {
  export const method = 'asl/testState';
  export interface Params {
    uri: string;
    stateName: string;
    /** The state input as JSON text. */
    input: string;
    mocksPath?: string;
    testCase?: string;
    /** In a template: values for its `${Name}` substitutions (over the template's own). */
    substitutions?: Record<string, string>;
  }
  export interface Result {
    status: 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR' | 'INVALID';
    output?: unknown;
    error?: string;
    cause?: string;
    nextState?: string;
    inspectionData?: Record<string, unknown>;
    /** Each processing step with the value after it (the Test State view's rows). */
    steps?: TestStateStep[];
    /** When the Task had no mock and no handler (a setup error): its state. */
    missingMock?: string;
  }
}


/** A test file's tests for the Testing view (read, not run). Lines are 0-based. */
export namespace ListTestsRequest {
  export const method = 'asl/listTests';
  export interface Params {
    uri: string;
    /** The file's text as the editor has it. */
    text: string;
  }
  export interface Result {
    /** The machine the tests run (x.asl.json beside the file, or its "machine"). */
    machineUri: string;
    tests: { name: string; line: number }[];
    /** What is wrong in the file; with `testName` when it is inside that test. */
    problems: { line: number; message: string; testName?: string }[];
  }
}

/** One failed expectation (0-based line in the test file). */
export interface TestFailureInfo {
  line: number;
  message: string;
  expected?: string;
  actual?: string;
}

/** Runs tests of test files (all of a file's, or those named) in the isolated test workers. */
export namespace RunTestsRequest {
  export const method = 'asl/runTests';
  export interface Params {
    files: { uri: string; text: string; names?: string[] }[];
    coverage?: boolean;
  }
  export interface Result {
    results: { uri: string; name: string; line: number; state: 'passed' | 'failed' | 'error'; message?: string; failures: TestFailureInfo[]; path?: string[]; ms: number }[];
    problems: { uri: string; line: number; message: string }[];
    /** Per machine: each state, Choice rule, catcher and retrier with its 0-based line and how often the tests used it. */
    coverage?: { machineUri: string; items: { kind: 'state' | 'choice' | 'catch' | 'retry'; state: string; label: string; line: number; hits: number }[] }[];
  }
}

/**
 * The debug adapter (dist/debugAdapter.js, server/src/debug/): its launch configuration (type `asl`, request
 * `launch`) and the custom DAP events it sends besides the standard ones. The client listens to them with
 * `vscode.debug.onDidReceiveDebugSessionCustomEvent` (event name: `aslHistory`...).
 */
export namespace DebugEvents {
  export const TYPE = 'asl';

  export interface LaunchArguments {
    /** The .asl.json / .asl.yaml file, or a SAM/CloudFormation/Serverless/Terraform file holding the machine. */
    program: string;
    /** In a file with several state machines: the logical ID / name of the one to debug. */
    stateMachine?: string;
    /** The execution input (any JSON); else `inputFile`; else `<name>.input.json` beside the machine; else `{}`. */
    input?: unknown;
    inputFile?: string;
    /** A Step Functions Local mock config file (default `<name>.mocks.json` beside the machine) and its test case. */
    mocks?: string;
    testCase?: string;
    /** A module whose `handlers` (or default) export answers Tasks by state name or resource. */
    handlers?: string;
    /** `${Name}` definition substitutions. */
    substitutions?: Record<string, string>;
    machineType?: 'STANDARD' | 'EXPRESS';
    /** Virtual time (default): Wait states and retries take no real time. */
    clock?: 'virtual' | 'real';
    stopOnEntry?: boolean;
    /** Stop between the processing steps of Task, Parallel and Map states when stepping (default true). */
    stopBetweenSteps?: boolean;
    /** Run without stopping (Run Without Debugging). */
    noDebug?: boolean;
  }

  /** New history events since the last `aslHistory`, in history order (the shape the execution view uses). */
  export namespace History {
    export const event = 'aslHistory';
    export interface Body {
      program: string;
      stateMachine?: string;
      events: ExecutionEvent[];
    }
  }

  /** The run stopped at a state (a breakpoint, a step, a pause). */
  export namespace Paused {
    export const event = 'aslPaused';
    export interface Body {
      program: string;
      stateMachine?: string;
      state: string;
      threadName: string;
    }
  }

  export namespace Resumed {
    export const event = 'aslResumed';
    export interface Body {
      program: string;
    }
  }

  /** The run is over: SUCCEEDED, FAILED, TIMED_OUT, ABORTED, or INVALID when it could not start. */
  export namespace Ended {
    export const event = 'aslEnded';
    export interface Body {
      program: string;
      status: string;
    }
  }
}
