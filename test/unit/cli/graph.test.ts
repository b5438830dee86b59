import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const DONUT = resolve(__dirname, '../../../examples/donut-shop.asl.json');
const STATES = Object.keys(JSON.parse(readFileSync(DONUT, 'utf8')).States as object);

describe('asl graph', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'asl-graph-'));
  writeFileSync(join(dir, 'broken.asl.json'), '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" },\n    "B": { "Type": "Succeed" },\n  }\n');
  writeFileSync(join(dir, 'hostile.asl.json'), JSON.stringify({ StartAt: '<b>&"x"', States: { '<b>&"x"': { Type: 'Succeed' } } }));

  it('writes a standalone SVG: every state drawn, its own style with no VS Code variables, a background', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['graph', DONUT], t.io), 0);
    const svg = t.out();
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    for (const name of STATES) assert.ok(svg.includes(`<title>${name} (`), name);
    assert.ok(!svg.includes('var(--'), 'no CSS variable left');
    assert.match(svg, /\.node \.box \{ fill: #[0-9a-f]{6}; stroke: #[0-9a-f]{6};/);
    assert.match(svg, /<rect width="100%" height="100%" fill="#ffffff"\/>/);
    assert.match(svg, /<marker id="arrow"/);
    assert.equal(t.err(), '');
  });

  it('writes the laid-out graph as JSON: positions for every node and group, points for every edge', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['graph', '--format=json', DONUT], t.io), 0);
    const graph = JSON.parse(t.out()) as { width: number; nodes: { label: string; kind: string; x: number; width: number }[]; edges: { kind: string; label?: string; points: unknown[] }[] };
    assert.ok(graph.width > 0);
    assert.deepEqual(graph.nodes.filter((n) => !['start', 'end'].includes(n.kind)).map((n) => n.label), STATES);
    for (const n of graph.nodes) assert.ok(n.width > 0 && n.x >= 0, n.label);
    for (const e of graph.edges) assert.ok(e.points.length >= 2, e.kind);
    assert.ok(graph.edges.some((e) => e.kind === 'catch' && e.label === 'States.ALL'));
  });

  it('writes to --output, reads - as stdin', async () => {
    const t = memoryIo(dir, readFileSync(DONUT, 'utf8'));
    assert.equal(await runCli(['graph', '-', '--output', 'out.svg'], t.io), 0);
    assert.equal(t.out(), '');
    assert.match(readFileSync(join(dir, 'out.svg'), 'utf8'), /<title>Sell Donut \(Task\)/);
  });

  it('still draws a definition with syntax errors, and says so on stderr', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['graph', 'broken.asl.json', '--format', 'json'], t.io), 0);
    assert.match(t.err(), /broken\.asl\.json has 2 error\(s\)/);
    const labels = (JSON.parse(t.out()) as { nodes: { label: string }[] }).nodes.map((n) => n.label);
    assert.deepEqual(labels, ['Start', 'End', 'A', 'B']);
  });

  it('escapes state names in the SVG', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['graph', 'hostile.asl.json'], t.io), 0);
    assert.ok(!t.out().includes('<b>'));
    assert.ok(t.out().includes('<title>&lt;b&gt;&amp;"x" (Succeed)</title>'));
  });

  for (const [args, message] of [
    [['missing.asl.json'], /cannot read missing\.asl\.json \(ENOENT\)/],
    [[DONUT, '--format', 'png'], /unknown format 'png'/],
    [[], /give exactly one state machine file/],
    [[DONUT, '--colour'], /unknown option '--colour'/],
    [[DONUT, '--output', join(dir, 'no/such/folder/x.svg')], /cannot write .*x\.svg \(ENOENT\)/],
  ] as const) {
    it(`exits 2: ${message.source}`, async () => {
      const t = memoryIo(dir);
      assert.equal(await runCli(['graph', ...args], t.io), 2);
      assert.match(t.err(), message);
    });
  }
});
