// Placeholder: the Telnyx adapter (credentials schema, factory) lands here.
export {};
