import { SingleBar } from 'cli-progress';
import { Client, Connection } from '@temporalio/client';
import type { CampaignStateView } from '@engine/contracts';
import {
  CAMPAIGN_WORKFLOW_TYPE,
  campaignSearchAttributes,
  campaignWorkflowId,
  stateQuery,
} from '@engine/contracts';
import { createDb, getCampaignById, nextDueAt } from '@engine/db';
import { readTemporalDevConfig } from '@engine/local-services';
import { seedDemo } from './demo/demo-data';
import { didTable, statusCounts, statusTable } from './demo/demo-report';
import { describeStack, stackUp } from './stack/stack-up';

/**
 * `npm run demo`: the stack on embedded defaults and a real voice campaign against the simulated
 * carrier, with a live progress bar, a summary and the link to the run in the Temporal Web UI.
 */
async function main(): Promise<void> {
  console.log(
    'Bringing the stack up (Temporal dev server, PostgreSQL, Redis, worker, API, carrier simulator) ...\n',
  );
  const state = await stackUp((line) => console.log(`  ${line}`));
  console.log('');
  for (const line of describeStack(state)) console.log(`  ${line}`);
  const env = state.env;

  const db = createDb(env['DATABASE_URL'] ?? '', { maxConnections: 4, applicationName: 'demo' });
  const connection = await Connection.connect({ address: env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233' });
  const namespace = env['TEMPORAL_NAMESPACE'] ?? 'default';
  const client = new Client({ connection, namespace });
  try {
    const now = new Date();
    const demo = await seedDemo(db, now);
    // Calls last a few simulated minutes; at 50x they take seconds. One DID is made bad.
    const simConfig = await fetch(`${env['CARRIER_SIM_URL']}/sim/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        timeScale: 0.02,
        byDid: Object.fromEntries(demo.didNumbers.map((n) => [n, n === demo.badDidNumber ? 'bad' : 'good'])),
      }),
    });
    if (!simConfig.ok)
      throw new Error(
        `configuring the carrier simulator failed: ${simConfig.status} ${await simConfig.text()}`,
      );

    console.log(`\nDemo customer ${demo.customerId} (API key ${demo.apiKey})`);
    console.log(
      `  ${demo.didNumbers.length} DIDs (${demo.badDidNumber} is a bad number in the simulator), ${demo.prospects} prospects ` +
        `across US zones: ${demo.suppressed} on the do-not-call list, ${demo.outsideWindowNow} outside their calling window right now`,
    );
    if (demo.note) console.log(`  Note: ${demo.note}`);

    const workflowId = campaignWorkflowId(demo.campaignId);
    await client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: env['TEMPORAL_TASK_QUEUE'] ?? 'campaigns',
      args: [{ campaignId: demo.campaignId }],
      typedSearchAttributes: campaignSearchAttributes({
        campaignId: demo.campaignId,
        customerId: demo.customerId,
        channel: 'voice',
        status: 'created',
      }),
    });
    console.log(`\nCampaign ${demo.campaignId} started at 10 calls/s (workflow ${workflowId})\n`);

    const handle = client.workflow.getHandle(workflowId);
    const interactive = process.stdout.isTTY === true;
    const bar = new SingleBar({
      format:
        '  {bar} {value}/{total} done | queued {queued} | dialing {dialing} | connected {connected} | voicemail {voicemail} | no answer {no_answer} | dnc {cancelled} | {rate} dials/s',
      hideCursor: true,
      barsize: 30,
    });
    if (interactive) bar.start(demo.prospects, 0, {});
    const started = Date.now();
    let lastLog = 0;
    let finished = false;
    let view: CampaignStateView | undefined;
    for (;;) {
      const counts = await statusCounts(db, demo.campaignId);
      view = (await handle.query(stateQuery).catch(() => view)) as CampaignStateView | undefined;
      const description = await handle.describe();
      finished = description.status.name !== 'RUNNING';
      const rate = view
        ? (view.counters.dialed / Math.max(1, (Date.now() - started) / 1000)).toFixed(1)
        : '0';
      const payload = {
        queued: counts.byStatus['queued'] ?? 0,
        dialing: counts.byStatus['dialing'] ?? 0,
        connected: (counts.byStatus['human_connected'] ?? 0) + (counts.byStatus['human_hangup'] ?? 0),
        voicemail: counts.byStatus['voicemail'] ?? 0,
        no_answer: counts.byStatus['no_answer'] ?? 0,
        cancelled: counts.byStatus['cancelled'] ?? 0,
        rate,
      };
      if (interactive) bar.update(counts.terminal, payload);
      else if (Date.now() - lastLog > 2000) {
        lastLog = Date.now();
        console.log(
          `  ${counts.terminal}/${demo.prospects} done | queued ${payload.queued} | dialing ${payload.dialing} | ` +
            `connected ${payload.connected} | voicemail ${payload.voicemail} | no answer ${payload.no_answer} | ` +
            `dnc ${payload.cancelled} | ${payload.rate} dials/s`,
        );
      }
      // Done for now when nothing is in flight and whatever is still queued waits for a later window.
      const waitingOnly =
        (counts.byStatus['dialing'] ?? 0) === 0 &&
        view !== undefined &&
        view.inFlight === 0 &&
        ((await nextDueAt(db, demo.campaignId))?.getTime() ?? Infinity) > Date.now() + 60_000;
      if (finished || (waitingOnly && Date.now() - started > 5000)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (interactive) bar.stop();

    const counts = await statusCounts(db, demo.campaignId);
    const campaign = await getCampaignById(db, demo.campaignId);
    console.log(
      `\nCampaign status: ${campaign?.status ?? 'unknown'}   (${((Date.now() - started) / 1000).toFixed(1)} s, ${view?.counters.dialed ?? 0} dials)`,
    );
    console.log(statusTable(counts));
    console.log(await didTable(db, demo.customerId, demo.badDidNumber));
    const queued = counts.byStatus['queued'] ?? 0;
    if (queued > 0) {
      const next = await nextDueAt(db, demo.campaignId);
      console.log(
        `\n${queued} prospects are outside their calling window (local 08:00-21:00, narrowed by their state's rules and holidays) and wait for it; the next at ` +
          `${next?.toISOString() ?? 'unknown'}. The campaign keeps running on its durable timer.`,
      );
    }
    const uiPort = readTemporalDevConfig().uiPort;
    console.log(`\nWeb UI: http://127.0.0.1:${uiPort}/namespaces/${namespace}/workflows/${workflowId}`);
    console.log(
      `Pause it:  temporal workflow signal --workflow-id ${workflowId} --name pause --input '{"reason":"demo"}'`,
    );
    console.log(`Stop the stack: npm run stack:down`);
  } finally {
    await db.destroy();
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(`\ndemo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
