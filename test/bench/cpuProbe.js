// Preloaded into a process a benchmark times (`node -r cpuProbe.js ...`): at exit it writes the CPU time the
// process used, all threads (main, GC helpers, compilers), as one stderr line `cpu-at-exit <ms>`. On a shared,
// loaded machine this moves far less than wall time, which waits for the CPU as well as using it.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`cpu-at-exit ${(user + system) / 1000}\n`);
});
