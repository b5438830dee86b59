import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyzeDocument } from '../core/analyzeDocument';
import { formatOfName } from '../core/document/documentFormat';
import { buildGraph } from '../core/graph/buildGraph';
import type { Layout } from '../core/graph/graphLayout';
import type { GraphModel } from '../core/graph/graphModel';
import { graphSvg } from '../core/graph/graphSvg';
import { layoutGraph } from '../core/graph/layoutGraph';
import { EXIT_OK, usageError, type CliIo } from './cliIo';
import { chooseMachine, MACHINE_FLAGS, MACHINE_USAGE } from './chooseMachine';
import { parseArgs } from './parseArgs';

export const GRAPH_USAGE = `Usage: asl graph FILE|- [--state-machine NAME] [--format svg|json] [--output FILE]

Draws a state machine as the graph preview does (the same layered layout, Parallel and Map states around their
branches, labelled Choice rules, dashed Catch edges), also when the definition has errors.
  --format svg    a standalone SVG picture (default)
  --format json   the laid-out graph: {width, height, nodes, groups, edges} with positions and edge points
  --output FILE   write there instead of to stdout
${MACHINE_USAGE}Exit status: 0 drawn, 2 usage error, unreadable file or unwritable output.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { format: 'string', output: 'string', help: 'boolean', ...MACHINE_FLAGS });
  if (args.flags.help) {
    io.stdout(GRAPH_USAGE);
    return EXIT_OK;
  }
  const usage = usageError(io, 'graph');
  if (args.error) return usage(`${args.error}\n\n${GRAPH_USAGE}`);
  const format = (args.flags.format as string | undefined) ?? 'svg';
  if (format !== 'svg' && format !== 'json') return usage(`unknown format '${format}' (use svg or json)\n\n${GRAPH_USAGE}`);
  if (args.positionals.length !== 1) return usage(`give exactly one state machine file\n\n${GRAPH_USAGE}`);
  const file = args.positionals[0];

  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    return usage(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const chosen = file === '-' ? undefined : await chooseMachine(io, file, text, args.flags);
  if (chosen && 'error' in chosen) {
    if (chosen.names) io.stdout(`${chosen.names.join('\n')}\n`);
    return usage(chosen.error);
  }
  const analysis = chosen?.analysis ?? analyzeDocument(text, undefined, formatOfName(file));
  const errors = analysis.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) io.stderr(`asl graph: ${file} has ${errors} error(s) ('asl validate' lists them); drawing what can be read\n`);
  const graph = buildGraph(analysis.model, analysis.problems);
  const layout = layoutGraph(graph);
  const output = format === 'svg' ? graphSvg(graph, layout) : `${JSON.stringify(laidOutGraph(graph, layout), null, 2)}\n`;

  const target = args.flags.output as string | undefined;
  if (target === undefined) {
    io.stdout(output);
    return EXIT_OK;
  }
  try {
    await writeFile(resolve(io.cwd, target), output);
  } catch (error) {
    return usage(`cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return EXIT_OK;
}

/** The graph model and its layout in one: each node, group and edge with where it is drawn. */
export function laidOutGraph(graph: GraphModel, layout: Layout) {
  const at = (id: string) => {
    const { x, y, width, height } = layout.nodes[id] ?? { x: 0, y: 0, width: 0, height: 0 };
    return { x, y, width, height };
  };
  return {
    width: layout.width,
    height: layout.height,
    nodes: graph.nodes.map((n) => ({ ...n, ...at(n.id) })),
    groups: graph.groups.map((g) => ({ ...g, ...at(g.id) })),
    edges: graph.edges.map((e) => {
      const laid = layout.edges[e.id];
      return { ...e, points: laid?.points ?? [], ...(laid?.label ? { labelBox: { x: laid.label.x, y: laid.label.y, width: laid.label.width, height: laid.label.height } } : {}) };
    }),
  };
}
