/** The template keys that hold or shape a state machine definition, with what each means to the deploying tool. */
export type TemplateKeyId =
  | 'resource:AWS::Serverless::StateMachine'
  | 'resource:AWS::StepFunctions::StateMachine'
  | 'sam:Definition'
  | 'sam:DefinitionUri'
  | 'sam:DefinitionSubstitutions'
  | 'sam:Type'
  | 'cfn:Definition'
  | 'cfn:DefinitionString'
  | 'cfn:DefinitionSubstitutions'
  | 'cfn:StateMachineType'
  | 'fn:Fn::Sub'
  | 'fn:Fn::Join'
  | 'serverless:definition'
  | 'serverless:type'
  | 'terraform:resource'
  | 'terraform:definition'
  | 'terraform:type'
  | 'terraform:jsonencode'
  | 'terraform:file'
  | 'terraform:templatefile';

export interface TemplateKeyDoc {
  title: string;
  doc: string;
  url: string;
}

const SAM_URL = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html';
const CFN_URL = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html';
const SUB_URL = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html';
const JOIN_URL = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-join.html';
const SLS_URL = 'https://github.com/serverless-operations/serverless-step-functions#readme';
const TF_URL = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine';
const TF_FN_URL = 'https://developer.hashicorp.com/terraform/language/functions/';
const TYPES_URL = 'https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html';

// Sources: the SAM resource page, the CloudFormation resource page, the Fn::Sub / Fn::Join pages, the
// serverless-step-functions README and the Terraform AWS provider page (links above).
export const TEMPLATE_KEY_DOCS: Record<TemplateKeyId, TemplateKeyDoc> = {
  'resource:AWS::Serverless::StateMachine': {
    title: 'AWS::Serverless::StateMachine',
    doc: 'An AWS SAM state machine. SAM turns it into an `AWS::StepFunctions::StateMachine` when it deploys; its definition is given by `Definition` (inline) or `DefinitionUri` (a file), with `DefinitionSubstitutions` filling in `${Name}`.',
    url: SAM_URL,
  },
  'resource:AWS::StepFunctions::StateMachine': {
    title: 'AWS::StepFunctions::StateMachine',
    doc: 'A CloudFormation state machine. Its definition is given by `Definition` (an object), `DefinitionString` (JSON text) or `DefinitionS3Location`, with `DefinitionSubstitutions` filling in `${Name}`.',
    url: CFN_URL,
  },
  'sam:Definition': {
    title: 'Definition',
    doc: 'The state machine definition written inline, as a YAML or JSON map of Amazon States Language. Use it or `DefinitionUri`, not both.',
    url: SAM_URL,
  },
  'sam:DefinitionUri': {
    title: 'DefinitionUri',
    doc: 'The definition file: a local path (SAM uploads it when it packages the template) or an S3 location. Use it or `Definition`, not both.',
    url: SAM_URL,
  },
  'sam:DefinitionSubstitutions': {
    title: 'DefinitionSubstitutions',
    doc: 'A map of names to values: each `${Name}` in the definition is replaced by the value before the state machine is created. Values may be intrinsic functions (`!GetAtt`, `!Ref`, `!Sub`).',
    url: SAM_URL,
  },
  'sam:Type': {
    title: 'Type',
    doc: '`STANDARD` or `EXPRESS`: the kind of workflow (default `STANDARD`). It cannot be changed after the state machine is created.',
    url: TYPES_URL,
  },
  'cfn:Definition': {
    title: 'Definition',
    doc: 'The Amazon States Language definition as an object of the template (JSON or YAML). Use one of `Definition`, `DefinitionString` and `DefinitionS3Location`.',
    url: CFN_URL,
  },
  'cfn:DefinitionString': {
    title: 'DefinitionString',
    doc: 'The Amazon States Language definition as JSON text, often built with `Fn::Sub` (values filled into `${Name}`) or `Fn::Join`.',
    url: CFN_URL,
  },
  'cfn:DefinitionSubstitutions': {
    title: 'DefinitionSubstitutions',
    doc: 'A map (string to string) of placeholder variables: each `${Name}` in the definition is replaced by its value, which may come from an intrinsic function such as `Fn::GetAtt`.',
    url: CFN_URL,
  },
  'cfn:StateMachineType': {
    title: 'StateMachineType',
    doc: '`STANDARD` or `EXPRESS`: the kind of workflow (default `STANDARD`). It cannot be changed after the state machine is created.',
    url: TYPES_URL,
  },
  'fn:Fn::Sub': {
    title: 'Fn::Sub',
    doc: 'Fills `${Name}` in the string with a template parameter, a resource (`${Res}` is its Ref, `${Res.Attr}` an attribute), a pseudo parameter (`${AWS::Region}`) or a variable of the map given as its second argument. `${!Name}` is written as the text `${Name}`.',
    url: SUB_URL,
  },
  'fn:Fn::Join': {
    title: 'Fn::Join',
    doc: 'Joins the values of the list with the separator (its first argument). The intrinsic functions in the list (`Ref`, `Fn::GetAtt`) stand here as `${Name}` placeholders.',
    url: JOIN_URL,
  },
  'serverless:definition': {
    title: 'definition',
    doc: 'The state machine definition (serverless-step-functions plugin), written in YAML. `${...}` in it are Serverless Framework variables (`${self:...}`, `${env:...}`, `${opt:...}`), filled in before deployment; `Fn::GetAtt` and `Ref` are CloudFormation intrinsics.',
    url: SLS_URL,
  },
  'serverless:type': {
    title: 'type',
    doc: '`STANDARD` or `EXPRESS`: the kind of workflow (default `STANDARD`).',
    url: SLS_URL,
  },
  'terraform:resource': {
    title: 'aws_sfn_state_machine',
    doc: 'A Step Functions state machine in Terraform (AWS provider). Its `definition` argument holds the Amazon States Language JSON; `type` chooses `STANDARD` or `EXPRESS`.',
    url: TF_URL,
  },
  'terraform:definition': {
    title: 'definition',
    doc: 'The Amazon States Language definition as a JSON string (required): a heredoc, `jsonencode({...})`, `file("x.asl.json")` or `templatefile("x.asl.json", {...})`. Terraform fills in `${...}` interpolations before AWS sees it.',
    url: TF_URL,
  },
  'terraform:type': {
    title: 'type',
    doc: '`STANDARD` or `EXPRESS`: the kind of workflow (default `STANDARD`).',
    url: TF_URL,
  },
  'terraform:jsonencode': {
    title: 'jsonencode',
    doc: 'Encodes the HCL value as JSON: the object written here is the definition. Keys may be written without quotes and values may be Terraform expressions, which stand here as `${...}` placeholders.',
    url: `${TF_FN_URL}jsonencode`,
  },
  'terraform:file': {
    title: 'file',
    doc: 'Reads the file as it is: the definition is that file, and `${...}` in it reach AWS unchanged (use `templatefile` to fill them in).',
    url: `${TF_FN_URL}file`,
  },
  'terraform:templatefile': {
    title: 'templatefile',
    doc: 'Reads the file and fills its `${name}` with the variables of the map given as second argument: the definition is that file with those values.',
    url: `${TF_FN_URL}templatefile`,
  },
};
