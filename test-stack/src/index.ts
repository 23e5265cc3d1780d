// Test wiring above the apps: the whole campaign stack in one process (API, carrier simulator,
// worker), a worker as a child process, and the DID health simulation on the simulator's call
// mixes. libs/testing holds only what needs no app (services, databases, fixtures). This index
// loads vitest: a benchmark imports did-health-simulation by its path.
export * from './campaign-stack';
export * from './worker-process';
export * from './did-health-simulation';
export * from './carrier-fakes';
export * from './call-queue';
