import type { HttpStatus } from '@nestjs/common';
import { BadRequestException, HttpException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * Stable machine-readable error codes, one per class of failure a client can act on. The HTTP
 * status says how bad; the code says what to do (fix the field, retry later, use a new key).
 */
export const ApiErrorCodes = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal',
  502: 'upstream_error',
  503: 'unavailable',
} as const satisfies Record<number, string>;

const FieldProblem = z.object({
  field: z.string().meta({ description: 'dotted path of the field, parameter or header that failed' }),
  message: z.string(),
});

/** Every error answer of the API, whatever its status: one schema for clients to parse. */
export const ErrorBodySchema = z.object({
  statusCode: z.number().int().min(400).max(599),
  error: z.string().meta({ description: 'the HTTP reason phrase', example: 'Bad Request' }),
  code: z
    .string()
    .meta({ description: 'stable error class, e.g. validation_failed, not_found, rate_limited' }),
  message: z.string().meta({ description: 'what failed, naming the field or rule' }),
  field: z
    .string()
    .optional()
    .meta({ description: 'the field, query parameter, path parameter or header that failed, when one did' }),
  errors: z
    .array(FieldProblem)
    .optional()
    .meta({ description: 'every failing field, when validation found several' }),
});

export type ErrorAnswer = z.infer<typeof ErrorBodySchema>;

/** The OpenAPI side of {@link ErrorBodySchema} (schema `ErrorBody`). */
export class ErrorBody extends createZodDto(ErrorBodySchema) {}

/** A 400 that names the field it is about (the message is prefixed with it unless it already is). */
export function fieldError(field: string, message: string, code = 'invalid_field'): BadRequestException {
  const text = message.startsWith(field) ? message : `${field}: ${message}`;
  return new BadRequestException({ message: text, field, code });
}

/** Any status with an optional field and code; the filter fills in `error` and `statusCode`. */
export function apiError(
  status: HttpStatus,
  message: string,
  extra: { field?: string; code?: string } = {},
): HttpException {
  return new HttpException({ message, ...extra }, status);
}
