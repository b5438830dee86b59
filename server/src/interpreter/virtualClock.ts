import type { Clock } from './types';

/** Time that jumps: Wait, Retry back-off and timeouts take no real time, and history shows virtual timestamps. */
export class VirtualClock implements Clock {
  readonly real = false;
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    this.current += Math.max(0, ms);
  }
}
