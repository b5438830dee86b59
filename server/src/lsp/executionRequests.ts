import type { FeatureContext } from './featureContext';

/** Placeholder until the custom requests land; registers nothing. */
export function registerExecutionRequests(_ctx: FeatureContext): void {}
