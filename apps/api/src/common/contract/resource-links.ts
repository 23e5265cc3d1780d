import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  operationId?: string;
  responses?: Record<string, { links?: Record<string, unknown> }>;
};
type PathItem = Record<string, Operation | undefined>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * OpenAPI links from each creating `POST /x` to the operations on `/x/{id}` and below, with
 * `id` taken from the created resource (`$response.body#/id`). Clients and tools learn from them
 * how resources connect; the contract fuzz uses them to chain calls (create, read, act, delete,
 * read again) and so checks that a created resource is readable and a deleted one is gone.
 */
export function linkCreatedResources(doc: OpenAPIObject): OpenAPIObject {
  const paths = doc.paths as Record<string, PathItem>;
  for (const [path, item] of Object.entries(paths)) {
    const created = item['post']?.responses?.['201'];
    const itemPath = `${path}/{id}`;
    if (!created || !paths[itemPath]) continue;
    const links: Record<string, unknown> = {};
    for (const [target, targetItem] of Object.entries(paths)) {
      if (target !== itemPath && !target.startsWith(`${itemPath}/`)) continue;
      // Only targets whose one path parameter is the created id can be reached from it alone.
      if ((target.match(/\{/g) ?? []).length !== 1) continue;
      for (const method of METHODS) {
        const op = targetItem[method];
        if (!op?.operationId) continue;
        links[op.operationId] = { operationId: op.operationId, parameters: { id: '$response.body#/id' } };
      }
    }
    if (Object.keys(links).length > 0) created.links = { ...created.links, ...links };
  }
  return doc;
}
