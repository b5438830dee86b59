// Preloaded into a server a benchmark drives (`node --expose-gc -r heapProbe.js dist/server.js`): on SIGUSR2 it
// collects garbage (twice: the first may only finish what concurrent marking started) and writes the heap's size
// as one stderr line, `heap-after-gc {"heapUsed":...,"heapTotal":...,"external":...,"rss":...}`. It changes nothing
// else in the server: a heap figure that does not depend on when V8 last chose to collect.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
  process.stderr.write(`heap-after-gc ${JSON.stringify({ heapUsed, heapTotal, external, rss })}\n`);
});
