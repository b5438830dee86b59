import type { Execution } from './execution';
import { StatesError } from './statesError';

type Obj = Record<string, unknown>;

const fail = (name: string, message: string): never => {
  throw new StatesError('States.ResultWriterFailed', `The ResultWriter of '${name}' failed: ${message}`);
};

/**
 * A Distributed Map's ResultWriter (asl-reference §5.8.2): the child results go to SUCCEEDED_0.json / FAILED_0.json
 * and a manifest.json under Bucket/Prefix/<map run>/, and the state's result says where. Locally the files go
 * through `writeResult` (a folder on disk for `asl run --results-dir`). A bucket that S3 would refuse, or a key with
 * `.`/`..` segments, backslashes or NUL, which would leave that folder, is States.ResultWriterFailed, as is a write
 * that fails.
 */
export async function writeMapResults(ex: Execution, name: string, writer: Obj, started: number, results: unknown[], failedIndexes: Set<number>): Promise<unknown> {
  const params = (writer.Parameters ?? writer.Arguments ?? {}) as Obj;
  const mapRun = `${name.replace(/[^\w.-]+/g, '-')}-${started}`;
  const bucket = String(params.Bucket ?? 'bucket');
  const keyPrefix = `${String(params.Prefix ?? '').replace(/^\/+/, '')}${mapRun}/`;
  const mapRunArn = `arn:aws:states:us-east-1:123456789012:mapRun:${mapRun}`;
  if (ex.options.writeResult) {
    // S3's bucket naming rules: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric.
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.split('.').includes('')) fail(name, `'${bucket}' is not a valid bucket name`);
    if (/[\\\0]/.test(keyPrefix) || keyPrefix.split('/').some((part) => part === '.' || part === '..')) fail(name, `the key prefix '${keyPrefix}' has '.' or '..' segments, a backslash or NUL`);
    const prefix = `${bucket}/${keyPrefix}`;
    const succeeded = results.filter((_, i) => !failedIndexes.has(i));
    const failed = results.filter((_, i) => failedIndexes.has(i));
    const write = async (file: string, value: unknown) => {
      try {
        await ex.options.writeResult!(`${prefix}${file}`, JSON.stringify(value, null, 2));
      } catch (error) {
        fail(name, error instanceof Error ? error.message : String(error));
      }
    };
    await write('SUCCEEDED_0.json', succeeded);
    if (failed.length) await write('FAILED_0.json', failed);
    await write('manifest.json', {
      DestinationBucket: params.Bucket,
      MapRunArn: mapRunArn,
      ResultFiles: { SUCCEEDED: [{ Key: `${prefix}SUCCEEDED_0.json`, Size: succeeded.length }], FAILED: failed.length ? [{ Key: `${prefix}FAILED_0.json`, Size: failed.length }] : [] },
    });
  }
  // With a ResultWriter AWS returns where the results went, not the results.
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: params.Bucket ?? '', Key: `${String(params.Prefix ?? '')}${mapRun}/manifest.json` } };
}
