import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Kysely } from 'kysely';
import { assertCredentialsKeyReady } from '@engine/activities';
import type { EngineConfig } from '@engine/config';
import type { Database } from '@engine/db';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { bodyParserErrorHandler } from './common/body-parser-errors';
import { buildOpenApiDocument } from './common/contract/openapi-document';
import { ApiValidationPipe } from './common/contract/validation-pipe';
import { DB, ENGINE_CONFIG } from './infrastructure/tokens';

/** Largest JSON (or form) body; bigger uploads go as streamed CSV. */
export const JSON_BODY_LIMIT = '10mb';

/**
 * Largest body of `POST /api/calls/bulk-queue`: 10,000 calls, each with its `call_config` and
 * variables, can pass 10 MB (about 3 KB a call here); seed 001's clients send them as one JSON.
 */
export const BULK_CALLS_BODY_LIMIT = '32mb';

/**
 * Builds the API with its global pipe, filter and OpenAPI document; the caller listens. Fails
 * (closing what it opened) when carrier accounts are stored and `CARRIER_CREDENTIALS_KEY` cannot
 * decrypt them.
 */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<INestApplication> {
  // rawBody: webhook signatures are computed over the exact bytes the carrier sent.
  // bodyParser: registered below with our limit, followed by the handler that turns its errors into JSON.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    rawBody: true,
    bodyParser: false,
    logger: options.logger === false ? false : undefined,
  });
  // Registered first: the general parser then finds the body parsed and leaves it alone. The raw
  // bytes are kept as Nest's parser keeps them (the Idempotency-Key binds to their hash).
  app.use(
    '/api/calls/bulk-queue',
    json({
      limit: BULK_CALLS_BODY_LIMIT,
      verify: (req, _res, bytes) => Object.assign(req, { rawBody: bytes }),
    }),
  );
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: true });
  app.use(bodyParserErrorHandler);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ApiValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  try {
    await assertCredentialsKeyReady(app.get<Kysely<Database>>(DB), app.get<EngineConfig>(ENGINE_CONFIG).env);
  } catch (err) {
    await app.close();
    throw err;
  }
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
