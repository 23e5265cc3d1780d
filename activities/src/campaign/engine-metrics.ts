import type { MetricCounter, MetricMeter } from '@temporalio/common';
import type { CampaignActivities } from '@engine/contracts';

/**
 * The engine's own counters, exported with the Temporal SDK's metrics (the worker's Prometheus
 * endpoint, `WORKER_METRICS_PORT`). Tags stay low-cardinality (outcome, reason, channel): per-
 * campaign figures are in the stats endpoint and the event stream, not in metrics.
 */
export interface EngineMetrics {
  callsDialed: MetricCounter;
  callOutcomes: MetricCounter;
  prospectsDeferred: MetricCounter;
  smsSent: MetricCounter;
  smsReceiptsExpired: MetricCounter;
}

/** Counter names as scraped (the meter adds no prefix to custom metrics). */
export const EngineMetricNames = {
  callsDialed: 'engine_calls_dialed',
  callOutcomes: 'engine_call_outcomes',
  prospectsDeferred: 'engine_prospects_deferred',
  smsSent: 'engine_sms_sent',
  smsReceiptsExpired: 'engine_sms_receipts_expired',
} as const;

export function createEngineMetrics(meter: MetricMeter): EngineMetrics {
  const c = (name: string, description: string) => meter.createCounter(name, '1', description);
  return {
    callsDialed: c(EngineMetricNames.callsDialed, 'calls handed to the carrier'),
    callOutcomes: c(EngineMetricNames.callOutcomes, 'call outcomes recorded, by outcome'),
    prospectsDeferred: c(
      EngineMetricNames.prospectsDeferred,
      'prospects claimed but not contacted this time, by reason (dnc, outside_window, pool_full, no_did, originate_failed)',
    ),
    smsSent: c(EngineMetricNames.smsSent, 'SMS messages handed to the carrier'),
    smsReceiptsExpired: c(
      EngineMetricNames.smsReceiptsExpired,
      'SMS messages ended failed for lack of a receipt',
    ),
  };
}

/**
 * Counts what the campaign activities did from their results, so the business code stays free of
 * metrics. A result is counted once: only a completed activity (never a failed try) is observed.
 */
export function withEngineMetrics(
  activities: CampaignActivities,
  metrics: EngineMetrics,
): CampaignActivities {
  return {
    ...activities,
    async dialNextBatch(input) {
      const result = await activities.dialNextBatch(input);
      const tags = { channel: 'voice' };
      if (result.dialed.length > 0) metrics.callsDialed.add(result.dialed.length, tags);
      const deferred: Array<[string, number]> = [
        ['dnc', result.counts.dnc],
        ['outside_window', result.counts.outsideWindow],
        ['pool_full', result.counts.poolFull],
        ['no_did', result.counts.noDid],
        ['originate_failed', result.counts.originateFailed],
      ];
      for (const [reason, n] of deferred) if (n > 0) metrics.prospectsDeferred.add(n, { ...tags, reason });
      return result;
    },
    async recordCallOutcomes(input) {
      const result = await activities.recordCallOutcomes(input);
      const settled = new Set(result.settledAttemptIds);
      const byOutcome = new Map<string, number>();
      for (const o of input.outcomes)
        if (settled.has(o.attemptId)) byOutcome.set(o.outcome, (byOutcome.get(o.outcome) ?? 0) + 1);
      for (const [outcome, n] of byOutcome) metrics.callOutcomes.add(n, { outcome });
      return result;
    },
    async sendNextSms(input) {
      const result = await activities.sendNextSms(input);
      const tags = { channel: 'sms' };
      if (result.sent) metrics.smsSent.add(1, tags);
      else if (result.outcome !== 'nothing_due')
        metrics.prospectsDeferred.add(1, { ...tags, reason: result.outcome });
      return result;
    },
    async expireSmsReceipts(settings) {
      const result = await activities.expireSmsReceipts(settings);
      if (result.expired > 0) metrics.smsReceiptsExpired.add(result.expired);
      return result;
    },
  };
}
