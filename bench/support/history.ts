/**
 * Workflow histories of a campaign across continue-as-new runs, and what they cost: history
 * events and billable Temporal actions, plus activity durations by activity type.
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface RunHistory {
  runId: string;
  events: HistoryEvent[];
}

const ms = (t: HistoryEvent['eventTime']) =>
  t ? Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : Number.NaN;

/** Every run of `workflowId` from its first, following continue-as-new to the newest. */
export async function fetchRunChain(
  client: Client,
  workflowId: string,
  firstRunId: string,
): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const events: HistoryEvent[] = history.events ?? [];
    // A continued run's start event names the run it continues (a sanity check of the chain).
    const continued =
      events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    const previous = runs[runs.length - 1]?.runId;
    if (continued !== previous) throw new Error(`run ${runId} continues ${continued}, expected ${previous}`);
    runs.push({ runId, events });
    const last: HistoryEvent | undefined = events[events.length - 1];
    runId =
      last?.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
        ? (last.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined)
        : undefined;
  }
  return runs;
}

export interface ActionBreakdown {
  workflowStarted: number;
  activitiesScheduled: number;
  activityRetries: number;
  timersStarted: number;
  signalsReceived: number;
  searchAttributeUpserts: number;
  continueAsNew: number;
  markers: number;
  childWorkflowsStarted: number;
  updatesAccepted: number;
}

export interface CostSummary {
  runs: number;
  events: number;
  actions: number;
  breakdown: ActionBreakdown;
  eventsByType: Record<string, number>;
  activitiesByType: Record<string, number>;
  /** Activity schedule-to-close durations in ms by activity type. */
  activityDurationsMs: Record<string, number[]>;
  /** Workflow task durations (scheduled to completed) in ms. */
  workflowTaskMs: number[];
  /** dialNextBatch activities: schedule-to-close ms and how many calls each dialed. */
  dialBatches: Array<{ ms: number; dialed: number }>;
}

/** The `dialed` count of a dialNextBatch result payload (JSON), if it can be read. */
function dialedCount(e: HistoryEvent): number | undefined {
  const data = e.activityTaskCompletedEventAttributes?.result?.payloads?.[0]?.data;
  if (!data) return undefined;
  try {
    const value = JSON.parse(Buffer.from(data).toString('utf8')) as { dialed?: unknown[] };
    return Array.isArray(value.dialed) ? value.dialed.length : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Billable actions as Temporal Cloud counts them, from history: the workflow started (once per
 * chain; each continue-as-new is one more), each activity scheduled plus each retry (an
 * ACTIVITY_TASK_STARTED with attempt n > 1 adds n - 1), timers started, signals received,
 * search-attribute upserts, markers (side effects, local activities), child workflows, updates.
 * Not in history and so not counted: queries, activity heartbeats that reached the server.
 */
export function summarizeCost(runs: RunHistory[]): CostSummary {
  const breakdown: ActionBreakdown = {
    workflowStarted: runs.length > 0 ? 1 : 0,
    activitiesScheduled: 0,
    activityRetries: 0,
    timersStarted: 0,
    signalsReceived: 0,
    searchAttributeUpserts: 0,
    continueAsNew: 0,
    markers: 0,
    childWorkflowsStarted: 0,
    updatesAccepted: 0,
  };
  const eventsByType: Record<string, number> = {};
  const activitiesByType: Record<string, number> = {};
  const activityDurationsMs: Record<string, number[]> = {};
  const workflowTaskMs: number[] = [];
  const dialBatches: Array<{ ms: number; dialed: number }> = [];
  let events = 0;
  for (const run of runs) {
    const scheduled = new Map<number, { type: string; at: number }>();
    const wftScheduled = new Map<number, number>();
    for (const e of run.events) {
      events += 1;
      const name = (EventType[e.eventType ?? 0] ?? String(e.eventType)).replace('EVENT_TYPE_', '');
      eventsByType[name] = (eventsByType[name] ?? 0) + 1;
      switch (e.eventType) {
        case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
          breakdown.activitiesScheduled += 1;
          const type = e.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
          activitiesByType[type] = (activitiesByType[type] ?? 0) + 1;
          scheduled.set(Number(e.eventId), { type, at: ms(e.eventTime) });
          break;
        }
        case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
          const attempt = e.activityTaskStartedEventAttributes?.attempt ?? 1;
          if (attempt > 1) breakdown.activityRetries += attempt - 1;
          break;
        }
        case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
        case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED:
        case EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT: {
          const id =
            e.activityTaskCompletedEventAttributes?.scheduledEventId ??
            e.activityTaskFailedEventAttributes?.scheduledEventId ??
            e.activityTaskTimedOutEventAttributes?.scheduledEventId;
          const s = scheduled.get(Number(id));
          if (s) (activityDurationsMs[s.type] ??= []).push(ms(e.eventTime) - s.at);
          if (s?.type === 'dialNextBatch') {
            const dialed = dialedCount(e);
            if (dialed !== undefined) dialBatches.push({ ms: ms(e.eventTime) - s.at, dialed });
          }
          break;
        }
        case EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
          wftScheduled.set(Number(e.eventId), ms(e.eventTime));
          break;
        case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED: {
          const at = wftScheduled.get(Number(e.workflowTaskCompletedEventAttributes?.scheduledEventId));
          if (at !== undefined) workflowTaskMs.push(ms(e.eventTime) - at);
          break;
        }
        case EventType.EVENT_TYPE_TIMER_STARTED:
          breakdown.timersStarted += 1;
          break;
        case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
          breakdown.signalsReceived += 1;
          break;
        case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
          breakdown.searchAttributeUpserts += 1;
          break;
        case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
          breakdown.continueAsNew += 1;
          break;
        case EventType.EVENT_TYPE_MARKER_RECORDED:
          breakdown.markers += 1;
          break;
        case EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
          breakdown.childWorkflowsStarted += 1;
          break;
        case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
          breakdown.updatesAccepted += 1;
          break;
        default:
          break;
      }
    }
  }
  const actions = Object.values(breakdown).reduce((a, b) => a + b, 0);
  return {
    runs: runs.length,
    events,
    actions,
    breakdown,
    eventsByType,
    activitiesByType,
    activityDurationsMs,
    workflowTaskMs,
    dialBatches,
  };
}

/** WORKFLOW_TASK_FAILED events of a chain: cause and message (the first lines), with counts. */
export function workflowTaskFailures(runs: RunHistory[]): Array<{ count: number; what: string }> {
  const counts = new Map<string, number>();
  for (const run of runs) {
    for (const e of run.events) {
      if (e.eventType !== EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) continue;
      const a = e.workflowTaskFailedEventAttributes;
      const cause = temporal.api.enums.v1.WorkflowTaskFailedCause[a?.cause ?? 0] ?? String(a?.cause);
      const message = (a?.failure?.message ?? '').split('\n').slice(0, 3).join(' | ');
      const stack = (a?.failure?.stackTrace ?? '').split('\n').slice(0, 4).join(' | ');
      const what = `${cause}: ${message}${stack ? ` @ ${stack}` : ''}`;
      counts.set(what, (counts.get(what) ?? 0) + 1);
    }
  }
  return [...counts].map(([what, count]) => ({ what, count }));
}
