import type { ChildProcess } from 'node:child_process';
import { isPidAlive, isPortFree, PortInUseError, waitUntilHealthy } from '@engine/local-services';
import type { ServiceRecord } from './state';

export interface ManagedServiceSpec {
  name: string;
  port: number;
  /** The variable that moves this service's port, named in the "port in use" message. */
  portEnvVar: string;
  /** Other ports the service binds (0: none), checked the same way before it starts. */
  extraPorts?: Array<{ port: number; envVar: string }>;
  logFile: string;
  previous: ServiceRecord | undefined;
  healthy: () => Promise<boolean>;
  start: () => ChildProcess;
  timeoutMs: number;
  url?: string;
}

export type Report = (line: string) => void;

/**
 * Reuses the process a previous `stack:up` started if it is alive and healthy; otherwise checks
 * that the port is free (naming the variable that moves it if not), starts it detached and waits
 * for its health check.
 */
export async function ensureManagedService(spec: ManagedServiceSpec, report: Report): Promise<ServiceRecord> {
  const record = (pid: number | undefined): ServiceRecord => ({
    pid,
    port: spec.port,
    logFile: spec.logFile,
    ...(spec.url ? { url: spec.url } : {}),
  });
  if (spec.previous?.pid && isPidAlive(spec.previous.pid) && spec.previous.port === spec.port) {
    if (await spec.healthy()) {
      report(`${spec.name}: already running (pid ${spec.previous.pid}), reused`);
      return record(spec.previous.pid);
    }
  }
  const ports = [{ port: spec.port, envVar: spec.portEnvVar }, ...(spec.extraPorts ?? [])];
  for (const { port, envVar } of ports) {
    if (port > 0 && !(await isPortFree(port))) throw new PortInUseError(port, spec.name, envVar);
  }
  const child = spec.start();
  if (child.pid === undefined) throw new Error(`${spec.name} could not be started (see ${spec.logFile})`);
  await waitUntilHealthy(spec.name, spec.healthy, {
    timeoutMs: spec.timeoutMs,
    logFile: spec.logFile,
    pid: child.pid,
  });
  report(`${spec.name}: started (pid ${child.pid}, log ${spec.logFile})`);
  return record(child.pid);
}
