/**
 * The OpenAPI request body of a route that takes a JSON document or a CSV upload, chosen by
 * Content-Type (prospects, suppressions): the JSON schema, the CSV as a `text/csv` body, or the
 * CSV as the `file` part of a multipart form. Written out because the handler, not a `@Body()`,
 * reads the body (a CSV is streamed).
 */
export function jsonOrCsvBody(options: {
  /** `getSchemaPath` of the JSON DTO. */
  jsonRef: string;
  /** The schema of the CSV text. */
  csv: Record<string, unknown>;
  /** The schema of the multipart `file` part. */
  filePart: Record<string, unknown>;
  /** What the multipart form is, when it needs saying. */
  formDescription?: string;
}) {
  return {
    required: true,
    content: {
      'application/json': { schema: { $ref: options.jsonRef } },
      'text/csv': { schema: options.csv },
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: { file: options.filePart },
          // Other parts are ignored; a part's name sits in a header, where a control character
          // (other than tab) makes the multipart body malformed: a 400.
          propertyNames: { pattern: String.raw`^[^\u0000-\u0008\u000a-\u001f\u007f]*$` },
          ...(options.formDescription !== undefined && { description: options.formDescription }),
        },
        encoding: { file: { contentType: 'text/csv' } },
      },
    },
  };
}
