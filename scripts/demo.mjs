// npm run demo: validates the examples, then runs the donut shop for a good order and for the two failing
// orders (mocked Tasks, virtual time) and prints their histories, and ends with the examples' tests.
import { spawnSync } from 'node:child_process';

const cli = ['dist/cli.js'];
const step = (title, args) => {
  console.log(`\n━━ ${title}\n$ asl ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [...cli, ...args], { stdio: 'inherit' });
  return r.status;
};

let failed = 0;
if (step('Validate every example', ['validate', 'examples']) !== 0) failed++;
const donut = ['run', 'examples/donut-shop.asl.json', '--mocks', 'examples/donut-shop.mocks.json'];
if (step('Donut shop: a good order', [...donut, '--input', 'examples/donut-shop.input.json', '--test-case', 'HappyPath']) !== 0) failed++;
if (step('Donut shop: sold out (NotEnoughInventory is caught)', [...donut, '--input', 'examples/donut-shop.inputs/sold-out.json', '--test-case', 'SoldOut']) !== 1) failed++;
if (step('Donut shop: no money (NotEnoughFunds is caught)', [...donut, '--input', 'examples/donut-shop.inputs/no-funds.json', '--test-case', 'NoFunds']) !== 1) failed++;
if (step('Run the examples\' tests (name.tests.json / .tests.yaml beside each machine)', ['test', 'examples', '--coverage']) !== 0) failed++;
console.log(failed ? `\n${failed} demo step(s) did not end as expected` : '\nDemo finished: one order succeeded, two failed the way the machine says they should, and every example\'s tests pass.');
process.exitCode = failed ? 1 : 0;
