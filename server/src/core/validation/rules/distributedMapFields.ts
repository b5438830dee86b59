import { getProperty, getValue } from '../../document/ast';
import { schemaSites } from '../schemaSites';
import type { Rule } from '../types';

export const distributedMapFields: Rule = {
  code: 'distributed-map-fields',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    'ItemReader, ItemBatcher, ResultWriter, ToleratedFailure* and Label need a Distributed Map, which needs ProcessorConfig.ExecutionType.',
  example: {
    bad: '{ "StartAt": "M", "States": { "M": { "Type": "Map", "ToleratedFailureCount": 1, "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Succeed" } } }, "End": true } } }',
    fixed:
      '{ "StartAt": "M", "States": { "M": { "Type": "Map", "ToleratedFailureCount": 1, "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "P", "States": { "P": { "Type": "Succeed" } } }, "End": true } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      if (site.state?.type !== 'Map' || site.object !== site.state.node) continue;
      if (site.distributed) {
        const config = getProperty(getValue(site.object, 'ItemProcessor'), 'ProcessorConfig');
        if (config?.value?.kind === 'object' && !getProperty(config.value, 'ExecutionType')) {
          ctx.report({
            span: config.keySpan,
            message: "ProcessorConfig needs 'ExecutionType' (STANDARD or EXPRESS) when Mode is DISTRIBUTED",
          });
        }
        continue;
      }
      for (const prop of site.object.properties) {
        if (!site.schema.fields[prop.key]?.distributedOnly) continue;
        ctx.report({
          span: prop.keySpan,
          message: `The field '${prop.key}' needs a Distributed Map: set ItemProcessor.ProcessorConfig.Mode to DISTRIBUTED`,
          data: { field: prop.key },
        });
      }
    }
  },
};
