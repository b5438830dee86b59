import type { Rule } from '../types';
import { choiceRules } from './choiceRules';
import { distributedMapFields } from './distributedMapFields';
import { duplicateStateName } from './duplicateStateName';
import { errorEqualsNames } from './errorEqualsNames';
import { exclusiveFields } from './exclusiveFields';
import { heartbeatBelowTimeout } from './heartbeatBelowTimeout';
import { invalidFieldValue } from './invalidFieldValue';
import { jsonSyntax } from './jsonSyntax';
import { missingRequiredField } from './missingRequiredField';
import { nextOrEnd } from './nextOrEnd';
import { noTerminalState } from './noTerminalState';
import { queryLanguageField } from './queryLanguageField';
import { stateNameLength } from './stateNameLength';
import { statesAllPosition } from './statesAllPosition';
import { stateType } from './stateType';
import { taskResource } from './taskResource';
import { unknownField } from './unknownField';
import { unknownState } from './unknownState';
import { unreachableHandler } from './unreachableHandler';
import { unreachableState } from './unreachableState';

/** Every validation rule, in the order they run. One rule per file; add new rules here. */
export const allRules: Rule[] = [
  jsonSyntax,
  stateType,
  missingRequiredField,
  unknownField,
  invalidFieldValue,
  queryLanguageField,
  exclusiveFields,
  nextOrEnd,
  distributedMapFields,
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
];
