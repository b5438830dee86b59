import type jsonataType from 'jsonata';

let library: typeof jsonataType | undefined;

/**
 * The jsonata package, loaded the first time an expression is parsed or evaluated: most machines have no JSONata,
 * and loading it costs a fresh process (`asl run`, each execution worker) about 16 ms.
 */
export function jsonataLibrary(): typeof jsonataType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load; bundled by esbuild all the same
  library ??= require('jsonata') as typeof jsonataType;
  return library;
}
