// The virtual module buildSuite.mjs generates: it imports every suite/*.e2e.ts file.
declare module 'e2e-suite-files' {
  export function loadSuites(): Promise<void>;
}
