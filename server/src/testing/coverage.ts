import type { RunTrace } from '../interpreter/types';
import type { KeyPath } from './testTypes';

type Obj = Record<string, unknown>;

export type CoverageKind = 'state' | 'choice' | 'catch' | 'retry';

/** One thing tests can exercise: a state, a Choice rule (index -1: its Default), a catcher or a retrier. */
export interface CoverageItem {
  kind: CoverageKind;
  state: string;
  index?: number;
  /** Where it is in the definition (for lines in the report and ranges in the editor). */
  at: KeyPath;
  label: string;
  hits: number;
}

export interface MachineCoverage {
  machine: string;
  items: CoverageItem[];
}

/** Every state, Choice rule (and Default), catcher and retrier of a machine, nested blocks included. */
export function coverageItems(definition: unknown): CoverageItem[] {
  const items: CoverageItem[] = [];
  const visit = (block: unknown, base: KeyPath) => {
    if (!block || typeof block !== 'object') return;
    const states = (block as Obj).States;
    if (!states || typeof states !== 'object') return;
    for (const [name, raw] of Object.entries(states as Obj)) {
      if (!raw || typeof raw !== 'object') continue;
      const state = raw as Obj;
      const at = [...base, 'States', name];
      items.push({ kind: 'state', state: name, at, label: name, hits: 0 });
      if (Array.isArray(state.Choices)) {
        state.Choices.forEach((rule: unknown, i) => items.push({ kind: 'choice', state: name, index: i, at: [...at, 'Choices', i], label: `${name}: rule ${i + 1}${ruleNext(rule)}`, hits: 0 }));
        if (typeof state.Default === 'string') items.push({ kind: 'choice', state: name, index: -1, at: [...at, 'Default'], label: `${name}: Default → ${state.Default}`, hits: 0 });
      }
      if (Array.isArray(state.Retry)) state.Retry.forEach((r: unknown, i) => items.push({ kind: 'retry', state: name, index: i, at: [...at, 'Retry', i], label: `${name}: retrier ${i + 1} (${errorsOf(r)})`, hits: 0 }));
      if (Array.isArray(state.Catch)) state.Catch.forEach((c: unknown, i) => items.push({ kind: 'catch', state: name, index: i, at: [...at, 'Catch', i], label: `${name}: catcher ${i + 1} (${errorsOf(c)})${ruleNext(c)}`, hits: 0 }));
      if (Array.isArray(state.Branches)) state.Branches.forEach((b: unknown, i) => visit(b, [...at, 'Branches', i]));
      if (state.ItemProcessor) visit(state.ItemProcessor, [...at, 'ItemProcessor']);
      else if (state.Iterator) visit(state.Iterator, [...at, 'Iterator']);
    }
  };
  visit(definition, []);
  return items;
}

function ruleNext(rule: unknown): string {
  const next = rule && typeof rule === 'object' ? (rule as Obj).Next : undefined;
  return typeof next === 'string' ? ` → ${next}` : '';
}

function errorsOf(handler: unknown): string {
  const errors = handler && typeof handler === 'object' ? (handler as Obj).ErrorEquals : undefined;
  return Array.isArray(errors) ? errors.join(', ') : '';
}

/** Adds one run's hits: the states it entered and the decisions it traced. */
export function addHits(items: CoverageItem[], path: string[], traces: RunTrace[]): void {
  const byKey = new Map<string, CoverageItem>();
  for (const item of items) byKey.set(key(item.kind, item.state, item.index), item);
  for (const name of path) {
    const item = byKey.get(key('state', name));
    if (item) item.hits++;
  }
  for (const trace of traces) {
    const item = byKey.get(key(trace.kind, trace.state, trace.index));
    if (item) item.hits++;
  }
}

function key(kind: string, state: string, index?: number): string {
  return `${kind}\u0000${state}\u0000${index ?? ''}`;
}

export interface CoverageSummary {
  covered: number;
  total: number;
}

export function summarize(items: CoverageItem[]): Record<CoverageKind | 'all', CoverageSummary> {
  const out = { state: { covered: 0, total: 0 }, choice: { covered: 0, total: 0 }, catch: { covered: 0, total: 0 }, retry: { covered: 0, total: 0 }, all: { covered: 0, total: 0 } };
  for (const item of items) {
    for (const bucket of [out[item.kind], out.all]) {
      bucket.total++;
      if (item.hits > 0) bucket.covered++;
    }
  }
  return out;
}

/** The states no test entered (the graph preview draws them as untested). */
export function unreachedStates(coverage: MachineCoverage): string[] {
  return coverage.items.filter((i) => i.kind === 'state' && i.hits === 0).map((i) => i.state);
}
