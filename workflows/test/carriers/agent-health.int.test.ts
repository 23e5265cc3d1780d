import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignWorkflowResult } from '@engine/contracts';
import type { FakeCarrier } from '@engine/testing';
import { seedCampaign, seedProspects, startFakeTelnyx, zoneWithLocalHour } from '@engine/testing';
import type { CampaignStack } from '@engine/test-stack';
import { startCampaignStack } from '@engine/test-stack';
import {
  ANSWERED,
  answeredOr,
  answers,
  callsPerNumber,
  customerOnFake,
  prospectsOf,
  storedEvents,
} from './carrier-test-kit';

/** The AI agent server's health endpoint, answering whatever status the test sets. */
class AgentHealthServer {
  status = 503;
  checks = 0;
  private readonly server: Server = createServer((_req, res) => {
    this.checks += 1;
    res.writeHead(this.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: this.status < 300 }));
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/health`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('an ai campaign and the health of its agent server (telnyx)', () => {
  let stack: CampaignStack;
  const fakes: FakeCarrier[] = [];
  const agent = new AgentHealthServer();

  beforeAll(async () => {
    process.env['AGENT_STREAM_URL'] = 'wss://agent.example.test/stream';
    process.env['AGENT_HEALTH_URL'] = await agent.listen();
    stack = await startCampaignStack({ timeScale: 0.0005 });
    await stack.startWorker();
  });
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await stack?.close();
    await agent.close();
  });

  const db = () => stack.database.db;
  const campaignRow = (id: string) =>
    db().selectFrom('campaigns').select(['status', 'pause_reason']).where('id', '=', id).executeTakeFirst();

  it('pauses without calling while the agent is down, resumes by itself once it is up, completes', async () => {
    const { customer, fake } = await customerOnFake(stack, fakes, {
      areas: ['415'],
      start: (ownedNumbers) => startFakeTelnyx({ msPerCallSecond: 50, script: answers, ownedNumbers }),
    });
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 5, max_attempts: 1, agent: 'ai' },
    });
    const prospects = await seedProspects(db(), campaign.id, 3, {
      timezone: zoneWithLocalHour(new Date(), 9, 18),
      startAt: 3_100_000,
    });
    const workflowId = await stack.startCampaign(campaign.id);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);

    await expect
      .poll(() => campaignRow(campaign.id), { timeout: 20_000, interval: 200 })
      .toEqual({ status: 'paused', pause_reason: 'agent_unavailable' });
    const [paused] = await storedEvents(stack, 'campaign.paused.agent_unavailable', {
      campaignId: campaign.id,
    });
    expect(String(paused?.payload['message'])).toContain('503');
    // Down for a while (past the worker's 5 s cache): still paused, no call placed, nobody charged.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await campaignRow(campaign.id)).toEqual({ status: 'paused', pause_reason: 'agent_unavailable' });
    expect(fake.calls).toHaveLength(0);
    const waiting = await prospectsOf(stack, campaign.id);
    expect(waiting.map((r) => [r.status, r.attempt_count])).toEqual(prospects.map(() => ['queued', 0]));
    const checksWhileDown = agent.checks;
    expect(checksWhileDown).toBeGreaterThan(0);

    // The agent comes back: within the workflow's 15 s re-check (plus the cache) it resumes.
    agent.status = 200;
    const upAt = Date.now();
    const result = (await handle.result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');
    expect(Date.now() - upAt).toBeLessThan(30_000);
    expect(await storedEvents(stack, 'campaign.resumed', { campaignId: campaign.id })).toHaveLength(1);
    const perNumber = callsPerNumber(fake);
    expect(prospects.map((p) => perNumber.get(p.phone) ?? 0)).toEqual([1, 1, 1]);
    const rows = await prospectsOf(stack, campaign.id);
    expect(rows.map((r) => answeredOr(r.status))).toEqual([ANSWERED, ANSWERED, ANSWERED]);
  }, 90_000);
});
