import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CUSTOMER_PLIVO_XML } from './engine-stand-in';
import type { PlivoKit } from './plivo-test-kit';
import { CALLEES, originateRequest, plan, scriptByCallee, startKit } from './plivo-test-kit';

/** The per-call plan (a queued call's `call_config`) on Plivo's wire. */
describe('plivo adapter: the per-call plan', () => {
  let kit: PlivoKit;
  beforeEach(async () => {
    kit = await startKit({ script: scriptByCallee });
  });
  afterEach(async () => {
    await kit.close();
  });

  it('maxDurationSeconds is time_limit: Plivo ends the call there', async () => {
    const req = originateRequest(kit, CALLEES.human, plan({ maxDurationSeconds: 7 }));
    await kit.carrier.originate(req);
    await kit.fake.settled();
    expect(kit.fake.calls[0]?.request).toMatchObject({ time_limit: '7' });
    expect(kit.engine.final(req.attemptId)).toMatchObject({ outcome: 'human_connected', durationSeconds: 7 });
    const unlimited = originateRequest(kit, CALLEES.human, plan());
    await kit.carrier.originate(unlimited);
    expect(kit.fake.calls[1]?.request).not.toHaveProperty('time_limit');
  });

  it('record: a background <Record recordSession> leads our answer XML, as long as the call may last', () => {
    const spoken = kit.carrier.answerDocument(plan({ record: true, maxDurationSeconds: 90 }), 'answer');
    expect(spoken?.body).toBe(
      '<Response><Record recordSession="true" maxLength="90"/>' +
        '<Speak>Hello from the campaign</Speak><Hangup/></Response>',
    );
    const agent = kit.carrier.answerDocument(
      plan({ agent: 'ai', agentStreamUrl: 'wss://agent.example.com/s', record: true }),
      'answer',
    );
    expect(agent?.body).toContain('<Response><Record recordSession="true" maxLength="14400"/><Stream ');
    expect(kit.carrier.answerDocument(plan(), 'answer')?.body).not.toContain('<Record');
  });

  it("answerUrl: Plivo fetches the customer's XML; record then starts by the Record API at AMD's verdict", async () => {
    const answerUrl = kit.engine.customerAnswerUrl;
    const req = originateRequest(
      kit,
      CALLEES.human,
      plan({ answerUrl, record: true, maxDurationSeconds: 600 }),
    );
    await kit.carrier.originate(req);
    await kit.fake.settled();
    const [call] = kit.fake.calls;
    expect(call?.request).toMatchObject({ answer_url: answerUrl, time_limit: '600' });
    expect(call?.answerDocument).toBe(CUSTOMER_PLIVO_XML);
    expect(call?.commands).toEqual([{ name: 'record', body: { time_limit: 600 } }]);
    expect(kit.engine.reactions).toContainEqual({
      attemptId: req.attemptId,
      reaction: { commands: ['record'] },
    });
  });

  it('answerUrl with a machine and a drop URL: recorded, then transferred to our voicemail document', async () => {
    const req = originateRequest(
      kit,
      CALLEES.machine,
      plan({
        answerUrl: kit.engine.customerAnswerUrl,
        record: true,
        voicemailDropUrl: 'https://cdn.example.com/drop.mp3',
      }),
    );
    await kit.carrier.originate(req);
    await kit.fake.settled();
    const [call] = kit.fake.calls;
    expect(call?.commands.map((c) => c.name)).toEqual(['record', 'transfer']);
    expect(call?.voicemailDropped).toBe(true);
    // A machine without a drop is hung up: nothing to record.
    const hungUp = originateRequest(
      kit,
      CALLEES.machine,
      plan({ answerUrl: kit.engine.customerAnswerUrl, record: true }),
    );
    await kit.carrier.originate(hungUp);
    await kit.fake.settled();
    expect(kit.fake.calls[1]?.commands.map((c) => c.name)).toEqual(['hangup']);
  });

  it('voice: a voice name is <Speak voice>, a language tag <Speak language>', () => {
    expect(
      kit.carrier.answerDocument(plan({ voice: 'Polly.Lupe', message: 'Hola' }), 'answer')?.body,
    ).toContain('<Speak voice="Polly.Lupe">Hola</Speak><Hangup/>');
    expect(kit.carrier.answerDocument(plan({ voice: 'es-MX', message: 'Hola' }), 'answer')?.body).toContain(
      '<Speak language="es-MX">Hola</Speak><Hangup/>',
    );
  });

  it("flowName and variables ride in the agent stream URL's query, the ids in extraHeaders", () => {
    const callPlan = plan({
      agent: 'ai',
      agentStreamUrl: 'wss://agent.example.com/s?k=1',
      flowName: 'renewal',
      variables: { first_name: 'Ada Lovelace', plan: 'gold' },
    });
    const body = kit.carrier.answerDocument(callPlan, 'answer')?.body ?? '';
    const streamUrl = /<Stream [^>]*>([^<]+)<\/Stream>/.exec(body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const url = new URL(streamUrl);
    expect(url.searchParams.get('k')).toBe('1');
    expect(url.searchParams.get('flowName')).toBe('renewal');
    expect(JSON.parse(url.searchParams.get('variables') ?? '')).toEqual({
      first_name: 'Ada Lovelace',
      plan: 'gold',
    });
    expect(body).toContain(
      `extraHeaders="attemptId=${callPlan.attemptId},campaignId=${callPlan.campaignId}"`,
    );
  });
});
