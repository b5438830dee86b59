import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { LspClient } from '../lspClient';
import { positionAt, withCursor } from './cursor';
import { serverForSuite } from './serverForSuite';
import { accept, filterWord, survivesFilter } from './suggestFilter';

// Completion as a person meets it in VS Code: quotes auto-close, so the cursor is inside `""`, after a typed
// prefix, or before any quote. For every site, the wanted item must survive VS Code's filter (the text from the
// item's range start to the cursor against its filterText) and accepting it must leave exactly one pair of quotes.
const MACHINE = `{
  "StartAt": "Fetch",
  "States": {
    "Fetch": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "fetch", "Payload.$": "$.order", "ExecutionId.$": "$$.Execution.Id", "Id.$": "$orderId" },
      "Assign": { "orderId.$": "$.order.id" },
      "Retry": [ { "ErrorEquals": [ "States.Timeout" ], "JitterStrategy": "FULL" } ],
      "Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "Failed" } ],
      "Next": "Decide"
    },
    "Decide": {
      "Type": "Choice",
      "Choices": [ { "Variable": "$.ok", "BooleanEquals": true, "Next": "Done" }, { "Variable": "$.shape", "IsPresent": true, "Next": "Shape" } ],
      "Default": "Failed"
    },
    "Shape": { "Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input %}", "End": true },
    "Done": { "Type": "Succeed", "InputPath": "$.order.id" },
    "Failed": { "Type": "Fail", "Error": "Oops" }
  }
}`;

/** A literal value in MACHINE: `before` ends right before it; `prefix` is what a person types of `label`. */
interface LiteralSite {
  site: string;
  before: string;
  label: string;
  prefix: string;
  quoted?: boolean;
}

const LITERAL_SITES: LiteralSite[] = [
  { site: 'state name in Next', before: '"Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "Failed" } ],\n      "Next": ', label: 'Decide', prefix: 'De' },
  { site: 'state name in Default', before: '"Default": ', label: 'Failed', prefix: 'Fa' },
  { site: 'state name in StartAt', before: '"StartAt": ', label: 'Fetch', prefix: 'Fe' },
  { site: 'state name in a Choice rule Next', before: '"BooleanEquals": true, "Next": ', label: 'Done', prefix: 'Do' },
  { site: 'state name in a Catch Next', before: '"States.ALL" ], "Next": ', label: 'Failed', prefix: 'Fai' },
  { site: 'Type', before: '"Decide": {\n      "Type": ', label: 'Choice', prefix: 'Ch' },
  { site: 'Resource', before: '"Resource": ', label: 'arn:aws:states:::lambda:invoke', prefix: 'arn:aws:states:::la' },
  { site: 'ErrorEquals', before: '"ErrorEquals": [ ', label: 'States.Timeout', prefix: 'States.Ti' },
  { site: 'enum value (JitterStrategy)', before: '"JitterStrategy": ', label: 'FULL', prefix: 'FU' },
  { site: 'enum value (QueryLanguage)', before: '"QueryLanguage": ', label: 'JSONata', prefix: 'JSONa' },
  { site: 'boolean', before: '"BooleanEquals": ', label: 'true', prefix: 'tr', quoted: false },
];

/** Inside an expression string the items replace only the token typed; `full` is the string's whole text. */
const EXPRESSION_SITES = [
  { site: 'JSONPath in a path field', before: '"InputPath": ', full: '$.order.id', label: '$.order.id', typed: '$.order.' },
  { site: 'JSONPath in a .$ value', before: '"Payload.$": ', full: '$.order', label: '$.order', typed: '$.or' },
  { site: '$$. context field', before: '"ExecutionId.$": ', full: '$$.Execution.Id', label: '$$.Execution.Id', typed: '$$.Ex' },
  { site: 'variable in a .$ value', before: '"Id.$": ', full: '$orderId', label: '$orderId', typed: '$ord' },
  { site: '$states in JSONata', before: '"Output": ', full: '{% $states.input %}', label: '$states.input', typed: '{% $states.in', after: ' %}' },
];

