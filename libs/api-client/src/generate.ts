import openapiTS, { astToString } from 'openapi-typescript';

/** The banner of the generated file: where it comes from and how to regenerate it. */
export const GENERATED_BANNER =
  "/**\n * Generated from the API's OpenAPI document by openapi-typescript: do not edit.\n" +
  ' * Regenerate with `npm run api-client:generate` (the dev stack must be up); a test fails when it is stale.\n */\n\n';

/** TypeScript types for an OpenAPI document, as `libs/api-client/src/schema.d.ts` holds them. */
export async function generateClientTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return GENERATED_BANNER + astToString(ast);
}
