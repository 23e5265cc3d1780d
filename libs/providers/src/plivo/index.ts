// Placeholder: the Plivo adapter (credentials schema, factory) lands here.
export {};
