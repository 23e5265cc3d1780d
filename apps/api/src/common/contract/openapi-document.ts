import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { ErrorBody } from './error-body';
import { linkCreatedResources } from './resource-links';

type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: Record<string, { schema: unknown }> }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

const DEFAULT_DESCRIPTIONS: Record<string, string> = {
  '400': 'the request is invalid: `field` names the field, parameter or header that failed',
  '401': 'missing, invalid or revoked API key',
  '404': 'no such resource for this customer',
  '409': 'the resource is in a state that does not allow this',
  '413': 'the body is larger than the limit',
  '415': 'unsupported content type',
  '422': 'the Idempotency-Key was used with a different request',
  '429': 'rate limit of this API key reached: retry after `Retry-After` seconds',
  '503': 'a service the request needs is unavailable: retry later',
};

const ERROR_CONTENT = { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } };

/**
 * Which error answers an operation can give, from what it takes: any parameter or body can be
 * invalid (400), a secured one can be refused (401) and rate limited (429), a path id can name
 * nothing (404), a body can be too large (413), an idempotency key can be reused (422) or still
 * be held by the first request (409). Other 409s, 415 and the rest come from the controllers.
 */
function errorStatuses(op: Operation, path: string): string[] {
  const statuses = new Set(Object.keys(op.responses).filter((s) => s.startsWith('4') || s.startsWith('5')));
  const params = op.parameters ?? [];
  if (params.length > 0 || op.requestBody) statuses.add('400');
  if (op.security && op.security.length > 0) {
    statuses.add('401');
    statuses.add('429');
  }
  if (path.includes('{')) statuses.add('404');
  if (op.requestBody) statuses.add('413');
  if (params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'))
    statuses.add('422');
  return [...statuses];
}

/**
 * Declares every error answer of every operation with the one ErrorBody schema, unless the
 * operation declared that answer's content itself (the health check's 503 is its report).
 */
export function declareErrorAnswers(doc: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      for (const status of errorStatuses(op, path)) {
        const existing = op.responses[status];
        op.responses[status] = {
          description: existing?.description || DEFAULT_DESCRIPTIONS[status] || 'error',
          content: existing?.content ?? ERROR_CONTENT,
        };
      }
    }
  }
  return doc;
}

/** Builds the OpenAPI 3.1 document: routes from the controllers, schemas from the zod DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Campaign engine API')
    .setDescription(
      'Outbound voice and SMS campaigns on Temporal. Every route except /api/health, the carrier ' +
        'webhooks and the call documents needs `Authorization: Bearer <api key>` ' +
        '(`npm run admin -- customer create <name>`). Every error answer is an `ErrorBody`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const raw = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBody] });
  return linkCreatedResources(declareErrorAnswers(cleanupOpenApiDoc(raw)));
}
