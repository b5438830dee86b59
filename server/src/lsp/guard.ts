import type { CancellationToken, Connection } from 'vscode-languageserver';

/** See FeatureContext.guard: a failing or cancelled handler answers `fallback` and the server lives on. */
export function makeGuard(connection: Connection) {
  return function guard<P, R>(
    name: string,
    fallback: R,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      if (token?.isCancellationRequested) return fallback;
      try {
        const result = await handler(params, token);
        return token?.isCancellationRequested ? fallback : result;
      } catch (error) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        connection.console.error(`[${name}] ${detail}`);
        return fallback;
      }
    };
  };
}
