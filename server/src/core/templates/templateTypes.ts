import type { AstNode, Span } from '../document/ast';
import type { TemplateKeyId } from '../spec/templateKeyDocs';
import type { ParsedDocument } from '../document/parseDocument';
import type { StateMachineType } from '../validation/types';
import type { OffsetMap } from './offsetMap';

export type TemplateKind = 'cloudformation' | 'serverless' | 'terraform';

/**
 * How a definition sits in its file: `inline` (an object of the file's own tree: the definition's text is the
 * file's text), `string` (JSON inside a string or heredoc: its own text, mapped back by `map`), `hcl` (a Terraform
 * `jsonencode({...})` object, read into the tree with the file's offsets but not JSON text), or `file` (a
 * `DefinitionUri`, `file()` or `templatefile()`: the definition is in another file).
 */
export type EmbeddingKind = 'inline' | 'string' | 'hcl' | 'file';

/** A substitution a template defines for its definition, with its value when it is a literal. */
export interface Substitution {
  name: string;
  /** The literal value, or undefined when it is built by an intrinsic (`!GetAtt`, `!Ref`) or an expression. */
  value?: string;
  /** A readable stand-in for a value only known at deploy time, e.g. an ARN naming the logical ID. */
  placeholder: string;
}

/** Where a new substitution goes: an object of the template (DefinitionSubstitutions, the Fn::Sub variables). */
export interface SubstitutionTarget {
  /** JSON path from the file's root to the object, or to where it is created. */
  path: (string | number)[];
  /** The offset of the object in the file, when it exists. */
  objectSpan?: Span;
  /** The key holding the definition, to create the object beside it. */
  anchorSpan: Span;
}

/** One state machine definition found in a template. */
export interface TemplateDefinition {
  /** The logical ID (SAM/CloudFormation), the stateMachines key (Serverless) or the resource name (Terraform). */
  name: string;
  /** The name's place in the file (code lens, symbols). */
  nameSpan: Span;
  embedding: EmbeddingKind;
  /** The file range of the definition value (the object, the string, the `file(...)` call). */
  span: Span;
  /** The definition: text, tree and syntax problems, in the offsets of `doc.text`. Absent for `file`. */
  doc?: ParsedDocument;
  /** `doc.text` offsets to file offsets. */
  map: OffsetMap;
  /** How `doc.text` is written inside the file: turns text meant for `doc.text` into text for the file. */
  encode(text: string): string | undefined;
  /** Substitutions defined for `${Name}` (SAM DefinitionSubstitutions, Fn::Sub variables, templatefile vars). */
  substitutions: Substitution[];
  /**
   * Names that need no definition: CloudFormation pseudo parameters and the template's own resources and
   * parameters (Fn::Sub), or everything in Terraform (its interpolations refer to Terraform values).
   */
  implicitSubstitution(name: string): boolean;
  /** What gives `${Name}` its value, for messages: "DefinitionSubstitutions", "the templatefile() variables". */
  substitutionsFrom: string;
  /** Where the quick fix adds a missing substitution, if it can. */
  substitutionTarget?: SubstitutionTarget;
  /** The template's Resources (SAM/CloudFormation): what `Ref` and `Fn::GetAtt` name, for placeholder ARNs. */
  resources?: AstNode;
  /**
   * The machine's type when the template says it (SAM `Type`, CloudFormation `StateMachineType`, Serverless `type`,
   * Terraform `type`): it decides what validation refuses (`express-unsupported`) and how a run behaves. Undefined
   * when the template says nothing readable (AWS then makes a STANDARD machine; the settings decide here).
   */
  machineType?: StateMachineType;
  /** The template's own words that hold or shape this definition (keys, the resource type, functions), for hover. */
  keys?: { id: TemplateKeyId; span: Span }[];
  /**
   * The definition file a `DefinitionUri`, `file()` or `templatefile()` names, as written (relative to the file).
   * Its span is a plain copy: the problems reported on the link carry it, and a node's span is the node.
   */
  link?: { target: string; span: Span };
}

/** The state machines of a template file, or none. */
export interface TemplateDocument {
  kind: TemplateKind;
  /** How the file is written. */
  format: 'json' | 'yaml' | 'hcl';
  definitions: TemplateDefinition[];
}
