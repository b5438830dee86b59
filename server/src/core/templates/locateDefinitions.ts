import { parseDocument, type ParsedDocument } from '../document/parseDocument';
import { cloudFormationDefinitions } from './cloudFormationLocator';
import type { HostFormat } from './hostFormat';
import { appendJsonString, encodeJsonString } from './jsonStringSource';
import { serverlessDefinitions } from './serverlessLocator';
import { terraformDefinitions } from './terraformLocator';
import type { TemplateDocument } from './templateTypes';
import { yamlHost } from './yamlHost';

/** Words one of which every template holding a state machine contains: files without them are not parsed. */
const MARKERS = /AWS::StepFunctions::StateMachine|AWS::Serverless::StateMachine|stateMachines|aws_sfn_state_machine/;

/** Reads a YAML file into the tree and string mapping the locators need (the YAML front end, injected). */
export type YamlHost = (text: string) => HostFormat | undefined;

/** The file name forms read as templates (besides any JSON or YAML file whose content is one). */
export function isTerraformFile(fileName: string): boolean {
  return /\.tf$/i.test(fileName);
}

/**
 * The state machines a template file holds, or undefined when it is no template with a state machine:
 * SAM/CloudFormation (JSON or YAML), Serverless Framework (`stepFunctions.stateMachines`) or Terraform
 * (`*.tf`). Cheap for any other file: a file without one of the resource words is not parsed. Never throws.
 */
export function locateDefinitions(text: string, fileName: string, readYamlHost: YamlHost = yamlHost): TemplateDocument | undefined {
  if (!MARKERS.test(text)) return undefined;
  if (isTerraformFile(fileName)) {
    const definitions = terraformDefinitions(text);
    return definitions.length ? { kind: 'terraform', format: 'hcl', definitions } : undefined;
  }
  const host = /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? jsonHost(parseDocument(text)) : readYamlHost(text);
  if (!host) return undefined;
  const cloudFormation = cloudFormationDefinitions(host);
  if (cloudFormation.length) return { kind: 'cloudformation', format: host.name, definitions: cloudFormation };
  const serverless = serverlessDefinitions(host);
  return serverless.length ? { kind: 'serverless', format: host.name, definitions: serverless } : undefined;
}

export function jsonHost(doc: ParsedDocument): HostFormat {
  return {
    name: 'json',
    doc,
    appendString: (node, out) => appendJsonString(doc.text, node, out),
    encodeString: (_node, text) => encodeJsonString(text),
  };
}
