import type { HeadersObject, OpenAPIObject, OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { PROBLEM_JSON } from './error.filter';
import { HEADER_TOKEN, HEADER_TOKEN_FORMAT } from './request-context';

/** ControllerName_method, fixed here so that a library upgrade cannot rename the operations clients generate code from. */
export const operationId = (controllerKey: string, methodKey: string) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;

const PROBLEM: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details; statusCode, error, message and errors are kept for clients that read them',
  required: ['type', 'title', 'status', 'detail', 'instance', 'statusCode', 'error', 'message', 'errors'],
  properties: {
    type: { type: 'string', format: 'uri-reference', example: 'about:blank' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'occurredAt must state its time zone (Z or an offset such as +01:00)' },
    instance: { type: 'string', format: 'uri-reference', example: '/v1/associations' },
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'array', items: { type: 'string' } },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: {
          field: { type: 'string', nullable: true, description: 'the field, or header:<name>, path:<name>, body' },
          rule: { type: 'string', description: 'the rule it broke, such as isIn, maxLength or a domain rule such as outside-period' },
          message: { type: 'string' },
        },
      },
    },
  },
};

const token = (name: string, description: string): ParameterObject => ({
  name,
  in: 'header',
  required: false,
  description: `${description}; ${HEADER_TOKEN_FORMAT}`,
  schema: { type: 'string', pattern: HEADER_TOKEN.source },
});

/** The headers every command reads (request-context.ts). */
const COMMAND_HEADERS: ParameterObject[] = [
  token('Idempotency-Key', 'makes a retry safe: the same key with the same command answers the first result again (Idempotent-Replayed: true)'),
  {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'the ETag of the stream last read ("-1" for a new stream): refused with 412 when the stream has changed since',
    schema: { type: 'string', example: '"3"' },
  },
  token('X-Source-App', 'the internal app that sends the command (recorded with the events)'),
  token('X-Correlation-Id', 'ties the events to a request of the sending app (a new id when left out)'),
  token('X-Causation-Id', 'the message that caused this command'),
  token('X-On-Behalf-Of', 'recorded on behalf of someone else; only for credentials that may act on behalf'),
];

const header = (description: string) => ({ description, schema: { type: 'string' } });
const RETRY_AFTER: HeadersObject = { 'Retry-After': header('seconds to wait before trying again') };
const COMMAND_ACCEPTED: HeadersObject = {
  ETag: header('the stream revision after the command, to send back as If-Match'),
  Location: header('the stream the command wrote to'),
  'Idempotent-Replayed': header('true when the answer is that of an earlier request with the same Idempotency-Key'),
};

const problem = (description: string, headers?: HeadersObject): ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

const ANY_OPERATION: Record<string, ResponseObject> = {
  '400': problem('the input breaks a rule: errors name each field and the rule'),
  '429': problem('too many requests from these credentials or this address', RETRY_AFTER),
  '500': problem('an unexpected failure; the answer tells nothing of its cause'),
  default: problem('any other error'),
};
const WITH_BODY: Record<string, ResponseObject> = {
  '413': problem('the body is larger than MAX_BODY_BYTES'),
  '415': problem('the body is not application/json in UTF-8, or its Content-Encoding is not supported'),
};
const COMMAND: Record<string, ResponseObject> = {
  '404': problem('an entity the command needs does not exist'),
  '409': problem('the entity already exists, or the stream changed meanwhile (without If-Match)'),
  '412': problem('the stream changed since the ETag sent as If-Match'),
  '422': problem('the command breaks a rule of the theory of change, as of its business time'),
};
const READ_WAIT: Record<string, ResponseObject> = {
  '503': problem('the read model did not apply minPosition within MAX_READ_WAIT_MS; retry after Retry-After', RETRY_AFTER),
};

/** Reads whose answer carries the stream revision as ETag. */
const ETAG_READS = new Set([operationId('StreamsController', 'read')]);
/** Reads that wait for minPosition (ReadModelAccess.caughtUpTo). */
const WAITING_READS = new Set(['all', 'one', 'modelWithValues'].map((method) => operationId('IndicatorsController', method)));

const isParameter = (parameter: unknown): parameter is ParameterObject => typeof parameter === 'object' && parameter !== null && 'name' in parameter;
const isError = (status: string) => status === 'default' || Number(status) >= 400;

/** Every error response is a problem document; those declared by decorators (401, 403) keep their description. */
const addProblems = (operation: OperationObject, responses: Record<string, ResponseObject>) => {
  const declared = Object.keys(operation.responses).filter(isError);
  for (const status of new Set([...declared, ...Object.keys(responses)])) {
    const given = operation.responses[status] as ResponseObject | undefined;
    const response = responses[status] ?? problem(given!.description);
    operation.responses[status] = given ? { ...response, description: given.description } : response;
  }
};

const addHeaders = (response: unknown, headers: HeadersObject) => {
  if (response) (response as ResponseObject).headers = { ...(response as ResponseObject).headers, ...headers };
};

/**
 * Completes the generated document with what decorators do not say: the problem schema on every
 * operation, the headers commands read, and the headers their answers carry.
 */
export const describeHttp = (document: OpenAPIObject, commandControllers: readonly { name: string }[]): OpenAPIObject => {
  const commandIds = commandControllers.map((controller) => operationId(controller.name, ''));
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM } };
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete].filter((o): o is OperationObject => o !== undefined)) {
      const parameters = (operation.parameters ?? []).filter(isParameter);
      const isCommand = commandIds.some((id) => operation.operationId?.startsWith(id));
      addProblems(operation, {
        ...ANY_OPERATION,
        ...(operation.requestBody ? WITH_BODY : {}),
        ...(WAITING_READS.has(operation.operationId ?? '') ? READ_WAIT : {}),
        ...(isCommand ? COMMAND : {}),
      });
      if (isCommand) {
        const declared = new Set(parameters.map((parameter) => parameter.name));
        operation.parameters = [...(operation.parameters ?? []), ...COMMAND_HEADERS.filter((parameter) => !declared.has(parameter.name))];
        addHeaders(operation.responses['201'], COMMAND_ACCEPTED);
      }
      if (ETAG_READS.has(operation.operationId ?? '')) addHeaders(operation.responses['200'], { ETag: header('the stream revision, to send back as If-Match') });
    }
  }
  return document;
};
