import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AstNode } from '../../../server/src/core/document/ast';
import { analyzeTemplate } from '../../../server/src/core/templates/analyzeTemplate';
import { checkLinkedDefinition, type LinkedFile } from '../../../server/src/core/templates/linkedDefinition';

const FIXTURES = resolve(__dirname, '../../fixtures/templates');

/** The problems of each state machine of a fixture, as `code «text at the span»`, linked files read beside it. */
function problemsOf(name: string): Record<string, string[]> {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const template = analyzeTemplate(text, name);
  assert.ok(template, `${name} holds state machines`);
  const out: Record<string, string[]> = {};
  for (const { definition, problems } of template.definitions) {
    let linked: LinkedFile | undefined;
    if (definition.link) {
      try {
        linked = { text: readFileSync(join(FIXTURES, dirname(name), definition.link.target), 'utf8') };
      } catch {
        linked = { error: 'no such file' };
      }
    }
    out[definition.name] = [...problems, ...(linked ? checkLinkedDefinition(definition, linked) : [])].map(
      (p) => `${p.code} «${text.slice(p.span.offset, p.span.offset + p.span.length)}»`,
    );
  }
  return out;
}

// Each fixture holds a valid machine (no problem at all) and a broken one whose problems sit on the template's text.
describe('templates: state machines found and checked in each template form', () => {
  it('CloudFormation Definition object: problems at the template positions; ${Name} from DefinitionSubstitutions accepted, an undefined one warned', () => {
    assert.deepEqual(problemsOf('cloudformation-definition.json'), {
      GoodMachine: [],
      BrokenMachine: ['undefined-substitution «${MissingArn}»', 'unknown-state «"Nowhere"»'],
    });
  });

  it('CloudFormation DefinitionString with Fn::Sub (string and [string, variables]): JSON inside the string, spans on the escaped text', () => {
    // ${Worker.Arn} and ${AWS::Region} are what Fn::Sub fills in from the template (AWS::CloudFormation Fn::Sub docs).
    assert.deepEqual(problemsOf('cloudformation-sub.json'), {
      GoodMachine: [],
      BrokenMachine: ['unknown-state «\\"Nowhere\\"»', 'unknown-field «\\"Resul\\"»'],
    });
  });

  it('CloudFormation DefinitionString with Fn::Join: the parts joined, intrinsics standing as placeholders', () => {
    assert.deepEqual(problemsOf('cloudformation-join.json'), {
      GoodMachine: [],
      BrokenMachine: ['unknown-field «\\"Nxt\\"»'],
    });
  });

  it('SAM DefinitionUri: the linked file checked with the DefinitionSubstitutions; a missing file is a warning on the link', () => {
    assert.deepEqual(problemsOf('sam-uri.json'), {
      GoodMachine: [],
      BrokenMachine: ['linked-definition «"statemachine/broken.asl.json"»', 'undefined-substitution «"statemachine/broken.asl.json"»'],
      MissingMachine: ['linked-definition «"statemachine/missing.asl.json"»'],
    });
  });

  it('Terraform heredoc (<<EOF and <<-EOF): interpolations inside and outside JSON strings give no false error', () => {
    assert.deepEqual(problemsOf('heredoc.tf'), { good: [], broken: ['unknown-state «"Nowhere"»'] });
  });

  it('Terraform jsonencode({...}): HCL objects read as the definition, references as placeholders', () => {
    assert.deepEqual(problemsOf('jsonencode.tf'), { good: [], broken: ['unknown-state «"Nowhere"»'] });
  });

  it('Terraform file() and templatefile(): the file checked with the templatefile() variables; file() fills in nothing', () => {
    assert.deepEqual(problemsOf('file.tf'), {
      good: [],
      broken: ['linked-definition «"statemachine/broken.asl.json"»', 'undefined-substitution «"statemachine/broken.asl.json"»'],
    });
  });

  it('SAM template.yaml: Definition inline in YAML (!GetAtt as a placeholder), DefinitionUri beside it', () => {
    assert.deepEqual(problemsOf('template.yaml'), {
      GoodMachine: [],
      BrokenMachine: ['unknown-field «TimeoutSecond»', 'unknown-state «Nowhere»'],
      LinkedMachine: [],
    });
  });

  it('CloudFormation YAML DefinitionString: !Sub | block scalar and Fn::Sub [|-, variables], spans inside the block', () => {
    assert.deepEqual(problemsOf('cloudformation-sub.yaml'), {
      GoodMachine: [],
      BrokenMachine: ['unknown-state «"Nowhere"»', 'unknown-field «"Resul"»'],
    });
  });

  it('Serverless Framework: stepFunctions.stateMachines.<name>.definition; ${self:...} variables are the framework\'s', () => {
    assert.deepEqual(problemsOf('serverless.yml'), { goodMachine: [], brokenMachine: ['unknown-state «Don»'] });
  });

  it('every node of every definition (JSON, YAML, HCL, JSON inside a string) is its own span', () => {
    const files = ['cloudformation-definition.json', 'cloudformation-join.json', 'cloudformation-sub.json', 'cloudformation-sub.yaml', 'heredoc.tf', 'jsonencode.tf', 'serverless.yml', 'template.yaml'];
    let nodes = 0;
    for (const name of files) {
      for (const { definition } of analyzeTemplate(readFileSync(join(FIXTURES, name), 'utf8'), name)!.definitions) {
        const stack: AstNode[] = definition.doc?.root ? [definition.doc.root] : [];
        while (stack.length > 0) {
          const node = stack.pop()!;
          nodes++;
          assert.equal(node.span, node, `${name}: the ${node.kind} at ${node.offset}`);
          if (node.kind === 'array') stack.push(...node.items);
          if (node.kind !== 'object') continue;
          for (const p of node.properties) {
            assert.equal(p.span, p, `${name}: the property ${p.key} at ${p.offset}`);
            if (p.value) stack.push(p.value);
          }
        }
      }
    }
    assert.ok(nodes > 100, `walked ${nodes} nodes`);
  });
});
