import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of this process's children that have ended and been waited for, with theirs
 * (Linux /proc/self/stat cutime and cstime, in clock ticks of 10 ms); 0 elsewhere.
 */
export function childCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}
