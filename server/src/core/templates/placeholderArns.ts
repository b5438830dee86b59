import type { AstNode } from '../document/ast';
import { getString, getValue } from '../document/ast';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

/** Resource types whose ARN a state machine usually gets, with how the ARN names the resource. */
const ARN_FORMS: Record<string, (id: string) => string> = {
  'AWS::Lambda::Function': (id) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${id}`,
  'AWS::Serverless::Function': (id) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${id}`,
  'AWS::SNS::Topic': (id) => `arn:aws:sns:${REGION}:${ACCOUNT}:${id}`,
  'AWS::SQS::Queue': (id) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${id}`,
  'AWS::DynamoDB::Table': (id) => id,
  'AWS::Serverless::SimpleTable': (id) => id,
  'AWS::S3::Bucket': (id) => id.toLowerCase(),
  'AWS::StepFunctions::StateMachine': (id) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`,
  'AWS::Serverless::StateMachine': (id) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`,
  'AWS::Events::EventBus': (id) => id,
  'AWS::ECS::Cluster': (id) => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${id}`,
};

const PSEUDO: Record<string, string> = {
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'stack',
  'AWS::StackId': `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/stack/00000000-0000-0000-0000-000000000000`,
  'AWS::NoValue': '',
};

/** Whether a name is a CloudFormation pseudo parameter (`AWS::Region`, ...). */
export function isPseudoParameter(name: string): boolean {
  return name.startsWith('AWS::');
}

/**
 * A readable stand-in for what `Ref` or `Fn::GetAtt` of a template resource gives at deploy time: an ARN (or URL,
 * or name) of the resource's kind that names its logical ID, so a local run shows where the value came from.
 */
export function placeholderFor(resources: AstNode | undefined, id: string, attribute?: string): string {
  if (Object.hasOwn(PSEUDO, id)) return PSEUDO[id];
  const type = getString(getValue(resources, id), 'Type');
  const form = type && Object.hasOwn(ARN_FORMS, type) ? ARN_FORMS[type] : undefined;
  if (form && (!attribute || attribute === 'Arn' || attribute === 'QueueUrl')) return form(id);
  if (attribute === 'Name' || attribute === 'QueueName' || attribute === 'TopicName') return id;
  return `arn:aws:cloudformation:${REGION}:${ACCOUNT}:${id}${attribute ? `.${attribute}` : ''}`;
}

/** The stand-in for a CloudFormation intrinsic object (`{"Ref": X}`, `{"Fn::GetAtt": [X, A]}`, ...), or undefined. */
export function placeholderOfIntrinsic(node: AstNode | undefined, resources: AstNode | undefined): string | undefined {
  if (!node || node.kind !== 'object' || node.properties.length !== 1) return undefined;
  const { key, value } = node.properties[0];
  if (key === 'Ref' && value?.kind === 'string') return placeholderFor(resources, value.value);
  if (key === 'Fn::GetAtt') {
    if (value?.kind === 'string') {
      const dot = value.value.indexOf('.');
      return dot < 0 ? placeholderFor(resources, value.value) : placeholderFor(resources, value.value.slice(0, dot), value.value.slice(dot + 1));
    }
    if (value?.kind === 'array' && value.items[0]?.kind === 'string') {
      const attribute = value.items[1]?.kind === 'string' ? value.items[1].value : undefined;
      return placeholderFor(resources, value.items[0].value, attribute);
    }
  }
  if (key === 'Fn::Sub' && value?.kind === 'string') return value.value.replace(/\$\{([^}!]+)\}/g, (_, name: string) => placeholderFor(resources, ...splitAttr(name)));
  return key.startsWith('Fn::') || key === 'Ref' ? `arn:aws:cloudformation:${REGION}:${ACCOUNT}:${key.replace('Fn::', '')}` : undefined;
}

function splitAttr(name: string): [string, string?] {
  if (name.startsWith('AWS::')) return [name];
  const dot = name.indexOf('.');
  return dot < 0 ? [name] : [name.slice(0, dot), name.slice(dot + 1)];
}

/** Terraform resource types a state machine usually references, with what their `arn` (or `id`/`url`) looks like. */
const TERRAFORM_FORMS: Record<string, (name: string) => string> = {
  aws_lambda_function: (n) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${n}`,
  aws_sns_topic: (n) => `arn:aws:sns:${REGION}:${ACCOUNT}:${n}`,
  aws_sqs_queue: (n) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${n}`,
  aws_dynamodb_table: (n) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${n}`,
  aws_sfn_state_machine: (n) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${n}`,
  aws_sfn_activity: (n) => `arn:aws:states:${REGION}:${ACCOUNT}:activity:${n}`,
  aws_ecs_cluster: (n) => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${n}`,
  aws_cloudwatch_event_bus: (n) => `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/${n}`,
};

/**
 * The stand-in for a Terraform resource reference (`aws_lambda_function.worker.arn`), which Terraform fills in
 * before AWS sees the definition: an ARN of the resource's kind naming it (`id`/`name` give the name, an SQS
 * queue's `url`/`id` its URL). Undefined for anything else (`var.x`, `local.y`, expressions): only the user knows.
 */
export function terraformPlaceholder(expression: string): string | undefined {
  const m = /^(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)$/.exec(expression.trim());
  if (!m) return undefined;
  const [, type, name, attribute] = m;
  if (type === 'aws_sqs_queue' && (attribute === 'url' || attribute === 'id')) return `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
  if (attribute === 'name' || attribute === 'id') return name;
  const form = Object.hasOwn(TERRAFORM_FORMS, type) ? TERRAFORM_FORMS[type] : undefined;
  return form ? form(name) : `arn:aws:${type.replace(/^aws_/, '').replace(/_/g, '-')}:${REGION}:${ACCOUNT}:${name}`;
}
