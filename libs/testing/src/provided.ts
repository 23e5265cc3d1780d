/** What the integration global setup hands to every test file (vitest provide/inject). */
export interface IntegrationServices {
  /** A URL with rights to create databases; test files clone the template from it. */
  pgAdminUrl: string;
  /** Database migrated to latest; each test file clones it. */
  pgTemplateDatabase: string;
  redisUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: IntegrationServices;
  }
}
