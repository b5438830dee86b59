import * as vscode from 'vscode';
import type { RunTestsRequest } from '../../../server/src/protocol';

type Item = NonNullable<RunTestsRequest.Result['coverage']>[number]['items'][number];

/**
 * A machine's coverage for the Testing API: each state is a statement (at its name's line) and its Choice rules,
 * catchers and retriers are its branches, each counted by how often the tests used it.
 */
export function testCoverage(uri: vscode.Uri, items: Item[]): vscode.FileCoverage & { details: vscode.StatementCoverage[] } {
  const statements = new Map<string, vscode.StatementCoverage>();
  for (const item of items) {
    const at = new vscode.Position(Math.max(0, item.line), 0);
    if (item.kind === 'state') statements.set(item.state, new vscode.StatementCoverage(item.hits, at, []));
  }
  for (const item of items) {
    if (item.kind === 'state') continue;
    statements.get(item.state)?.branches.push(new vscode.BranchCoverage(item.hits, new vscode.Position(Math.max(0, item.line), 0), item.label));
  }
  const details = [...statements.values()];
  return Object.assign(vscode.FileCoverage.fromDetails(uri, details), { details });
}
