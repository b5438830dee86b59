/** `list`: a string flag that may be given several times (`--sub A=1 --sub B=2`). */
export type FlagKind = 'string' | 'boolean' | 'list';

export interface ParsedArgs {
  flags: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  error?: string;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name` flags; `-` alone and everything after `--` are
 * positionals. Unknown flags are an error, so a typo never silently changes behaviour.
 */
export function parseArgs(argv: string[], spec: Record<string, FlagKind>): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) return { flags, positionals, error: `unknown option '--${name}'` };
    if (kind === 'boolean') {
      if (eq !== -1) return { flags, positionals, error: `option '--${name}' takes no value` };
      flags[name] = true;
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { flags, positionals, error: `option '--${name}' needs a value` };
    if (kind === 'list') {
      const list = flags[name];
      flags[name] = [...(Array.isArray(list) ? list : []), value];
    } else {
      flags[name] = value;
    }
  }
  return { flags, positionals };
}
