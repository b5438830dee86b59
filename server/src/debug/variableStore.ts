import { Handles } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';

/** A value shown in the Variables view; `editable` values belong to the input of the state about to run. */
interface Node {
  value: unknown;
  editable?: { threadId: number; root: { value: unknown }; path: (string | number)[] };
  evaluateName?: string;
}

const PREVIEW = 200;

/** One line for a value: JSON, shortened. */
export function preview(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

const isContainer = (value: unknown) => value !== null && typeof value === 'object';

/** The variable references of one stop (cleared when the run resumes). */
export class VariableStore {
  private handles = new Handles<Node>();

  clear(): void {
    this.handles.reset();
  }

  /** A scope: its value's members (a plain value is shown as one member, `value`). */
  scope(value: unknown, editable?: { threadId: number }, evaluateName?: string): number {
    const root = { value };
    return this.handles.create({ value: isContainer(value) ? value : { value }, ...(editable ? { editable: { ...editable, root, path: isContainer(value) ? [] : ['__scalar__'] } } : {}), ...(evaluateName ? { evaluateName } : {}) });
  }

  /** A value for evaluate: a reference when it can be expanded. */
  reference(value: unknown): number {
    return isContainer(value) ? this.handles.create({ value }) : 0;
  }

  variables(reference: number): DebugProtocol.Variable[] {
    const node = this.handles.get(reference);
    if (!node || !isContainer(node.value)) return [];
    const entries: [string | number, unknown][] = Array.isArray(node.value) ? node.value.map((v, i) => [i, v]) : Object.entries(node.value as object);
    return entries.map(([key, value]) => {
      const name = typeof key === 'number' ? `[${key}]` : key;
      const child: Node = { value, ...(node.editable ? { editable: { ...node.editable, path: [...node.editable.path, key] } } : {}), ...(node.evaluateName ? { evaluateName: childPath(node.evaluateName, key) } : {}) };
      return {
        name,
        value: preview(value),
        type: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value,
        variablesReference: isContainer(value) ? this.handles.create(child) : 0,
        ...(child.evaluateName ? { evaluateName: child.evaluateName } : {}),
        ...(Array.isArray(value) && value.length > 100 ? { indexedVariables: value.length } : {}),
      };
    });
  }

  /**
   * Sets a member of an editable value (the state input) to `text` read as JSON. Returns the new root value to send
   * to the run and the member's new preview, or an error.
   */
  set(reference: number, name: string, text: string): { threadId: number; root: unknown; value: unknown } | { error: string } {
    const node = this.handles.get(reference);
    if (!node?.editable) return { error: 'Only the input of the state about to run can be changed' };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { error: `Give a JSON value (a string needs quotes): ${text}` };
    }
    const { root, path, threadId } = node.editable;
    if (path[0] === '__scalar__') {
      root.value = value;
      (node.value as Record<string, unknown>).value = value;
      return { threadId, root: value, value };
    }
    const container = node.value as Record<string, unknown> | unknown[];
    const key: string | number = Array.isArray(container) ? Number(name.replace(/^\[|\]$/g, '')) : name;
    if (Array.isArray(container)) {
      if (!Number.isInteger(key) || (key as number) < 0 || (key as number) >= container.length) return { error: `No element ${name}` };
      container[key as number] = value;
    } else (container as Record<string, unknown>)[key as string] = value;
    return { threadId, root: root.value, value };
  }
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_][\w]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/'/g, "\\'")}']`;
}
