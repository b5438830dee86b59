/** The checks a template adds to the rules (documented in docs/rules.md beside them). */
export const TEMPLATE_CHECKS = [
  {
    code: 'undefined-substitution',
    severity: 'warning',
    description:
      'In a template (SAM, CloudFormation, Serverless, Terraform), a `${Name}` in a definition that nothing fills in: not DefinitionSubstitutions, not the `Fn::Sub` variables, parameters or resources, not the `templatefile()` variables. AWS would receive the text as written. The quick fix adds the name to DefinitionSubstitutions (SAM/CloudFormation).',
    bad: 'Definition: { "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "${WorkerArn}", "End": true } } }  # no DefinitionSubstitutions',
    fixed: 'DefinitionSubstitutions: { "WorkerArn": { "Fn::GetAtt": ["Worker", "Arn"] } }',
  },
  {
    code: 'linked-definition',
    severity: 'error',
    description:
      'A `DefinitionUri`, `file()` or `templatefile()` names a definition file that cannot be read (a warning: it may be made at build time) or that has errors (reported on the link, with the first one; open the file for all of them).',
    bad: 'DefinitionUri: statemachine/missing.asl.json',
    fixed: 'DefinitionUri: statemachine/order.asl.json',
  },
] as const;
