import assert from 'node:assert/strict';
import type * as textmate from 'vscode-textmate';
import { loadGrammar, scopeOf, scopesOf, tokenize } from './tokenize';

// The asl-yaml grammar colours what the YAML front end reads (YAML 1.2 syntax: comments after whitespace, anchors
// and aliases, tags, quoted and block scalars) and what ASL means (asl-reference: keys, state types, state names
// in StartAt/Next/Default, JSONPath, intrinsic functions, `{% %}` JSONata).
describe('TextMate grammar (syntaxes/asl-yaml.tmLanguage.json)', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar('source.asl.yaml', 'asl-yaml.tmLanguage.json');
  });

  const doc = `# An order machine
Comment: Processes an order # why
StartAt: Get Order
States:
  Get Order:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      id.$: $.order.id
      msg.$: "States.Format('id {}', $.id)"
      fn: \${WorkerArn}
    Retry:
      - ErrorEquals: [States.TaskFailed]
        MaxAttempts: 3
    Next: 'Ship It'
  Ship It:
    Type: Pass
    QueryLanguage: JSONata
    Output: '{% $states.input.total * 2 %}'
    Assign:
      plain: {% $count($states.input.items) %}
      block: |
        {% $states.input.items
           ~> $map(function($i) { $i.price }) %}
      after: 1
    Next: Done
  Done: {Type: Succeed}
`;

  it('marks ASL keys, state types and state names in StartAt, Next and Default', () => {
    const tokens = tokenize(grammar, doc);
    assert.match(scopeOf(tokens, 'StartAt'), /entity\.name\.tag\.yaml keyword\.other\.asl/);
    assert.match(scopeOf(tokens, 'Resource'), /keyword\.other\.asl/);
    assert.match(scopeOf(tokens, 'Task'), /entity\.name\.type\.state-type\.asl/);
    assert.match(scopeOf(tokens, 'Pass'), /entity\.name\.type\.state-type\.asl/);
    assert.match(scopeOf(tokens, 'Succeed'), /meta\.flow-mapping\.yaml.*entity\.name\.type\.state-type\.asl/);
    assert.match(scopeOf(tokens, 'Get Order'), /entity\.name\.function\.state\.reference\.asl/);
    assert.match(scopeOf(tokens, 'Ship It'), /entity\.name\.function\.state\.reference\.asl/);
    assert.match(scopeOf(tokens, 'Done'), /entity\.name\.function\.state\.reference\.asl/);
    // A key that is not ASL's is a YAML key, not a keyword; `.$` keys mark their suffix.
    assert.match(scopeOf(tokens, 'fn'), /entity\.name\.tag\.yaml/);
    assert.doesNotMatch(scopeOf(tokens, 'fn'), /keyword\.other\.asl/);
    assert.match(scopeOf(tokens, '.$'), /keyword\.operator\.dynamic-key\.asl/);
  });

  it('marks a state\'s name where States defines it, apart from where StartAt and Next refer to it, nested blocks too', () => {
    const tokens = tokenize(grammar, doc);
    const definition = /entity\.name\.function\.state\.asl/;
    const [referred, defined] = scopesOf(tokens, 'Get Order');
    assert.match(referred, /state\.reference\.asl/);
    assert.match(defined, definition);
    assert.match(scopesOf(tokens, 'Ship It')[1], definition);
    assert.match(scopesOf(tokens, 'Done')[1], definition);
    // Keys inside a state, and the top-level keys after the States block, are not state names.
    for (const key of ['Type', 'Parameters', 'id.$', 'MaxAttempts', 'plain', 'after']) assert.doesNotMatch(scopesOf(tokens, key).join(' '), definition, key);
    const nested = tokenize(grammar, `StartAt: Fan
States:
  Fan:
    Type: Parallel
    Branches:
      - StartAt: Left
        States:
          Left:   # the left branch
            Type: Pass
            End: true
      - States:
          "Right one":
            Type: Pass
            End: true
        StartAt: Right one
    End: true
TimeoutSeconds: 5
`);
    for (const name of ['Fan', 'Left', '"Right one"']) assert.match(scopesOf(nested, name).at(-1)!, definition, name);
    assert.match(scopesOf(nested, ' the left branch').join(' '), /comment\.line/);
    for (const key of ['Type', 'Branches', 'End', 'StartAt', 'TimeoutSeconds']) assert.doesNotMatch(scopesOf(nested, key).join(' '), definition, key);
    assert.match(scopesOf(nested, 'Right one').at(-1)!, /state\.reference\.asl/);
  });

  it('marks JSONPath, intrinsics, ARNs and ${Name} substitutions in plain and quoted scalars', () => {
    const tokens = tokenize(grammar, doc);
    assert.match(scopeOf(tokens, '$.order.id'), /string\.unquoted\.plain\.yaml variable\.other\.jsonpath\.asl/);
    assert.match(scopeOf(tokens, 'States.Format'), /string\.quoted\.double\.yaml support\.function\.intrinsic\.asl/);
    assert.match(scopeOf(tokens, '$.id'), /string\.quoted\.double\.yaml variable\.other\.jsonpath\.asl/);
    assert.match(scopeOf(tokens, 'arn:aws:states:::lambda:invoke'), /string\.other\.arn\.asl/);
    assert.match(scopeOf(tokens, 'States.TaskFailed'), /meta\.flow-sequence\.yaml string\.unquoted\.plain\.yaml/);
    assert.match(scopeOf(tokens, '${WorkerArn}'), /variable\.other\.substitution\.asl/);
  });

  it('marks {% %} JSONata in single-quoted, plain and block scalars, across the block\'s lines', () => {
    const tokens = tokenize(grammar, doc);
    const states = scopesOf(tokens, '$states');
    assert.equal(states.length, 3, JSON.stringify(tokens.filter(([t]) => t.includes('states'))));
    assert.match(states[0], /string\.quoted\.single\.yaml meta\.embedded\.inline\.jsonata source\.jsonata variable\.language\.states\.jsonata/);
    assert.match(states[1], /string\.unquoted\.plain\.yaml meta\.embedded\.inline\.jsonata source\.jsonata variable\.language\.states\.jsonata/);
    assert.match(states[2], /string\.unquoted\.block\.yaml meta\.embedded\.block\.jsonata source\.jsonata variable\.language\.states\.jsonata/);
    // The block's second line is still JSONata, and the block ends where the indentation comes back.
    assert.match(scopeOf(tokens, '$map'), /meta\.embedded\.block\.jsonata.*support\.function\.jsonata/);
    assert.match(scopesOf(tokens, '%}').at(-1)!, /punctuation\.section\.embedded\.end\.jsonata/);
    assert.doesNotMatch(scopeOf(tokens, 'after'), /string\.unquoted\.block/);
    assert.match(scopeOf(tokens, 'after'), /entity\.name\.tag\.yaml/);
    assert.match(scopeOf(tokens, '1'), /constant\.numeric\.yaml/);
    assert.match(scopeOf(tokens, '|'), /keyword\.control\.flow\.block-scalar\.yaml/);
  });

  it('marks comments only where YAML starts one (after whitespace), not a # inside a value', () => {
    const tokens = tokenize(grammar, doc);
    assert.match(scopeOf(tokens, ' An order machine'), /comment\.line\.number-sign\.yaml/);
    assert.match(scopeOf(tokens, ' why'), /comment\.line\.number-sign\.yaml/);
    assert.match(scopeOf(tokens, 'Processes an order'), /string\.unquoted\.plain\.yaml/);
    const hash = tokenize(grammar, 'Comment: issue#12 stays text');
    assert.match(scopeOf(hash, 'issue#12 stays text'), /string\.unquoted\.plain\.yaml/);
    assert.ok(!hash.some(([, s]) => s.includes('comment')), JSON.stringify(hash));
  });

  it('marks anchors, aliases, merge keys and CloudFormation tags', () => {
    const tokens = tokenize(grammar, [
      'States:',
      '  A: &task',
      '    Type: Task',
      '    Resource: !GetAtt Worker.Arn',
      '  B:',
      '    <<: *task',
      '    Parameters: { FunctionName: !Sub "${Fn}", Other: !Ref Thing }',
      '    Tag: !custom x',
    ].join('\n'));
    const [anchor, alias] = scopesOf(tokens, 'task');
    assert.match(anchor, /entity\.name\.type\.anchor\.yaml/);
    assert.match(alias, /variable\.other\.alias\.yaml/);
    assert.match(scopeOf(tokens, '<<'), /keyword\.operator\.merge-key\.yaml/);
    assert.match(scopeOf(tokens, '!GetAtt'), /storage\.type\.tag-handle\.yaml support\.function\.cloudformation\.asl/);
    assert.match(scopeOf(tokens, '!Sub'), /meta\.flow-mapping\.yaml storage\.type\.tag-handle\.yaml support\.function\.cloudformation\.asl/);
    assert.match(scopeOf(tokens, '!Ref'), /support\.function\.cloudformation\.asl/);
    assert.match(scopeOf(tokens, '!custom'), /storage\.type\.tag-handle\.yaml/);
    assert.doesNotMatch(scopeOf(tokens, '!custom'), /cloudformation/);
  });

  it('an unclosed {% in a block scalar stops at the next top-level key', () => {
    const tokens = tokenize(grammar, 'Output: |\n  {% $states.input\nStartAt: A\n');
    assert.match(scopeOf(tokens, 'StartAt'), /^source\.asl\.yaml entity\.name\.tag\.yaml keyword\.other\.asl$/);
  });
});
