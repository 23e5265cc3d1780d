import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;

/** Worker SDK logs at WARN and above only (the default INFO floods a benchmark's output). */
export function installQuietRuntime(): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger((process.env['BENCH_SDK_LOG_LEVEL'] as 'WARN' | undefined) ?? 'WARN'),
  });
}
