import type { Severity, StateMachineType, ValidationSettings } from '../core/validation/types';
import { globMatcher } from '../cli/globMatcher';

/** The `asl.validation` section as the client sends it; every field optional and untrusted. */
export interface ValidationSection {
  enable?: unknown;
  allowPlaceholders?: unknown;
  severity?: unknown;
  stateMachineType?: unknown;
  expressMachines?: unknown;
}

export interface ServerSettings {
  enable: boolean;
  validation: ValidationSettings;
  /** The type of the machine in a document: EXPRESS when its path matches `asl.validation.expressMachines`. */
  machineTypeOf: (uri: string) => StateMachineType;
  /** Equal for settings that validate alike: the server re-validates only when this changes. */
  fingerprint: string;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  enable: true,
  validation: { allowPlaceholders: true, severityOverrides: {} },
  machineTypeOf: () => 'STANDARD',
  fingerprint: fingerprintOf(true, true, {}, 'STANDARD', []),
};

function fingerprintOf(enable: boolean, allowPlaceholders: boolean, overrides: Record<string, string>, base: StateMachineType, express: unknown[]): string {
  const sorted = Object.keys(overrides)
    .sort()
    .map((code) => [code, overrides[code]]);
  return JSON.stringify([enable, allowPlaceholders, sorted, base, express]);
}

/** Turns whatever the client sent into settings, ignoring values of the wrong type. */
export function toServerSettings(section: ValidationSection | null | undefined): ServerSettings {
  if (!section || typeof section !== 'object') return DEFAULT_SERVER_SETTINGS;
  const severityOverrides: Record<string, Severity | 'off'> = Object.create(null) as Record<string, Severity | 'off'>;
  if (section.severity && typeof section.severity === 'object') {
    for (const [code, value] of Object.entries(section.severity as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) severityOverrides[code] = value as Severity | 'off';
    }
  }
  const base: StateMachineType = section.stateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
  const express = expressMatchers(section.expressMachines);
  const enable = typeof section.enable === 'boolean' ? section.enable : true;
  const allowPlaceholders = typeof section.allowPlaceholders === 'boolean' ? section.allowPlaceholders : true;
  const patterns = Array.isArray(section.expressMachines) ? section.expressMachines.slice(0, 100).filter((p) => typeof p === 'string' && p !== '') : [];
  return {
    machineTypeOf: (uri) => (base === 'EXPRESS' || express.some((matches) => matches(uri)) ? 'EXPRESS' : 'STANDARD'),
    enable,
    validation: { allowPlaceholders, severityOverrides },
    fingerprint: fingerprintOf(enable, allowPlaceholders, severityOverrides, base, patterns),
  };
}

// Globs over a document's path; a pattern not starting with '/' may match below any folder (a leading "**/" is implied).
function expressMatchers(patterns: unknown): ((uri: string) => boolean)[] {
  if (!Array.isArray(patterns)) return [];
  const matchers: ((uri: string) => boolean)[] = [];
  for (const pattern of patterns.slice(0, 100)) {
    if (typeof pattern !== 'string' || pattern === '') continue;
    let matches: (path: string) => boolean;
    try {
      matches = globMatcher(pattern.startsWith('/') ? pattern.slice(1) : `**/${pattern}`);
    } catch {
      continue; // a pattern the matcher refuses is ignored, like any setting of the wrong shape
    }
    matchers.push((uri) => {
      try {
        return matches(decodeURIComponent(new URL(uri).pathname).slice(1));
      } catch {
        return false;
      }
    });
  }
  return matchers;
}
