import type { HistoryEvent, RunTrace } from '../interpreter/types';

/** One run of a state: the input it entered with and, if it exited, its output. */
export interface StateRunRecord {
  input: unknown;
  output?: unknown;
  exited: boolean;
}

/** What a test's run did, in the terms expectations use. */
export interface Observation {
  mode: 'execution' | 'state';
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  /** Every state entered, in order (nested blocks included). */
  path: string[];
  transitions: number;
  states: Map<string, { runs: StateRunRecord[]; retries: number }>;
  variables: Record<string, unknown>;
  nextState?: string;
  inspectionData?: Record<string, unknown>;
  traces: RunTrace[];
}

/** Collects the path, each state's runs and its retries from the history (full detail) and the run's traces. */
export class Observer {
  readonly path: string[] = [];
  readonly states = new Map<string, { runs: StateRunRecord[]; retries: number }>();
  readonly traces: RunTrace[] = [];
  private readonly open = new Map<number, StateRunRecord>();

  onEvent = (event: HistoryEvent): void => {
    const type = event.type;
    if (type.endsWith('StateEntered')) {
      const details = event.stateEnteredEventDetails as { name: string; input?: string };
      this.path.push(details.name);
      const record: StateRunRecord = { input: parse(details.input), exited: false };
      this.entry(details.name).runs.push(record);
      this.open.set(event.id, record);
    } else if (type.endsWith('StateExited')) {
      const details = event.stateExitedEventDetails as { name: string; output?: string };
      const record = this.open.get(event.previousEventId);
      if (record) {
        record.output = parse(details.output);
        record.exited = true;
        this.open.delete(event.previousEventId);
      }
    }
  };

  onTrace = (trace: RunTrace): void => {
    this.traces.push(trace);
    if (trace.kind === 'retry') this.entry(trace.state).retries++;
  };

  private entry(name: string): { runs: StateRunRecord[]; retries: number } {
    let entry = this.states.get(name);
    if (!entry) this.states.set(name, (entry = { runs: [], retries: 0 }));
    return entry;
  }
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
