import { strict as assert } from 'node:assert';
import { analyzeTemplate } from '../../../server/src/core/templates/analyzeTemplate';
import { checkLinkedDefinition } from '../../../server/src/core/templates/linkedDefinition';
import { prepareTemplateRun } from '../../../server/src/core/templates/prepareTemplateRun';

// A Task an Express workflow refuses: '.sync' (asl-reference §0.12; "Optimized integrations for Step Functions":
// Express supports Request Response only).
const SYNC_TASK = { StartAt: 'Job', States: { Job: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Parameters: { Cluster: 'c', TaskDefinition: 't' }, End: true } } };
const SYNC_YAML = `StartAt: Job
          States:
            Job:
              Type: Task
              Resource: arn:aws:states:::ecs:runTask.sync
              Parameters: { Cluster: c, TaskDefinition: t }
              End: true`;

const codesOf = (text: string, name: string) => analyzeTemplate(text, name)!.definitions.map((d) => [d.definition.name, d.definition.machineType, d.problems.map((p) => p.code)]);

describe('templates: the machine type comes from the template', () => {
  it('SAM `Type: EXPRESS` (AWS::Serverless::StateMachine "Type") makes .sync an express-unsupported error; STANDARD and none do not', () => {
    const sam = (type: string) => `Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n${type}      Definition:\n          ${SYNC_YAML}\n`;
    assert.deepEqual(codesOf(sam('      Type: EXPRESS\n'), 'template.yaml'), [['M', 'EXPRESS', ['express-unsupported']]]);
    assert.deepEqual(codesOf(sam('      Type: STANDARD\n'), 'template.yaml'), [['M', 'STANDARD', []]]);
    assert.deepEqual(codesOf(sam(''), 'template.yaml'), [['M', undefined, []]]);
    // A type only known at deploy time (a parameter) is not guessed.
    assert.deepEqual(codesOf(sam('      Type: !Ref MachineType\n'), 'template.yaml'), [['M', undefined, []]]);
  });

  it('CloudFormation `StateMachineType` (AWS::StepFunctions::StateMachine), JSON template', () => {
    const cfn = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineType: 'EXPRESS', Definition: SYNC_TASK } } } }, null, 2);
    assert.deepEqual(codesOf(cfn, 'template.json'), [['M', 'EXPRESS', ['express-unsupported']]]);
    // CloudFormation's property is StateMachineType: a SAM-style `Type` there is not read as the machine type.
    const wrongKey = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Type: 'EXPRESS', Definition: SYNC_TASK } } } });
    assert.deepEqual(codesOf(wrongKey, 'template.json'), [['M', undefined, []]]);
  });

  it('Serverless `type: express` (serverless-step-functions) and Terraform `type = "EXPRESS"`', () => {
    const sls = `stepFunctions:\n  stateMachines:\n    orders:\n      type: express\n      definition:\n        ${SYNC_YAML.replace(/\n {10}/g, '\n        ')}\n`;
    assert.deepEqual(codesOf(sls, 'serverless.yml'), [['orders', 'EXPRESS', ['express-unsupported']]]);
    const tf = (type: string) => `resource "aws_sfn_state_machine" "orders" {\n  name = "orders"\n${type}  definition = jsonencode(${JSON.stringify(SYNC_TASK)})\n  logging_configuration {\n    type = "STANDARD"\n  }\n}\n`;
    assert.deepEqual(codesOf(tf('  type = "EXPRESS"\n'), 'main.tf'), [['orders', 'EXPRESS', ['express-unsupported']]]);
    // A nested block's `type` is not the machine's; a variable is not known here.
    assert.deepEqual(codesOf(tf(''), 'main.tf'), [['orders', undefined, []]]);
    assert.deepEqual(codesOf(tf('  type = var.machine_type\n'), 'main.tf'), [['orders', undefined, []]]);
  });

  it("the template's type wins over the settings' in both directions; without one the settings decide", () => {
    const sam = (type: string) => `Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n${type}      Definition:\n          ${SYNC_YAML}\n`;
    const express = { allowPlaceholders: true, severityOverrides: {}, stateMachineType: 'EXPRESS' as const };
    assert.deepEqual(analyzeTemplate(sam('      Type: STANDARD\n'), 't.yaml', express)!.problems, []);
    assert.deepEqual(analyzeTemplate(sam(''), 't.yaml', express)!.problems.map((p) => p.code), ['express-unsupported']);
  });

  it('a DefinitionUri file is checked as the type the template gives, and read as YAML when it is .asl.yaml', () => {
    const text = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n      DefinitionUri: statemachine/job.asl.yaml\n';
    const template = analyzeTemplate(text, 'template.yaml')!;
    const definition = template.definitions[0].definition;
    const linkedYaml = { text: SYNC_YAML.replace(/\n {10}/g, '\n') };
    const problems = checkLinkedDefinition(definition, linkedYaml);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0].message, /'statemachine\/job\.asl\.yaml' has 1 error; the first, at 5:15: Express state machine does not support/);
    const run = prepareTemplateRun(text, template.definitions[0], linkedYaml);
    assert.ok('problems' in run && run.problems[0].code === 'express-unsupported', JSON.stringify(run));
    // The same file as a STANDARD machine is fine and runs.
    const standard = analyzeTemplate(text.replace('EXPRESS', 'STANDARD'), 'template.yaml')!;
    assert.deepEqual(checkLinkedDefinition(standard.definitions[0].definition, linkedYaml), []);
    assert.ok('definition' in prepareTemplateRun(text, standard.definitions[0], linkedYaml));
  });
});
