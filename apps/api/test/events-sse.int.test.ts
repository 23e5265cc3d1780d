import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '@engine/contracts';
import { EventsService } from '../src/events/events.service';
import type { ApiClient, ApiStack } from './support/api-stack';
import { SseClient, startApiStack, waitFor } from './support/api-stack';

describe('GET /api/events (Server-Sent Events)', () => {
  let s: ApiStack;
  let http: ApiClient;
  let apiKey: string;
  let customerId: string;
  let events: EventsService;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http, apiKey, customerId } = await s.tenant('Watcher'));
    events = s.api.get(EventsService);
  });
  afterAll(() => s?.close());

  const newCampaign = async () =>
    (await http.post('/campaigns', { name: 'Watched', channel: 'voice' })).body.id as string;
  const dnc = (campaignId: string, n: number, extra: Record<string, unknown> = {}): EngineEvent => ({
    type: 'campaign.prospect.dnc',
    customerId,
    campaignId,
    payload: { prospectId: n, phone: `+1415555${String(n).padStart(4, '0')}`, ...extra },
  });
  const publish = async (campaignId: string, from: number, count: number) => {
    const stored = [];
    for (let i = 0; i < count; i += 1)
      stored.push(await s.stack.deps.events.publish(dnc(campaignId, from + i)));
    return stored;
  };
  const url = (query: string) => `${s.url}/api/events?${query}`;

  it('replays stored events, then delivers live ones, in id order with id: and event: lines', async () => {
    const id = await newCampaign();
    const other = await newCampaign();
    const before = await publish(id, 0, 20);
    await publish(other, 100, 3);
    const sse = await SseClient.open(url(`channels=campaign:${id}`), apiKey, { 'last-event-id': '0' });
    try {
      await sse.waitFor((e) => e.length >= 20, 10_000, 'replay');
      expect(sse.events.map((e) => Number(e.id))).toEqual(before.map((e) => e.id));
      expect(sse.events.every((e) => e.event === 'campaign.prospect.dnc')).toBe(true);
      // Live, from concurrent publishers: still delivered in id order, each once.
      await Promise.all([publish(id, 20, 15), publish(id, 40, 15), publish(other, 200, 5)]);
      await sse.waitFor((e) => e.length >= 50, 10_000, 'live events');
      await new Promise((r) => setTimeout(r, 200));
      const ids = sse.events.map((e) => Number(e.id));
      expect(ids).toHaveLength(50);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(sse.events.every((e) => e.data.campaignId === id)).toBe(true);
    } finally {
      await sse.close();
    }
  });

  it('resumes after Last-Event-ID (header or ?lastEventId=) without gaps or repeats', async () => {
    const id = await newCampaign();
    const stored = await publish(id, 0, 30);
    const resumeAfter = stored[14]!.id;
    const viaHeader = await SseClient.open(url(`channels=campaign:${id}`), apiKey, {
      'last-event-id': String(resumeAfter),
    });
    const viaQuery = await SseClient.open(url(`channels=campaign:${id}&lastEventId=${resumeAfter}`), apiKey);
    try {
      const expected = stored.slice(15).map((e) => e.id);
      await viaHeader.waitFor((e) => e.length >= 15, 10_000, 'resume via header');
      await viaQuery.waitFor((e) => e.length >= 15, 10_000, 'resume via query');
      expect(viaHeader.events.map((e) => Number(e.id))).toEqual(expected);
      expect(viaQuery.events.map((e) => Number(e.id))).toEqual(expected);
      const more = await publish(id, 30, 5);
      await viaHeader.waitFor((e) => e.length >= 20, 10_000, 'live after resume');
      expect(viaHeader.events.slice(15).map((e) => Number(e.id))).toEqual(more.map((e) => e.id));
    } finally {
      await viaHeader.close();
      await viaQuery.close();
    }
  });

  it('starts from now without Last-Event-ID, sends heartbeats, and streams several channels', async () => {
    const id = await newCampaign();
    const second = await newCampaign();
    await publish(id, 0, 5);
    const saved = events.limits;
    events.limits = { ...saved, heartbeatMs: 100 };
    const sse = await SseClient.open(url(`channels=campaign:${id},campaign:${second}`), apiKey);
    try {
      await sse.waitFor(() => sse.comments.some((c) => c.startsWith('heartbeat')), 5_000, 'heartbeat');
      expect(sse.events).toEqual([]);
      const a = await publish(id, 5, 1);
      const b = await publish(second, 6, 1);
      await sse.waitFor((e) => e.length >= 2, 10_000, 'events of both channels');
      expect(sse.events.map((e) => Number(e.id))).toEqual([a[0]!.id, b[0]!.id]);
    } finally {
      events.limits = saved;
      await sse.close();
    }
  });

  it('drops a client that stops reading instead of buffering without bound, and keeps serving others', async () => {
    const id = await newCampaign();
    const saved = events.limits;
    events.limits = { heartbeatMs: 60_000, maxBufferedBytes: 256 * 1024, drainTimeoutMs: 1_000 };
    const healthy = await SseClient.open(url(`channels=campaign:${id}`), apiKey);
    // A raw connection that sends the request and never reads the answer.
    const { port } = new URL(s.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.pause();
    let socketClosed = false;
    socket.on('close', () => (socketClosed = true));
    socket.on('error', () => undefined);
    socket.write(
      `GET /api/events?channels=campaign:${id} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${apiKey}\r\nAccept: text/event-stream\r\n\r\n`,
    );
    try {
      await waitFor(async () => events.openStreams >= 2, 5_000, 'both streams open');
      const big = 'x'.repeat(16 * 1024);
      // ~13 MB of events: far more than the socket buffers and the 256 kB bound.
      for (let i = 0; i < 800; i += 1) await s.stack.deps.events.publish(dnc(id, i, { note: big }));
      await waitFor(async () => events.openStreams === 1, 15_000, 'slow client dropped');
      await healthy.waitFor((e) => e.length >= 800, 30_000, 'healthy client gets everything');
      expect(healthy.events.map((e) => Number(e.id))).toEqual(
        [...healthy.events.map((e) => Number(e.id))].sort((x, y) => x - y),
      );
      socket.resume();
      await waitFor(async () => socketClosed, 10_000, 'slow socket closed');
    } finally {
      events.limits = saved;
      socket.destroy();
      await healthy.close();
    }
  });
});
