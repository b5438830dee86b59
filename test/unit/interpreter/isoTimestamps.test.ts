import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IsoTimestamps } from '../../../server/src/interpreter/isoTimestamps';

// History timestamps and $$.State.EnteredTime are ISO 8601 as AWS writes them (asl-reference §10, Context object):
// the fast writer must give exactly what Date.prototype.toISOString gives, whatever the clock does.
describe('IsoTimestamps', () => {
  it('writes what toISOString writes for any sequence of times, forward, backward, fractional, before 1970, after 9999', () => {
    const time = fc.oneof(
      fc.integer({ min: 0, max: 253_402_300_799_999 }),
      fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
      fc.constantFrom(0, 3_599_999, 3_600_000, 253_402_300_799_999, 253_402_300_800_000, -1, -0.5, 0.999, 1_764_662_400_000.75),
    );
    fc.assert(fc.property(fc.array(time, { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 90_000 }), { maxLength: 30 }), (starts, steps) => {
      const writer = new IsoTimestamps();
      for (const start of starts) {
        let now = start;
        assert.equal(writer.of(now), new Date(now).toISOString());
        for (const step of steps) {
          now += step;
          if (Math.abs(now) > 8.64e15) break;
          assert.equal(writer.of(now), new Date(now).toISOString());
        }
      }
    }), { numRuns: 300 });
  });
});
