import type { Request } from 'express';

interface RouteLayer {
  route?: { path?: unknown; methods: Record<string, boolean | undefined> };
  match(path: string): boolean;
}

/** A route path without parameters or wildcards (`/api/calls/queue`, not `/api/calls/:id`). */
const isStatic = (path: unknown) => typeof path === 'string' && !/[:*{]/.test(path);

function routeLayers(req: Request): RouteLayer[] {
  const router = (req.app as unknown as { router?: { stack?: RouteLayer[] } }).router;
  return (router?.stack ?? []).filter((layer) => layer.route && layer.match(req.path));
}

/**
 * The methods the API serves at the request's path, read from Express's route table; empty when
 * no route has the path. A request with another method is then a 405 naming them in `Allow`
 * (RFC 9110 §15.5.6), not a 404 that would say the resource does not exist. A path that a route
 * names literally is that resource: a route with a parameter that also matches it (`/calls/:id`
 * matching `/calls/queue`) does not add its methods.
 */
export function allowedMethods(req: Request): string[] {
  const layers = routeLayers(req);
  const literal = layers.filter((layer) => isStatic(layer.route!.path));
  const methods = new Set<string>();
  for (const layer of literal.length > 0 ? literal : layers) {
    for (const [method, on] of Object.entries(layer.route!.methods)) {
      if (on && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * Whether the route that matched the request has a parameter while another route names its path
 * literally (`DELETE /calls/:id` reached as `DELETE /calls/queue`): the handler should answer as if
 * no route had matched (a 404 the exception filter turns into a 405), not treat the literal
 * segment as an id.
 */
export function isShadowedRoute(req: Request): boolean {
  const route = (req as { route?: { path?: unknown } }).route;
  if (!route || isStatic(route.path)) return false;
  return routeLayers(req).some((layer) => isStatic(layer.route!.path));
}
