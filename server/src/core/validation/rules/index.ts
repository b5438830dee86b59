import type { Rule } from '../types';
import { choiceRules } from './choiceRules';
import { deprecatedField } from './deprecatedField';
import { distributedMapFields } from './distributedMapFields';
import { duplicateKey } from './duplicateKey';
import { duplicateStateName } from './duplicateStateName';
import { errorEqualsNames } from './errorEqualsNames';
import { exclusiveFields } from './exclusiveFields';
import { expressUnsupported } from './expressUnsupported';
import { heartbeatBelowTimeout } from './heartbeatBelowTimeout';
import { invalidFieldValue } from './invalidFieldValue';
import { invalidIntrinsic } from './invalidIntrinsic';
import { invalidJsonata } from './invalidJsonata';
import { invalidPath } from './invalidPath';
import { invalidVariableName } from './invalidVariableName';
import { jsonataStatesPlacement } from './jsonataStatesPlacement';
import { jsonSyntax } from './jsonSyntax';
import { missingRequiredField } from './missingRequiredField';
import { nextOrEnd } from './nextOrEnd';
import { noTerminalState } from './noTerminalState';
import { payloadTemplate } from './payloadTemplate';
import { queryLanguageField } from './queryLanguageField';
import { queryLanguageOverride } from './queryLanguageOverride';
import { stateNameLength } from './stateNameLength';
import { statesAllPosition } from './statesAllPosition';
import { stateType } from './stateType';
import { taskResource } from './taskResource';
import { unknownField } from './unknownField';
import { unknownState } from './unknownState';
import { unknownVariable } from './unknownVariable';
import { unreachableHandler } from './unreachableHandler';
import { unreachableState } from './unreachableState';
import { variableScope } from './variableScope';
import { yamlSyntax } from './yamlSyntax';

/** Every validation rule, in the order they run. One rule per file; add new rules here. */
export const allRules: Rule[] = [
  jsonSyntax,
  yamlSyntax,
  stateType,
  missingRequiredField,
  unknownField,
  invalidFieldValue,
  queryLanguageField,
  exclusiveFields,
  nextOrEnd,
  distributedMapFields,
  deprecatedField,
  heartbeatBelowTimeout,
  unknownState,
  duplicateStateName,
  stateNameLength,
  unreachableState,
  noTerminalState,
  choiceRules,
  statesAllPosition,
  errorEqualsNames,
  unreachableHandler,
  taskResource,
  expressUnsupported,
  duplicateKey,
  payloadTemplate,
  queryLanguageOverride,
  invalidPath,
  invalidIntrinsic,
  invalidJsonata,
  jsonataStatesPlacement,
  invalidVariableName,
  variableScope,
  unknownVariable,
];
