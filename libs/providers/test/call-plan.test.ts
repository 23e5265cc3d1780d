import { describe, expect, it } from 'vitest';
import type { CallPlanCampaign } from '../src';
import { buildCallPlan, readCallConfig, speechVoice } from '../src';

const STREAM = 'wss://agent.example.com/stream';
const base = { attemptId: 'att-1', campaignId: 'camp-1', agentStreamUrl: STREAM };
const plain: CallPlanCampaign = {
  mode: { agent: 'plain', transfer_to: '+13105550123', voicemail_drop_url: 'https://cdn.example.com/vm.mp3' },
  message: 'Hello there',
};

describe('buildCallPlan', () => {
  it('without a call_config is the campaign plan exactly (as the API built it before)', () => {
    expect(buildCallPlan({ ...base, campaign: plain })).toEqual({
      agent: 'plain',
      attemptId: 'att-1',
      campaignId: 'camp-1',
      transferTo: '+13105550123',
      message: 'Hello there',
      voicemailDropUrl: 'https://cdn.example.com/vm.mp3',
    });
    expect(
      buildCallPlan({ ...base, campaign: { mode: { agent: 'ai' }, message: 'unused' }, callConfig: null }),
    ).toEqual({
      agent: 'ai',
      attemptId: 'att-1',
      campaignId: 'camp-1',
      agentStreamUrl: STREAM,
    });
    // No agent in mode is plain; no stream URL configured leaves it out.
    expect(
      buildCallPlan({ ...base, agentStreamUrl: undefined, campaign: { mode: {}, message: null } }),
    ).toEqual({ agent: 'plain', attemptId: 'att-1', campaignId: 'camp-1' });
  });

  it("call_config's agent overrides the campaign's, and adds every field of its own", () => {
    const plan = buildCallPlan({
      ...base,
      campaign: plain,
      callConfig: {
        agent: 'ai',
        voice: 'Polly.Joanna',
        max_duration: 120,
        recording_enabled: true,
        flow_name: 'renewal',
        answer_url: 'https://customer.example.com/answer',
        variables: { first_name: 'Ada', plan: 'gold' },
      },
    });
    expect(plan).toEqual({
      agent: 'ai',
      attemptId: 'att-1',
      campaignId: 'camp-1',
      agentStreamUrl: STREAM,
      voicemailDropUrl: 'https://cdn.example.com/vm.mp3',
      answerUrl: 'https://customer.example.com/answer',
      maxDurationSeconds: 120,
      record: true,
      voice: 'Polly.Joanna',
      flowName: 'renewal',
      variables: { first_name: 'Ada', plan: 'gold' },
    });
  });

  it('a plain call_config on an ai campaign speaks or transfers as the campaign says', () => {
    const plan = buildCallPlan({
      ...base,
      campaign: { mode: { agent: 'ai', transfer_to: '+13105550123' }, message: 'Hi' },
      callConfig: { agent: 'plain', voice: 'es-MX' },
    });
    expect(plan).toEqual({
      agent: 'plain',
      attemptId: 'att-1',
      campaignId: 'camp-1',
      transferTo: '+13105550123',
      message: 'Hi',
      voice: 'es-MX',
    });
  });

  it('recording_enabled false and empty variables add nothing', () => {
    const plan = buildCallPlan({
      ...base,
      campaign: plain,
      callConfig: { recording_enabled: false, variables: {} },
    });
    expect(plan).toEqual(buildCallPlan({ ...base, campaign: plain }));
  });
});

describe('readCallConfig', () => {
  it('keeps the fields of the shape the API writes and drops the others', () => {
    expect(
      readCallConfig({
        agent: 'robot',
        voice: '',
        max_duration: 1.5,
        recording_enabled: 'yes',
        flow_name: 7,
        answer_url: 'ftp://files.example.com/a',
        variables: { a: 1 },
      }),
    ).toEqual({});
    expect(readCallConfig('{"agent":"ai"}')).toEqual({});
    expect(readCallConfig(null)).toEqual({});
    expect(readCallConfig({ max_duration: 30, variables: { a: 'b' } })).toEqual({
      max_duration: 30,
      variables: { a: 'b' },
    });
  });
});

describe('speechVoice', () => {
  it.each([
    ['es-MX', { language: 'es-MX' }],
    ['en', { language: 'en' }],
    ['cmn-CN', { language: 'cmn-CN' }],
    ['en-GB-WLS', { language: 'en-GB-WLS' }],
    ['Polly.Joanna', { voice: 'Polly.Joanna' }],
    ['man', { voice: 'man' }],
    ['alice', { voice: 'alice' }],
    ['WOMAN', { voice: 'WOMAN' }],
    ['female', { voice: 'female' }],
    [undefined, {}],
  ])('%s → %o', (voice, expected) => {
    expect(speechVoice(voice)).toEqual(expected);
  });
});
