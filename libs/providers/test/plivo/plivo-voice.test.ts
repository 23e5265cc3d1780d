import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlivoKit } from './plivo-test-kit';
import { CALLEES, DID, originateRequest, plan, scriptByCallee, startKit } from './plivo-test-kit';

/** The reactions that did something (ring and human verdicts need nothing). */
function acted(kit: PlivoKit) {
  return kit.engine.reactions.filter((r) => Object.keys(r.reaction).length > 0);
}

describe('plivo adapter: calls against the fake', () => {
  let kit: PlivoKit;
  beforeEach(async () => {
    kit = await startKit({ script: scriptByCallee });
  });
  afterEach(async () => {
    await kit.close();
  });

  it('originates once with async AMD, the answer document and every callback on the attempt URL', async () => {
    const req = originateRequest(kit, CALLEES.human);
    const result = await kit.carrier.originate(req);
    const [call] = kit.fake.calls;
    expect(kit.fake.calls).toHaveLength(1);
    expect(call?.id).toBe(result.providerCallId);
    expect(call?.request).toMatchObject({
      from: DID.slice(1),
      to: CALLEES.human.slice(1),
      answer_url: req.documents?.answerUrl,
      answer_method: 'POST',
      ring_url: req.callbackUrl,
      hangup_url: req.callbackUrl,
      machine_detection: 'true',
      machine_detection_url: req.callbackUrl,
      machine_detection_method: 'POST',
    });
    await kit.fake.settled();
    const kinds = kit.engine.eventsOf(req.attemptId).map((e) => e.kind);
    expect(kinds).toEqual(['progress', 'machine_detected', 'completed']);
    for (const event of kit.engine.eventsOf(req.attemptId)) {
      const id = event.kind === 'completed' ? event.update.providerCallId : event.providerCallId;
      expect(id).toBe(result.providerCallId);
    }
  });

  it.each([
    ['human', CALLEES.human, 'human_connected', 30],
    ['quick human hangup', CALLEES.shortHuman, 'human_hangup', 3],
    ['no answer', CALLEES.noAnswer, 'no_answer', 0],
    ['busy', CALLEES.busy, 'busy', 0],
    ['failed', CALLEES.failed, 'failed', 0],
  ] as const)('a %s call completes as %s with %i s', async (_name, to, outcome, duration) => {
    const req = originateRequest(kit, to);
    await kit.carrier.originate(req);
    await kit.fake.settled();
    expect(kit.engine.final(req.attemptId)).toMatchObject({
      provider: 'plivo',
      outcome,
      durationSeconds: duration,
    });
  });

  it('AMD machine + drop URL: respond transfers to the voicemail document, which plays then hangs up', async () => {
    const callPlan = plan({ voicemailDropUrl: 'https://cdn.example.com/drop.mp3' });
    const req = originateRequest(kit, CALLEES.machine, callPlan);
    await kit.carrier.originate(req);
    await kit.fake.settled();
    const [call] = kit.fake.calls;
    const amd = kit.engine.eventsOf(req.attemptId).find((e) => e.kind === 'machine_detected');
    expect(amd).toMatchObject({ answeredBy: 'machine' });
    expect(acted(kit)).toEqual([
      { attemptId: req.attemptId, reaction: { voicemailDropped: true, commands: ['transfer'] } },
    ]);
    expect(call?.commands.map((c) => c.name)).toEqual(['transfer']);
    expect(call?.commands[0]?.body).toMatchObject({ legs: 'aleg', aleg_url: req.documents?.voicemailUrl });
    expect(call?.laterDocuments[0]).toMatch(
      /<Wait[^>]*beep="true"[^>]*\/><Play>https:\/\/cdn\.example\.com\/drop\.mp3<\/Play><Hangup\/>/,
    );
    expect(call?.voicemailDropped).toBe(true);
    const final = kit.engine.final(req.attemptId);
    expect(final?.outcome).toBe('voicemail');
    // Ended by the document's hangup, well before the 40 s the machine would have listened.
    expect(final?.durationSeconds).toBeGreaterThan(0);
    expect(final?.durationSeconds).toBeLessThan(40);
  });

  it('AMD machine without a drop URL: the call is hung up', async () => {
    const req = originateRequest(kit, CALLEES.machine, plan());
    await kit.carrier.originate(req);
    await kit.fake.settled();
    expect(acted(kit)).toEqual([{ attemptId: req.attemptId, reaction: { commands: ['hangup'] } }]);
    expect(kit.fake.calls[0]?.voicemailDropped).toBe(false);
    expect(kit.engine.final(req.attemptId)?.outcome).toBe('voicemail');
  });

  it('ai: the answer document streams both ways to the agent with the attempt and campaign ids', async () => {
    const callPlan = plan({ agent: 'ai', agentStreamUrl: 'wss://agent.example.com/stream' });
    const req = originateRequest(kit, CALLEES.human, callPlan);
    await kit.carrier.originate(req);
    await kit.fake.settled();
    const doc = kit.fake.calls[0]?.answerDocument ?? '';
    expect(doc).toContain('<Stream ');
    expect(doc).toContain('bidirectional="true"');
    expect(doc).toContain('keepCallAlive="true"');
    expect(doc).toContain(`extraHeaders="attemptId=${callPlan.attemptId},campaignId=${callPlan.campaignId}"`);
    expect(doc).toContain('>wss://agent.example.com/stream</Stream>');
  });

  it('plain: bridges to transferTo, or speaks the message and hangs up, or just hangs up', () => {
    const transfer = kit.carrier.answerDocument(plan({ transferTo: '+14155550199' }), 'answer');
    expect(transfer).toEqual({
      contentType: 'application/xml',
      body: '<Response><Dial><Number>14155550199</Number></Dial></Response>',
    });
    const sip = kit.carrier.answerDocument(plan({ transferTo: 'sip:desk@example.com' }), 'answer');
    expect(sip?.body).toBe('<Response><Dial><User>sip:desk@example.com</User></Dial></Response>');
    const message = kit.carrier.answerDocument(plan({ message: 'Hi & welcome' }), 'answer');
    expect(message?.body).toBe('<Response><Speak>Hi &amp; welcome</Speak><Hangup/></Response>');
    const silent = kit.carrier.answerDocument(plan({ message: undefined }), 'answer');
    expect(silent?.body).toBe('<Response><Hangup/></Response>');
  });

  it('a lost originate answer: findCall finds exactly that call, and there is one call', async () => {
    const req = originateRequest(kit, CALLEES.human);
    const placedAfter = new Date();
    kit.fake.loseNextAnswer();
    await expect(kit.carrier.originate(req)).rejects.toMatchObject({
      retryable: true,
      reason: 'unavailable',
    });
    const probe = { attemptId: req.attemptId, to: req.to, from: req.from, placedAfter };
    const found = await kit.carrier.findCall(probe);
    expect(kit.fake.calls).toHaveLength(1);
    expect(found).toMatchObject({ attemptId: req.attemptId, providerCallId: kit.fake.calls[0]?.id });
    await kit.fake.settled();
    const done = await kit.carrier.findCall({ ...probe, providerCallId: found?.providerCallId });
    expect(done).toMatchObject({ state: 'completed', outcome: 'human_connected', durationSeconds: 30 });
    expect(done?.providerCallId).toBe(kit.fake.calls[0]?.id);
    expect(kit.fake.calls).toHaveLength(1);
  });

  it('findCall sees queued, live and completed calls, and returns undefined when there is none', async () => {
    const req = originateRequest(kit, CALLEES.human);
    const placedAfter = new Date();
    const probe = { attemptId: req.attemptId, to: req.to, from: req.from, placedAfter };
    expect(await kit.carrier.findCall(probe)).toBeUndefined();
    const { providerCallId } = await kit.carrier.originate(req);
    const live = await kit.carrier.findCall(probe);
    expect(live?.providerCallId).toBe(providerCallId);
    expect(['ringing', 'in_progress']).toContain(live?.state);
    await kit.fake.settled();
    expect(await kit.carrier.findCall(probe)).toMatchObject({
      state: 'completed',
      outcome: 'human_connected',
    });
    // A call before the attempt was recorded is another attempt's.
    expect(
      await kit.carrier.findCall({ ...probe, placedAfter: new Date(Date.now() + 3_600_000) }),
    ).toBeUndefined();
    expect(await kit.carrier.findCall({ ...probe, to: CALLEES.busy })).toBeUndefined();
  });

  it('every request went to the configured apiBaseUrl, with the account credentials', async () => {
    const req = originateRequest(
      kit,
      CALLEES.machine,
      plan({ voicemailDropUrl: 'https://cdn.example.com/d.mp3' }),
    );
    await kit.carrier.originate(req);
    await kit.fake.settled();
    await kit.carrier.findCall({
      attemptId: req.attemptId,
      to: req.to,
      from: req.from,
      placedAfter: new Date(0),
    });
    expect(kit.fake.requests.length).toBeGreaterThan(2);
    expect(
      kit.fake.requests.every((r) => r.authorized && r.path.startsWith('/v1/Account/MAFAKEPLIVO000000001/')),
    ).toBe(true);
  });
});