const errorsOf = (text: string) => analyzeDocument(text).problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`);

describe('completion inside quotes, after a prefix and before any quote (as VS Code filters and applies it)', function () {
  this.timeout(30_000);
  const server = serverForSuite('quotes', '.asl.json');
  let n = 0;

  async function complete(marked: string): Promise<{ text: string; offset: number; items: CompletionItem[]; isIncomplete: boolean }> {
    const { text, offset } = withCursor(marked);
    const uri = LspClient.uri(`quotes-${n++}.asl.json`);
    await server.client.open(uri, text);
    const list = await server.client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    await server.client.close(uri);
    return { text, offset, items: list.items, isIncomplete: list.isIncomplete };
  }

  /** The item a person would pick: it must be in the list and survive VS Code's filter at the cursor. */
  function pick(items: CompletionItem[], text: string, offset: number, label: string): CompletionItem {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no '${label}' among ${items.map((i) => i.label).join(', ')}`);
    const word = filterWord(text, offset, item);
    assert.ok(survivesFilter(word, item), `'${label}' is filtered away: word ${JSON.stringify(word)}, filterText ${JSON.stringify(item.filterText)}`);
    return item;
  }

  function replaceValue(before: string, value: string, marked: string): string {
    const at = MACHINE.indexOf(before);
    assert.ok(at >= 0, before);
    const start = at + before.length;
    assert.equal(MACHINE.slice(start, start + value.length), value, `MACHINE has ${value} after ${before}`);
    return MACHINE.slice(0, start) + marked + MACHINE.slice(start + value.length);
  }

  for (const s of LITERAL_SITES) {
    const literal = s.quoted === false ? s.label : JSON.stringify(s.label);
    const variants: [string, string][] = s.quoted === false
      ? [['nothing typed', '|'], ['a typed prefix', `${s.prefix}|`]]
      : [['inside ""', '"|"'], ['after a typed prefix', `"${s.prefix}|"`], ['in the middle of the value', `"${s.prefix}|${s.label.slice(s.prefix.length)}"`], ['before any quote', '|'], ['after a prefix with no quote', `${s.prefix}|`]];
    // A lone opening quote (the closing one deleted) is unambiguous only at the end of a line: mid-line, the
    // string runs on to the next quote of the line in any JSON reader.
    if (s.quoted !== false && /^,?\n/.test(MACHINE.slice(MACHINE.indexOf(s.before) + s.before.length + literal.length))) variants.push(['with only an opening quote', `"${s.prefix}|`]);
    for (const [how, marked] of variants) {
      it(`${s.site}: ${how}`, async () => {
        const { text, offset, items } = await complete(replaceValue(s.before, literal, marked));
        const result = accept(text, pick(items, text, offset, s.label));
        assert.equal(result, MACHINE);
      });
    }
  }

  for (const s of EXPRESSION_SITES) {
    const after = s.after ?? '';
    const empty = s.typed.startsWith('{%') ? `"{% |${after}"` : '"|"';
    for (const [how, marked] of [['inside ""', empty], ['after a typed prefix', `"${s.typed}|${after}"`]] as const) {
      it(`${s.site}: ${how}`, async () => {
        const { text, offset, items } = await complete(replaceValue(s.before, JSON.stringify(s.full), marked));
        const result = accept(text, pick(items, text, offset, s.label));
        assert.equal(result, MACHINE);
      });
    }
  }

  it('the filter model keeps what VS Code keeps and drops what it drops', () => {
    // The bug this suite guards against: a range starting at the quote with no filterText.
    assert.equal(survivesFilter('"Do', { label: 'Done' }), false);
    assert.equal(survivesFilter('"Do', { label: 'Done', filterText: '"Done"' }), true);
    assert.equal(survivesFilter('Do', { label: 'Done', filterText: '"Done"' }), true);
    assert.equal(survivesFilter('one', { label: 'Done' }), false);
    assert.equal(survivesFilter('$$.Ex', { label: '$$.Execution.Id' }), true);
    assert.equal(survivesFilter('', { label: 'anything' }), true);
  });

  it('intrinsic function in a .$ value: inside "" and after States.', async () => {
    for (const marked of ['"|"', '"States.UU|"']) {
      const { text, offset, items } = await complete(replaceValue('"Id.$": ', '"$orderId"', marked));
      assert.match(accept(text, pick(items, text, offset, 'States.UUID')), /"Id\.\$": "States\.UUID\(\)" \}/);
    }
  });

  it('JSONata function and variable inside {% %}', async () => {
    const fn = await complete(replaceValue('"Output": ', '"{% $states.input %}"', '"{% $upp| %}"'));
    assert.match(accept(fn.text, pick(fn.items, fn.text, fn.offset, '$uppercase')), /"Output": "\{% \$uppercase\(\) %\}"/);
    const variable = await complete(replaceValue('"Output": ', '"{% $states.input %}"', '"{% $ord| %}"'));
    assert.match(accept(variable.text, pick(variable.items, variable.text, variable.offset, '$orderId')), /"Output": "\{% \$orderId %\}"/);
  });

  describe('property names', () => {
    const line = '      "Type": "Task",\n';
    const withLine = (marked: string) => MACHINE.replace(line, `${marked}\n${line}`);
    for (const [how, marked] of [['inside ""', '      "|"'], ['after a typed prefix', '      "Comm|"'], ['before any quote', '      Comm|'], ['with nothing typed', '      |']]) {
      it(`a new key ${how}: one pair of quotes, a ": " value placeholder and a comma before the next property`, async () => {
        const { text, offset, items } = await complete(withLine(marked));
        const result = accept(text, pick(items, text, offset, 'Comment'));
        assert.equal(result, withLine('      "Comment": "",'));
        assert.deepEqual(errorsOf(result), []);
      });
    }

    for (const [how, marked] of [['inside ""', '"|"'], ['after a typed prefix', '"Ca|"'], ['before any quote', 'Ca|']]) {
      it(`a key that already has a value, ${how}: only the key is replaced`, async () => {
        const { text, offset, items } = await complete(MACHINE.replace('"Error": "Oops"', `${marked}: "Oops"`));
        assert.equal(accept(text, pick(items, text, offset, 'Cause')), MACHINE.replace('"Error": "Oops"', '"Cause": "Oops"'));
      });
    }
  });

  describe('snippets', () => {
    it('whole-state snippets are offered where a state goes and leave valid JSON', async () => {
      const marked = MACHINE.replace('  "States": {\n', '  "States": {\n    "|"\n');
      const { text, offset, items } = await complete(marked);
      const result = accept(text, pick(items, text, offset, 'Wait (JSONPath)'));
      assert.match(result, /"States": \{\n {4}"Wait": \{\n\t"Type": "Wait",\n\t"Seconds": 10,\n\t"Next": "Next"\n\},\n {4}"Fetch"/);
      assert.ok(!analyzeDocument(result).problems.some((p) => p.code === 'json-syntax'));
    });

    it('no whole-state snippet inside a state object', async () => {
      for (const marked of ['"|"', 'Ta|']) {
        const { items } = await complete(MACHINE.replace('"Type": "Succeed", ', `"Type": "Succeed", ${marked} `));
        assert.deepEqual(items.filter((i) => /\((JSONPath|JSONata)\)|Succeed$/.test(i.label)).map((i) => i.label), []);
      }
    });

    it('a whole machine in an empty document', async () => {
      const { text, offset, items } = await complete('mach|');
      const result = accept(text, pick(items, text, offset, 'State machine (JSONPath)'));
      assert.deepEqual(errorsOf(result), []);
    });
  });

  it('"New state…" waits while the typed text still starts an existing name; the list stays incomplete', async () => {
    const { text, offset, items, isIncomplete } = await complete(MACHINE.replace('"Next": "Decide"', '"Next": "Dec|"'));
    assert.ok(!items.some((i) => i.label === 'New state…'));
    assert.equal(accept(text, pick(items, text, offset, 'Decide')), MACHINE);
    assert.equal(isIncomplete, true);
  });

  it('"New state…" creates the state typed in Next when no state has that name', async () => {
    const { text, offset, items } = await complete(MACHINE.replace('"Next": "Decide"', '"Next": "Charge card|"'));
    const result = accept(text, pick(items, text, offset, 'New state…'));
    assert.match(result, /"Next": "Charge card"/);
    assert.match(result, /"Charge card": \{ "Type": "Pass", "End": true \}/);
  });
});
