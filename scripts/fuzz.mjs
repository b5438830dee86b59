// `npm run fuzz [SCALE]`: the fuzz tests of test/fuzz with every case count multiplied by SCALE (default 20);
// each prints how many cases it ran. `npm test` runs them at scale 1. ASL_FUZZ_SEED=N replays a failure.
import { spawnSync } from 'node:child_process';

const scale = process.argv[2] ?? process.env.ASL_FUZZ_SCALE ?? '20';
const result = spawnSync('npx', ['mocha', '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '0', '--reporter', 'test/support/summaryReporter.js', 'test/fuzz/*.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, ASL_FUZZ_SCALE: scale },
});
process.exit(result.status ?? 1);
