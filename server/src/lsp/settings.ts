import type { Severity, ValidationSettings } from '../core/validation/types';

/** The `asl.validation` section as the client sends it; every field optional and untrusted. */
export interface ValidationSection {
  enable?: unknown;
  allowPlaceholders?: unknown;
  severity?: unknown;
}

export interface ServerSettings {
  enable: boolean;
  validation: ValidationSettings;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  enable: true,
  validation: { allowPlaceholders: true, severityOverrides: {} },
};

/** Turns whatever the client sent into settings, ignoring values of the wrong type. */
export function toServerSettings(section: ValidationSection | null | undefined): ServerSettings {
  if (!section || typeof section !== 'object') return DEFAULT_SERVER_SETTINGS;
  const severityOverrides: Record<string, Severity | 'off'> = Object.create(null) as Record<string, Severity | 'off'>;
  if (section.severity && typeof section.severity === 'object') {
    for (const [code, value] of Object.entries(section.severity as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) severityOverrides[code] = value as Severity | 'off';
    }
  }
  return {
    enable: typeof section.enable === 'boolean' ? section.enable : true,
    validation: {
      allowPlaceholders: typeof section.allowPlaceholders === 'boolean' ? section.allowPlaceholders : true,
      severityOverrides,
    },
  };
}
