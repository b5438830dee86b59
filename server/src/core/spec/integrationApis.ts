import { ownTable } from './ownTable';

/**
 * The APIs of each optimized integration and the patterns each one supports beyond Request Response
 * (`s` = `.sync`, `s2` = `.sync:2`, `w` = `.waitForTaskToken`), from the developer guide's per-service pages
 * ("Optimized integrations for Step Functions", connect-supported-services.html, and the page of each service).
 * AWS refuses any other API of an optimized service: `The resource provided arn:aws:states:::dynamodb:query is
 * not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`
 * (recorded AWS answer, corpus/aws-recorded-messages.json).
 */
const APIS: Record<string, Record<string, string>> = ownTable({
  apigateway: { invoke: 'w' },
  athena: { startQueryExecution: 's', stopQueryExecution: '', getQueryExecution: '', getQueryResults: '' },
  batch: { submitJob: 's' },
  bedrock: { invokeModel: 'w', createModelCustomizationJob: 's w' },
  codebuild: {
    startBuild: 's', stopBuild: '', batchDeleteBuilds: '', batchGetReports: '', startBuildBatch: 's', stopBuildBatch: '',
    retryBuild: 's', retryBuildBatch: 's', deleteBuildBatch: '',
  },
  dynamodb: { getItem: '', putItem: '', updateItem: '', deleteItem: '' },
  ecs: { runTask: 's w' },
  eks: {
    createCluster: 's', deleteCluster: 's', createFargateProfile: 's', deleteFargateProfile: 's', createNodegroup: 's',
    deleteNodegroup: 's', runJob: 's', call: '',
  },
  elasticmapreduce: {
    createCluster: 's', terminateCluster: 's', addStep: 's', cancelStep: '', setClusterTerminationProtection: '',
    modifyInstanceFleetByName: '', modifyInstanceGroupByName: '',
  },
  'emr-containers': { createVirtualCluster: '', deleteVirtualCluster: 's', startJobRun: 's' },
  'emr-serverless': {
    createApplication: 's', startApplication: 's', stopApplication: 's', deleteApplication: 's', startJobRun: 's', cancelJobRun: 's',
  },
  events: { putEvents: 'w' },
  glue: { startJobRun: 's' },
  databrew: { startJobRun: 's' },
  lambda: { invoke: 'w' },
  mediaconvert: { createJob: 's' },
  sagemaker: {
    createEndpoint: '', createEndpointConfig: '', createHyperParameterTuningJob: 's', createLabelingJob: 's', createModel: '',
    createProcessingJob: 's', createTrainingJob: 's', createTransformJob: 's', updateEndpoint: '',
  },
  sns: { publish: 'w' },
  sqs: { sendMessage: 'w' },
  states: { startExecution: 's s2 w' },
  http: { invoke: '' },
  // The Distributed Map's ItemReader and ResultWriter resources.
  s3: { getObject: '', listObjectsV2: '', putObject: '' },
});

export type IntegrationPattern = 'requestResponse' | 'sync' | 'sync:2' | 'waitForTaskToken';

const CODES: Record<Exclude<IntegrationPattern, 'requestResponse'>, string> = { sync: 's', 'sync:2': 's2', waitForTaskToken: 'w' };

/** Whether `service` is an optimized integration. */
export function isOptimizedService(service: string): boolean {
  return Object.hasOwn(APIS, service);
}

/** Whether the optimized `service` has `api`; undefined for a service that is not optimized. */
export function hasIntegrationApi(service: string, api: string): boolean | undefined {
  if (!Object.hasOwn(APIS, service)) return undefined;
  return Object.hasOwn(APIS[service], api);
}

/** Whether the optimized `service`'s `api` supports `pattern` (Request Response always). */
export function apiSupportsPattern(service: string, api: string, pattern: IntegrationPattern): boolean {
  if (pattern === 'requestResponse') return true;
  const codes = Object.hasOwn(APIS, service) && Object.hasOwn(APIS[service], api) ? APIS[service][api].split(' ') : [];
  return codes.includes(CODES[pattern]);
}

/** The APIs of an optimized service, for messages and completion. */
export function integrationApis(service: string): string[] {
  return Object.hasOwn(APIS, service) ? Object.keys(APIS[service]) : [];
}
