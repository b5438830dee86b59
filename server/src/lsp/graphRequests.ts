import type { FeatureContext } from './featureContext';

/** Placeholder until the custom requests land; registers nothing. */
export function registerGraphRequests(_ctx: FeatureContext): void {}
