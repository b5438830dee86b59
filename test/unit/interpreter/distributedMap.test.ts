import assert from 'node:assert/strict';
import { StatesError } from '../../../server/src/interpreter/statesError';
import { run } from './runMachine';

const processor = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

// asl-reference §5.8: Distributed Map run locally; the ItemReader's read is answered like a Task (mock or handler).
describe('interpreter: Distributed Map', () => {
  it('reads CSV items through the ItemReader (header row) and caps them at MaxItems', async () => {
    const r = await run({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 2 }, Parameters: { Bucket: 'b', 'Key.$': '$.key' } },
          ItemProcessor: processor,
          End: true,
        },
      },
    }, { key: 'rows.csv' }, async (req) => {
      assert.deepEqual(req.input, { Bucket: 'b', Key: 'rows.csv' });
      return 'id,name\n1,"Ana, the first"\n2,Bo\n3,Cy\n';
    });
    assert.deepEqual(r.output, [{ id: '1', name: 'Ana, the first' }, { id: '2', name: 'Bo' }]);
  });

  it('batches items with ItemBatcher and BatchInput', async () => {
    const r = await run({
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { 'run.$': '$.run' } }, ItemsPath: '$.items', ItemProcessor: processor, End: true } },
    }, { run: 7, items: [1, 2, 3] });
    assert.deepEqual(r.output, [{ Items: [1, 2], BatchInput: { run: 7 } }, { Items: [3], BatchInput: { run: 7 } }]);
  });

  it('tolerates failed items up to ToleratedFailureCount, then fails with States.ExceedToleratedFailureThreshold', async () => {
    const machine = (tolerated: number) => ({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailureCount: tolerated,
          ItemProcessor: { ...processor, StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
          End: true,
        },
      },
    });
    const failOdd = async (req: { input: unknown }) => {
      if ((req.input as number) % 2) throw new StatesError('Odd', 'odd item');
      return req.input;
    };
    assert.equal((await run(machine(2), [1, 2, 3], failOdd)).status, 'SUCCEEDED');
    assert.equal((await run(machine(1), [1, 2, 3], failOdd)).error, 'States.ExceedToleratedFailureThreshold');
  });

  it('a failing read is States.ItemReaderFailed', async () => {
    const r = await run({ StartAt: 'M', States: { M: { Type: 'Map', ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' } }, ItemProcessor: processor, End: true } } }, {}, async () => 'not json');
    assert.equal(r.error, 'States.ItemReaderFailed');
  });
});

describe('interpreter: ResultWriter', () => {
  it('writes SUCCEEDED_0.json and manifest.json through the writer and returns where they went', async () => {
    const { runExecution } = await import('../../../server/src/interpreter/runExecution');
    const { VirtualClock } = await import('../../../server/src/interpreter/virtualClock');
    const { testServices } = await import('./runMachine');
    const written = new Map<string, string>();
    const r = await runExecution({
      definition: { StartAt: 'M', States: { M: { Type: 'Map', ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'runs/' } }, ItemProcessor: processor, End: true } } },
      input: [1, 2],
      invokeTask: async () => ({}),
      clock: new VirtualClock(0),
      services: testServices,
      writeResult: async (path, content) => void written.set(path, content),
    });
    const details = (r.output as { ResultWriterDetails: { Bucket: string; Key: string } }).ResultWriterDetails;
    assert.equal(details.Bucket, 'out');
    assert.match(details.Key, /^runs\/M-\d+\/manifest\.json$/);
    const succeeded = [...written.entries()].find(([p]) => p.endsWith('SUCCEEDED_0.json'));
    assert.deepEqual(JSON.parse(succeeded![1]), [1, 2]);
    assert.ok([...written.keys()].some((p) => p === `out/${details.Key}`));
  });
});
