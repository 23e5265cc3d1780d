/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `npm run api-client:generate` (the dev stack must be up); a test fails when it is stale.
 */

export interface paths {
    "/api/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a call not dialed yet (queued or scheduled) */
        delete: operations["CallsController_cancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A call's state and attempts (by call_id, or by your custom_call_id) */
        get: operations["CallsController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Calls being dialed or in progress, with their current attempt (cursor-paginated) */
        get: operations["CallsController_active"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch's counts and its calls by state */
        get: operations["CallsController_batch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/bulk-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue up to 10,000 calls as one batch
         * @description Each row is checked as a single call is: a row that fails is listed in `rejected` with its field and the others are queued, in one transaction with the batch. A batch none of whose rows is valid is a 400 (nothing recorded). A batch_id names one request: a second one is a 409.
         */
        post: operations["CallsController_queueBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a call (now or at scheduled_at); a custom_call_id queued before answers that call (200) */
        post: operations["CallsController_queue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns, newest first (filter by status and channel; cursor-paginated) */
        get: operations["CampaignsController_list"];
        put?: never;
        /** Create a campaign (status "created") */
        post: operations["CampaignsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CampaignsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a campaign that has not started (409 once it has) */
        patch: operations["CampaignsController_update"];
        trace?: never;
    };
    "/api/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a campaign: queued prospects are cancelled, calls in progress finish (optional reason; the body may be left out) */
        post: operations["CampaignsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign's compliance report: every contact attempt and the rules it met
         * @description Every contact attempt of the campaign (calls originated, texts sent) in the order they were made, with the recipient's local time in each of its zones, the rules that set the allowed hours that day, and the first allowed instant. `outside_window` flags an attempt outside those hours, `after_opt_out` one made after the recipient opted out (STOP, or a suppression entry) without opting back in (START). A compliant campaign has no flags. JSON pages by cursor; CSV (`Accept: text/csv` or `format=csv`) is the whole campaign, columns: attempt_id, channel, phone, attempted_at, zones, local_times, allowed_hours, zone_source, regions, region_sources, rules, allowed_from, opted_out_at, flags (several zones, rules or flags in one cell are separated by ";").
         */
        get: operations["ComplianceReportController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/compliance/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of a campaign's compliance report: attempts, flagged attempts, by flag */
        get: operations["ComplianceReportController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a dialing campaign (optional reason; the body may be left out) */
        post: operations["CampaignsController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/prospects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's prospects in load order (filter by status; cursor-paginated) */
        get: operations["ProspectsController_list"];
        put?: never;
        /**
         * Load prospects: a JSON list, or a CSV (text/csv body, or multipart/form-data with a "file" part)
         * @description Rows are checked one by one: a row whose phone is not a valid number, or whose zone is unknown, is listed in `rejected` and the others load; numbers already in the campaign count as `duplicates`. A malformed JSON row (wrong types, unknown keys) refuses the request with a 400 naming it. The whole upload is loaded in one transaction: a malformed CSV loads nothing.
         */
        post: operations["ProspectsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign */
        post: operations["CampaignsController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the campaign workflow; answers once the workflow has set the status (202 if not yet) */
        post: operations["CampaignsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prospects by status, outcomes, answer rate, average duration, dial rate, time to finish */
        get: operations["CampaignsController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/carrier-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your carrier accounts, oldest first (deleted ones are not listed) */
        get: operations["CarrierAccountsController_list"];
        put?: never;
        /**
         * Add a carrier account (credentials encrypted at rest, never returned)
         * @description `provider` selects the credential fields (one schema per provider).
         */
        post: operations["CarrierAccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/carrier-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CarrierAccountsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a carrier account
         * @description Afterwards its URL answers 404 (GET, PATCH, DELETE, sync-dids) and the list omits it. Calls already placed through it still report their status (its webhooks keep being verified with its secret).
         */
        delete: operations["CarrierAccountsController_remove"];
        options?: never;
        head?: never;
        /**
         * Rename an account, rotate its credentials (replaced whole), or change its rate or base URL
         * @description `provider` repeats the account's provider, which selects the credential fields; it cannot change. Workers and the API use the change within their 30 s account cache.
         */
        patch: operations["CarrierAccountsController_update"];
        trace?: never;
    };
    "/api/carrier-accounts/{id}/sync-dids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register the numbers the account owns at the carrier as DIDs on it (another customer's are reported, not taken) */
        post: operations["CarrierAccountsController_syncDids"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compliance/contact-caps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your frequency caps per number
         * @description At most `per24h` contacts (calls and texts, across all your campaigns) per number in any rolling 24 hours and `per7d` in any rolling 7 days. A prospect whose number is at its cap waits until the cap allows (`campaign.prospect.capped`).
         */
        get: operations["ContactCapsController_get"];
        /**
         * Set your frequency caps per number (null: the default); applies from the next dial tick
         * @description At most `per24h` contacts (calls and texts, across all your campaigns) per number in any rolling 24 hours and `per7d` in any rolling 7 days. A prospect whose number is at its cap waits until the cap allows (`campaign.prospect.capped`).
         */
        put: operations["ContactCapsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DidsController_list"];
        put?: never;
        /** Add a caller ID (DID) to the pool */
        post: operations["DidsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DidsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a burned or retired DID back in rotation with a fresh score */
        post: operations["DidsController_reinstate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a DID (state retired: never selected again unless reinstated; its number is freed) */
        post: operations["DidsController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per DID: state, score and its components over the last 50 calls since scoreSince */
        get: operations["DidsController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids/health/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts by state and verdict, and the DIDs at risk (score < 0.8 or cooling) */
        get: operations["DidsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events of your campaigns
         * @description Each event has `id:` (its sequential id), `event:` (its type, e.g. campaign.call.initiated) and `data:` (the event as JSON). Reconnect with `Last-Event-ID` (or ?lastEventId=) to resume after the last event seen; Last-Event-ID 0 replays everything stored; without it the stream starts with new events. A comment line is sent every 15 s. A client that does not read fast enough is disconnected (reconnect to resume).
         */
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reachability of Postgres, Redis and Temporal, and SIP channel usage (public) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queue/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your call queue’s pace (calls per second) */
        get: operations["QueueStatusController_getSettings"];
        /** Set your call queue’s pace (null: the default); a running queue applies it at its next turn */
        put: operations["QueueStatusController_setSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queue/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your call queue: calls pending by priority, scheduled, in flight, rates, channel pool usage */
        get: operations["QueueStatusController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SuppressionsController_list"];
        put?: never;
        /**
         * Suppress one number ({phone, reason?}), many ({phones, reason?}), or a CSV (streamed)
         * @description One number: 201 when it is newly suppressed, 200 with `created: false` when it already was (the original entry is kept). Many, or a CSV (text/csv body or multipart "file" part): 200 with counts; numbers that are not valid are reported per row.
         */
        post: operations["SuppressionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The number's suppression entry; 404 when it is not suppressed */
        get: operations["SuppressionsController_get"];
        put?: never;
        post?: never;
        /**
         * Lift a suppression: the number may be contacted again
         * @description Afterwards GET and DELETE on this URL answer 404 until the number is suppressed again.
         */
        delete: operations["SuppressionsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/voice/attempts/{attemptId}/{purpose}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A call document, fetched by the carrier with GET (signed URL) */
        get: operations["CallDocumentsController_fetchWithGet"];
        put?: never;
        /** A call document, fetched by the carrier with POST (signed URL) */
        post: operations["CallDocumentsController_fetchWithPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{provider}/accounts/{accountId}/call-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call events for one carrier account (signed with the account's secret) */
        post: operations["WebhooksController_accountCallStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{provider}/accounts/{accountId}/inbound-sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inbound SMS for one carrier account (signed) */
        post: operations["WebhooksController_accountInboundSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{provider}/accounts/{accountId}/sms-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SMS delivery receipt for one carrier account (signed) */
        post: operations["WebhooksController_accountSmsStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{provider}/call-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call events (progress, AMD, final status) for the configured carrier (signed) */
        post: operations["WebhooksController_callStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{provider}/inbound-sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inbound SMS (STOP, HELP, START) for the configured carrier (signed) */
        post: operations["WebhooksController_inboundSmsWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{provider}/sms-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SMS delivery receipt for the configured carrier (signed) */
        post: operations["WebhooksController_smsStatusWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActiveCallPage: {
            items: components["schemas"]["ActiveCallView"][];
            /** @description cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        ActiveCallView: {
            /** @description null: claimed, not yet recorded */
            attempt: number | null;
            /** Format: uuid */
            attempt_id: string | null;
            batch_id: string | null;
            /** Format: uuid */
            call_id: string;
            /** @description the number calling (E.164) */
            caller_id: string | null;
            custom_call_id: string | null;
            /** @description E.164 */
            phone_number: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @description the carrier */
            provider: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** @enum {string} */
            state: "dialing" | "in_progress";
        };
        AllowedHoursView: {
            /**
             * @description local time, exclusive (24:00 allowed)
             * @example 21:00
             */
            end: string;
            /**
             * @description local time, inclusive
             * @example 08:00
             */
            start: string;
        };
        BulkQueueCallsDto: {
            /**
             * @description your id of the batch: one request per id
             * @example campaign-batch-123
             */
            batch_id: string;
            calls: {
                call_config?: components["schemas"]["CallConfig"];
                /**
                 * Format: uuid
                 * @description one of your campaigns to file the call under (its reports); the call is dialed by your call queue
                 */
                campaign_id?: string;
                /**
                 * @description your id of the call. Queueing an id again answers the call it first queued (200) and queues nothing
                 * @example call-456
                 */
                custom_call_id?: string;
                /**
                 * @description redials after busy, no answer or failure, with growing delays
                 * @default 3
                 */
                max_retries: number;
                /**
                 * Format: phone
                 * @description the number to call, E.164 or national (US default) format; stored as E.164
                 * @example +14155550100
                 */
                phone_number: string;
                /**
                 * @description calls of a higher priority are dialed first
                 * @default normal
                 * @enum {string}
                 */
                priority: "low" | "normal" | "high" | "urgent";
                /**
                 * Format: schedule-time
                 * @description when to call: an ISO 8601 date-time with its offset (Z or ±hh:mm), at most 90 days ahead; a time in the past means now. Absent: now
                 * @example 2025-01-15T14:30:00Z
                 */
                scheduled_at?: string;
            }[];
        };
        BulkQueuedCall: {
            /** Format: uuid */
            call_id: string;
            /** @description false: the custom_call_id named a call queued before (or earlier in the list) */
            created: boolean;
            custom_call_id: string | null;
            /** @description 1-based position of the row in `calls` */
            row: number;
        };
        BulkQueueResultView: {
            /** @description valid rows (queued, or duplicates) */
            accepted: number;
            batch_id: string;
            /** @description the accepted rows, in order */
            calls: components["schemas"]["BulkQueuedCall"][];
            /** @description valid rows whose custom_call_id named a call already queued: nothing new was queued */
            duplicates: number;
            /** @description every row that failed its checks */
            rejected: components["schemas"]["RejectedCallRow"][];
            /** @description rows in `calls` */
            submitted: number;
        };
        BulkSuppressionResult: {
            /** @description numbers newly suppressed */
            added: number;
            /** @description valid numbers that were already suppressed (or repeated) */
            duplicates: number;
            /** @description the first 1,000 rejected rows */
            rejected: components["schemas"]["RejectedRow"][];
            /** @description all rejected rows */
            rejectedCount: number;
        };
        CallAttemptView: {
            attempt: number;
            /** Format: uuid */
            attempt_id: string;
            /** @description the number the call came from (E.164) */
            caller_id: string | null;
            duration_seconds: number | null;
            /** Format: date-time */
            ended_at: string | null;
            error: string | null;
            /** @description human_connected, voicemail, no_answer, busy, failed, ... */
            outcome: string | null;
            /**
             * Format: date-time
             * @description when the carrier was asked (or the attempt recorded)
             */
            started_at: string;
            /** @description pending, originating, in_progress, completed, failed, unknown */
            status: string;
        };
        CallBatchView: {
            accepted: number;
            batch_id: string;
            /** Format: date-time */
            created_at: string;
            rejected: number;
            /** @description the batch's calls by state, now */
            states: components["schemas"]["CallStateCounts"];
            submitted: number;
        };
        /** @description how the call is made; stored with the call as given */
        CallConfig: {
            /**
             * @description who talks when the call is answered: the AI agent server or a plain flow
             * @enum {string}
             */
            agent?: "ai" | "plain";
            /**
             * @description where the carrier fetches the call flow once answered: an http(s) URL
             * @example https://example.com/outbound-answer
             */
            answer_url?: string;
            /**
             * @description the agent flow to run
             * @example wishfin-test
             */
            flow_name?: string;
            /**
             * @description longest the call may last, in seconds
             * @example 1800
             */
            max_duration?: number;
            /** @description record the call */
            recording_enabled?: boolean;
            /**
             * @description values the agent or flow may use (text)
             * @example {
             *       "name": "John Doe"
             *     }
             */
            variables?: {
                [key: string]: string;
            };
            /**
             * @description voice or language of the agent
             * @example en-US
             */
            voice?: string;
        };
        /** @description the campaign's own hours in each recipient's local time. They only narrow: a contact also needs the federal window (voice 08:00-21:00, SMS 07:00-19:00), the state rules and holidays of the recipient */
        CallingHours: {
            /** @description days the campaign contacts anyone; absent: every day the law allows */
            days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
            /** @example 09:00 */
            end: string;
            /** @example 09:00 */
            start: string;
        };
        CallingHoursView: {
            /** @description null: every day the law allows */
            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[] | null;
            /** @example 17:00 */
            end: string;
            /** @example 09:00 */
            start: string;
        };
        CallStateCounts: {
            cancelled: number;
            completed: number;
            dialing: number;
            failed: number;
            in_progress: number;
            queued: number;
            scheduled: number;
        };
        CallStatusView: {
            /** @description first to last */
            attempts: components["schemas"]["CallAttemptView"][];
            batch_id: string | null;
            /**
             * Format: uuid
             * @description the call's id
             */
            call_id: string;
            /**
             * Format: uuid
             * @description the campaign the call is filed under
             */
            campaign_id: string | null;
            /** Format: date-time */
            created_at: string;
            custom_call_id: string | null;
            max_retries: number;
            /**
             * Format: date-time
             * @description when the call is next due (queued or scheduled calls)
             */
            next_attempt_at: string;
            /** @description E.164 */
            phone_number: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @description why the call is not dialed or failed, when known (dnc, outside_window, cancelled_by_api, ...) */
            reason: string | null;
            /** @description redials left; 0 once the call has ended */
            retries_left: number;
            /**
             * Format: date-time
             * @description the requested time, as given; null: now
             */
            scheduled_at: string | null;
            /**
             * @description queued: due now; scheduled: due later (its time, a retry, or the recipient’s calling window); dialing; in_progress: ringing or answered; completed: answered; failed: not reached with all attempts used; cancelled: cancelled, or not callable (see reason)
             * @enum {string}
             */
            state: "queued" | "scheduled" | "dialing" | "in_progress" | "completed" | "failed" | "cancelled";
        };
        CallWebhookAnswer: {
            /**
             * @description delivered: the outcome went to its campaign; responded: a live event was acted on; the others are acknowledged and ignored (the carrier must not retry them)
             * @enum {string}
             */
            status: "delivered" | "responded" | "unknown_attempt" | "attempt_mismatch" | "campaign_not_running";
        };
        /** @description pacing, retries and agent; keys left out take their default */
        CampaignModeInput: {
            /**
             * @default plain
             * @enum {string}
             */
            agent: "ai" | "plain";
            /**
             * @description resume by itself after a no_dids auto-pause once a DID is usable
             * @default false
             */
            auto_resume: boolean;
            /**
             * @description how long a call may go without a status callback
             * @default 600
             */
            callback_timeout_seconds: number;
            /**
             * @description dials per second (fractions allowed)
             * @default 1
             */
            calls_per_second: number;
            /**
             * @description attempts per prospect, counting the first
             * @default 3
             */
            max_attempts: number;
            /**
             * @description SMS: refuse messages longer than this many segments
             * @default 6
             */
            max_segments: number;
            /**
             * @description minimum DID health score for selection
             * @default 0.7
             */
            min_did_score: number;
            /**
             * @description SMS: seconds after which a message with no final receipt ends failed
             * @default 3600
             */
            receipt_timeout_seconds: number;
            /**
             * @description delay before a no_answer is retried
             * @default 3600
             */
            retry_delay_seconds: number;
            /**
             * @description SMS: minutes between two messages from one DID
             * @default 15
             */
            sms_gap_minutes: number;
            /** @description SMS: value used when a prospect has none for a variable (declares the variable too) */
            template_fallbacks?: {
                [key: string]: string;
            };
            /** @description SMS: variable names the prospects carry (besides first_name, last_name, full_name, company, phone) */
            template_variables?: string[];
            /**
             * @description plain agent: bridge an answered call to this number (E.164) or SIP URI instead of speaking the message
             * @example +14155550123
             */
            transfer_to?: string;
            /**
             * @description SMS: replace smart quotes, long dashes, ellipses so the text stays GSM-7
             * @default true
             */
            transliterate: boolean;
            /**
             * @description audio dropped on voicemail: an http(s) URL
             * @example https://example.com/vm.mp3
             */
            voicemail_drop_url?: string;
        };
        CampaignModeView: {
            /** @enum {string} */
            agent: "ai" | "plain";
            autoResume: boolean;
            callbackTimeoutSeconds: number;
            callsPerSecond: number;
            maxAttempts: number;
            /** @description SMS */
            maxSegments: number;
            minDidScore: number;
            /** @description SMS */
            receiptTimeoutSeconds: number;
            retryDelaySeconds: number;
            /** @description SMS */
            smsGapMinutes: number;
            /** @description SMS */
            templateFallbacks: {
                [key: string]: string;
            };
            /** @description SMS: declared template variables */
            templateVariables: string[];
            transferTo: string | null;
            /** @description SMS */
            transliterate: boolean;
            voicemailDropUrl: string | null;
        };
        CampaignPage: {
            /** @description newest first */
            items: components["schemas"]["CampaignView"][];
            /** @description cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        CampaignScheduleInput: {
            /** @description null removes them */
            calling_hours?: components["schemas"]["CallingHours"] | null;
            /**
             * Format: time-zone
             * @description fallback IANA zone for prospects outside the NANP
             * @example America/Chicago
             */
            timezone?: string;
        };
        CampaignScheduleView: {
            /** @description the campaign's own hours; null: the legal window alone */
            calling_hours: components["schemas"]["CallingHoursView"] | null;
            /** @example America/Los_Angeles */
            timezone: string;
        };
        CampaignStatsView: {
            /** @description answered / attempts with an outcome (SMS: delivered / finished) */
            answerRate: number;
            /**
             * Format: date-time
             * @description when these figures were computed (they are shared for up to STATS_CACHE_MS)
             */
            asOf: string;
            attempts: number;
            /** @description mean talk time of answered calls */
            averageDurationSeconds: number;
            /** @description finished attempts by outcome */
            byOutcome: {
                [key: string]: number;
            };
            /** @description prospects by status */
            byStatus: {
                [key: string]: number;
            };
            callsPerSecond: number;
            /** Format: uuid */
            campaignId: string;
            /** @description the workflow's current dial pace; 0 unless dialing */
            currentDialRate: number;
            /** @description queued / callsPerSecond (SMS: the drip over the usable DIDs); null when it cannot be estimated */
            estimatedSecondsToFinish: number | null;
            /** @enum {string} */
            status: "created" | "dialing" | "paused" | "completed" | "cancelled";
            totalProspects: number;
            /** @description the workflow state query, when it answered */
            workflow: components["schemas"]["CampaignWorkflowStateView"] | null;
        };
        CampaignTransitionView: {
            /** @description false when the workflow had not applied the change within the wait (it will); answered with 202 */
            applied: boolean;
            /** @description null: any of your DIDs */
            callerIds: string[] | null;
            /** @enum {string} */
            channel: "voice" | "sms";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            message: string | null;
            /** @description the settings in effect, defaults filled in */
            mode: components["schemas"]["CampaignModeView"];
            name: string;
            pauseReason: string | null;
            schedule: components["schemas"]["CampaignScheduleView"];
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "created" | "dialing" | "paused" | "completed" | "cancelled";
            /** Format: date-time */
            updatedAt: string;
            /** @description Temporal workflow id once started */
            workflowId: string | null;
        };
        CampaignView: {
            /** @description null: any of your DIDs */
            callerIds: string[] | null;
            /** @enum {string} */
            channel: "voice" | "sms";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            message: string | null;
            /** @description the settings in effect, defaults filled in */
            mode: components["schemas"]["CampaignModeView"];
            name: string;
            pauseReason: string | null;
            schedule: components["schemas"]["CampaignScheduleView"];
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "created" | "dialing" | "paused" | "completed" | "cancelled";
            /** Format: date-time */
            updatedAt: string;
            /** @description Temporal workflow id once started */
            workflowId: string | null;
        };
        CampaignWorkflowStateView: {
            dialed: number;
            /** @description the current run's history length */
            historyLength: number;
            /** @description calls or messages awaiting their outcome */
            inFlight: number;
            /** @description runs so far (continue-as-new) */
            run: number;
        };
        CancelCampaignDto: {
            /** @example compliance review */
            reason?: string;
        };
        CarrierAccountPage: {
            /** @description oldest first */
            items: components["schemas"]["CarrierAccountView"][];
            /** @description cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        CarrierAccountView: {
            /** @description the account's public identifier: Twilio account SID, Plivo auth id (none for Telnyx, sim) */
            accountRef: string | null;
            /** Format: uri */
            apiBaseUrl: string | null;
            /** @description calls per second the carrier allows the account */
            cpsLimit: number;
            /** Format: date-time */
            createdAt: string;
            /** @description names of the stored credential fields (values are never shown) */
            credentialFields: string[];
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            provider: "sim" | "twilio" | "telnyx" | "plivo";
        };
        ChannelPoolUsageDto: {
            /** @description live leases (calls holding a SIP channel); null when Redis could not be read */
            inUse: number | null;
            /** @description concurrent channels allowed (CHANNEL_POOL_*), as the worker enforces them */
            limit: number;
            /** @enum {string} */
            pool: "campaign" | "ivr" | "api";
        };
        ComplianceFlagCounts: {
            after_opt_out: number;
            outside_window: number;
        };
        ComplianceItemView: {
            /**
             * Format: date-time
             * @description attemptedAt when the attempt was allowed; else the first instant after it that was (null: none within 14 days)
             */
            allowedFrom: string | null;
            /**
             * Format: date-time
             * @description when the carrier was asked (a call originated, a text sent)
             */
            attemptedAt: string;
            /**
             * Format: uuid
             * @description the call attempt or SMS message id
             */
            attemptId: string;
            /** @enum {string} */
            channel: "voice" | "sms";
            /** @description outside_window: outside the allowed hours; after_opt_out: the recipient had opted out. Empty: compliant */
            flags: ("outside_window" | "after_opt_out")[];
            /**
             * Format: date-time
             * @description the opt-out or suppression in force at the attempt, when one was
             */
            optedOutAt: string | null;
            /** @description the number contacted, E.164 */
            phone: string;
            /** @description each of the recipient's zones */
            recipientLocalTimes: components["schemas"]["RecipientLocalTimeView"][];
            /** @description ISO 3166-2 regions whose rules bind the recipient */
            regions: string[];
            /** @description where the regions came from */
            regionSources: ("area_code" | "state" | "postal_code" | "every_region")[];
            /** @description the rules that set the allowed hours: federal.<channel>, state:<rule>, holiday:<rule>, campaign */
            rules: string[];
            /**
             * @description where the zones came from
             * @enum {string}
             */
            zoneSource: "prospect" | "area_code" | "any_nanp_zone" | "campaign";
        };
        ComplianceReportPage: {
            /** Format: uuid */
            campaignId: string;
            /** @description in the order the attempts were made */
            items: components["schemas"]["ComplianceItemView"][];
            /** @description cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        ComplianceSummaryView: {
            /** @description calls originated and texts sent */
            attempts: number;
            /** @description attempts with each flag */
            byFlag: components["schemas"]["ComplianceFlagCounts"];
            /** Format: uuid */
            campaignId: string;
            /** @description attempts with at least one flag */
            flagged: number;
        };
        ContactCapsDefaults: {
            /** @description contacts per number per rolling 7 days */
            per7d: number;
            /** @description contacts per number per rolling 24 hours */
            per24h: number;
        };
        ContactCapsView: {
            defaults: components["schemas"]["ContactCapsDefaults"];
            /** @description your cap per number per rolling 7 days; null: the default */
            per7d: number | null;
            /** @description your cap per number per rolling 24 hours; null: the default */
            per24h: number | null;
        };
        CreateCampaignDto: {
            /** @description caller IDs the campaign may use (normalised to E.164); empty: any of yours */
            callerIds?: string[];
            /** @constant */
            channel: "voice";
            /**
             * Format: sms-template
             * @description the text, with a visible character; `{{ name }}` placeholders (letters, digits, _; spaces or tabs inside the braces) are filled per prospect, and a lone `{{` or `}}` is an error. A placeholder must name a standard variable (first_name, last_name, full_name, company, phone) or one declared in mode.template_variables or mode.template_fallbacks, else 400
             * @example Hi {{first_name}}, your appointment is tomorrow.
             */
            message?: string;
            mode?: components["schemas"]["CampaignModeInput"];
            name: string;
            schedule?: components["schemas"]["CampaignScheduleInput"];
        } | {
            /** @description caller IDs the campaign may use (normalised to E.164); empty: any of yours */
            callerIds?: string[];
            /** @constant */
            channel: "sms";
            /**
             * Format: sms-template
             * @description the text, with a visible character; `{{ name }}` placeholders (letters, digits, _; spaces or tabs inside the braces) are filled per prospect, and a lone `{{` or `}}` is an error. A placeholder must name a standard variable (first_name, last_name, full_name, company, phone) or one declared in mode.template_variables or mode.template_fallbacks, else 400
             * @example Hi {{first_name}}, your appointment is tomorrow.
             */
            message: string;
            mode?: components["schemas"]["CampaignModeInput"];
            name: string;
            schedule?: components["schemas"]["CampaignScheduleInput"];
        };
        CreateCarrierAccountDto: {
            /**
             * Format: uri
             * @description the carrier's API base URL (regional endpoint, proxy); its public one when absent
             * @example https://api.dublin.ie1.twilio.com
             */
            api_base_url?: string;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description Twilio: the account SID and its auth token (which also signs webhooks). Encrypted at rest, never returned */
            credentials: {
                accountSid: string;
                authToken: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name: string;
            /** @constant */
            provider: "twilio";
        } | {
            /**
             * Format: uri
             * @description the carrier's API base URL (regional endpoint, proxy); its public one when absent
             * @example https://api.dublin.ie1.twilio.com
             */
            api_base_url?: string;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description Telnyx: API key, webhook public key (base64 ed25519), Call Control connection id, optional messaging profile id. Encrypted at rest, never returned */
            credentials: {
                apiKey: string;
                connectionId: string;
                messagingProfileId?: string;
                publicKey: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name: string;
            /** @constant */
            provider: "telnyx";
        } | {
            /**
             * Format: uri
             * @description the carrier's API base URL (regional endpoint, proxy); its public one when absent
             * @example https://api.dublin.ie1.twilio.com
             */
            api_base_url?: string;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description Plivo: auth id and auth token (which also signs webhooks). Encrypted at rest, never returned */
            credentials: {
                authId: string;
                authToken: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name: string;
            /** @constant */
            provider: "plivo";
        } | {
            /**
             * Format: uri
             * @description the carrier's API base URL (regional endpoint, proxy); its public one when absent
             * @example https://api.dublin.ie1.twilio.com
             */
            api_base_url?: string;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description simulator: no credentials; an optional webhook secret (default WEBHOOK_SECRET). Encrypted at rest, never returned */
            credentials: {
                webhookSecret?: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name: string;
            /** @constant */
            provider: "sim";
        };
        CreateDidDto: {
            /**
             * Format: uuid
             * @description the carrier account (one of yours) that owns the number and places its calls; absent: the account configured from the environment
             */
            carrier_account_id?: string;
            /**
             * Format: phone
             * @description any common format; stored as E.164
             * @example +14155550100
             */
            number: string;
        };
        CreateSuppressionDto: {
            /**
             * Format: phone
             * @description one number, any common format; stored as E.164
             * @example +14155550100
             */
            phone: string;
            /** @description why (kept with the entry) */
            reason?: string;
        } | {
            /** @description many numbers; one that is not a valid phone number is reported in `rejected` */
            phones: string[];
            /** @description why (kept with the entry) */
            reason?: string;
        };
        DependencyCheckDto: {
            /** @description why the check failed (only when ok is false) */
            error?: string;
            /** @description milliseconds the check took */
            latencyMs: number;
            ok: boolean;
        };
        DidHealthList: {
            items: components["schemas"]["DidHealthView"][];
        };
        DidHealthReport: {
            /** @description cooling, or in rotation with a warning, cooldown or burned verdict (never unrated); lowest score first */
            atRisk: components["schemas"]["DidHealthView"][];
            /** @description mean score of active DIDs */
            averageScore: number;
            byState: {
                [key: string]: number;
            };
            byVerdict: {
                [key: string]: number;
            };
            generatedAt: string;
            total: number;
        };
        DidHealthView: {
            /** @description last calls regardless of scoreSince (at most 50), which a burn also weighs */
            callsInRecentWindow: number;
            /** @description calls in the scoring window (last 50 since scoreSince) */
            callsInWindow: number;
            components: components["schemas"]["HealthComponentsView"];
            cooldownUntil: string | null;
            /** Format: uuid */
            id: string;
            /** @description fewer calls since scoreSince than any verdict needs (verdict unrated) */
            insufficientData: boolean;
            lastCallAt: string | null;
            /** @description lower confidence bound of the score (one-sided 99 %; 0 with no calls) */
            lowerBound: number;
            number: string;
            /** @description score over the calls in the window (1.0 with none) */
            score: number;
            scoreSince: string | null;
            /** @description standard error of the score; null with no calls */
            standardError: number | null;
            /** @enum {string} */
            state: "active" | "warming" | "cooling" | "burned" | "retired";
            /** @description score stored on the DID by the engine */
            storedScore: number;
            /** @description upper confidence bound of the score (one-sided 99 %; 1 with no calls) */
            upperBound: number;
            /**
             * @description unrated: fewer than 10 calls since scoreSince; warning / cooldown: the upper bound is under 0.8 / 0.7; burned: a confirmed cooldown whose last calls are under 0.5 at 99.99 %
             * @enum {string}
             */
            verdict: "unrated" | "ok" | "warning" | "cooldown" | "burned";
        };
        DidPage: {
            items: components["schemas"]["DidView"][];
            /** @description cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        DidView: {
            areaCode: string | null;
            /**
             * Format: uuid
             * @description the carrier account that places its calls; null: the one configured from the environment
             */
            carrierAccountId: string | null;
            cooldownUntil: string | null;
            createdAt: string;
            /** @description calls since scoreSince behind the score (at most 50) */
            healthSampleSize: number;
            /** @description health score over the calls since scoreSince (1.0 with none) */
            healthScore: number;
            /** @description lower confidence bound of the score (one-sided 99 %; 0 with no calls) */
            healthScoreLower: number;
            /** @description upper confidence bound of the score (one-sided 99 %; 1 with no calls) */
            healthScoreUpper: number;
            /**
             * @description the engine's verdict; unrated until 10 calls since scoreSince
             * @enum {string}
             */
            healthVerdict: "unrated" | "ok" | "warning" | "cooldown" | "burned";
            /** Format: uuid */
            id: string;
            lastCallAt: string | null;
            lastSmsAt: string | null;
            number: string;
            scoreSince: string | null;
            /** @enum {string} */
            state: "active" | "warming" | "cooling" | "burned" | "retired";
            /** @description when the carrier refused the number as caller ID: out of rotation until reinstated */
            suspendedAt: string | null;
            /** @description the carrier's refusal */
            suspendedReason: string | null;
            updatedAt: string;
        };
        ErrorBody: {
            /** @description stable error class, e.g. validation_failed, not_found, rate_limited */
            code: string;
            /**
             * @description the HTTP reason phrase
             * @example Bad Request
             */
            error: string;
            /** @description every failing field, when validation found several */
            errors?: {
                /** @description dotted path of the field, parameter or header that failed */
                field: string;
                message: string;
            }[];
            /** @description the field, query parameter, path parameter or header that failed, when one did */
            field?: string;
            /** @description what failed, naming the field or rule */
            message: string;
            statusCode: number;
        };
        HealthChecksDto: {
            postgres: components["schemas"]["DependencyCheckDto"];
            redis: components["schemas"]["DependencyCheckDto"];
            temporal: components["schemas"]["DependencyCheckDto"];
        };
        HealthComponentsView: {
            answerRate: number;
            durationScore: number;
            humanEngagement: number;
            noAnswerScore: number;
            spamScore: number;
        };
        HealthReportDto: {
            /** @description every SIP channel pool, in use and capacity */
            channels: components["schemas"]["ChannelPoolUsageDto"][];
            checks: components["schemas"]["HealthChecksDto"];
            /**
             * @description degraded (with 503) when any dependency is down
             * @enum {string}
             */
            status: "ok" | "degraded";
        };
        ImportResultView: {
            /** @description rows stored */
            accepted: number;
            /** @description valid rows dropped because the number is already there */
            duplicates: number;
            durationMs: number;
            /** @description the first 1,000 rejected rows */
            rejected: components["schemas"]["RejectedRow"][];
            /** @description all rejected rows, including those past the list cap */
            rejectedCount: number;
        };
        InboundSmsWebhookAnswer: {
            /** @enum {string} */
            status: "opt_out" | "opt_in" | "help" | "other" | "duplicate" | "unknown_number";
        };
        PauseCampaignDto: {
            /** @example compliance review */
            reason?: string;
        };
        PendingByPriority: {
            high: number;
            low: number;
            normal: number;
            urgent: number;
        };
        ProspectInput: {
            /**
             * @description when the person consented to be contacted: ISO 8601 date or date-time (no offset: UTC), not in the future; same as `consented_at`. Numbers reassigned since then are not contacted. A malformed one rejects the row
             * @example 2025-03-01
             */
            consent_date?: string | null;
            /**
             * @description same as `consent_date`
             * @example 2025-03-01T14:30:00Z
             */
            consented_at?: string | null;
            /**
             * @description any common format (a bare number is read as its digits); stored as E.164. A number that is not valid for its region rejects the row (listed in `rejected`), not the request
             * @example +14155550123
             */
            phone: string | number;
            /**
             * @description same as `zip`
             * @example M5V 2T6
             */
            postal_code?: string | null;
            /**
             * @description the number's US state, territory or Canadian province: 2-letter code ('FL'), name ('Florida') or ISO 3166-2 code ('US-FL'); stored as the ISO code. An unknown one rejects the row
             * @example FL
             */
            state?: string | null;
            /**
             * Format: time-zone
             * @description the prospect's IANA zone; absent, null or empty: inferred from the area code, else the campaign's. An unknown zone rejects the row (listed in `rejected`), not the request
             */
            timezone?: string | null;
            /** @description template variables; numbers and booleans are stored as text, null values are left out */
            variables?: {
                [key: string]: string | number | boolean | null;
            } | null;
            /**
             * @description US ZIP (12345 or 12345-6789) or Canadian postal code (A1A 1A1); same as `postal_code`. A malformed one rejects the row
             * @example 33101
             */
            zip?: string | null;
        };
        ProspectPage: {
            /** @description in load order */
            items: components["schemas"]["ProspectView"][];
            /** @description cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        ProspectsUploadDto: {
            prospects: components["schemas"]["ProspectInput"][];
        };
        ProspectView: {
            areaCode: string | null;
            attemptCount: number;
            /**
             * Format: date-time
             * @description when consent was given
             */
            consentedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description ascending in load order */
            id: number;
            lastOutcome: string | null;
            /** Format: date-time */
            nextAttemptAt: string;
            /** @description E.164 */
            phone: string;
            /** @description US ZIP or Canadian postal code */
            postalCode: string | null;
            /** @description ISO 3166-2 region ('US-FL', 'CA-ON') */
            state: string | null;
            /** @enum {string} */
            status: "queued" | "dialing" | "sending" | "sent" | "human_connected" | "human_hangup" | "voicemail" | "no_answer" | "busy" | "delivered" | "failed" | "cancelled";
            statusReason: string | null;
            timezone: string | null;
            /** Format: date-time */
            updatedAt: string;
            variables: {
                [key: string]: string;
            };
        };
        QueueCallDto: {
            call_config?: components["schemas"]["CallConfig"];
            /**
             * Format: uuid
             * @description one of your campaigns to file the call under (its reports); the call is dialed by your call queue
             */
            campaign_id?: string;
            /**
             * @description your id of the call. Queueing an id again answers the call it first queued (200) and queues nothing
             * @example call-456
             */
            custom_call_id?: string;
            /**
             * @description redials after busy, no answer or failure, with growing delays
             * @default 3
             */
            max_retries: number;
            /**
             * Format: phone
             * @description the number to call, E.164 or national (US default) format; stored as E.164
             * @example +14155550100
             */
            phone_number: string;
            /**
             * @description calls of a higher priority are dialed first
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * Format: schedule-time
             * @description when to call: an ISO 8601 date-time with its offset (Z or ±hh:mm), at most 90 days ahead; a time in the past means now. Absent: now
             * @example 2025-01-15T14:30:00Z
             */
            scheduled_at?: string;
        };
        QueueChannelPool: {
            /** @description channels in use now, by every customer (null: Redis could not tell) */
            in_use: number | null;
            limit: number;
            /**
             * @description the SIP channel pool queued calls are dialed from
             * @enum {string}
             */
            pool: "api";
        };
        QueuedCallView: {
            batch_id: string | null;
            /**
             * Format: uuid
             * @description the call's id
             */
            call_id: string;
            /**
             * Format: uuid
             * @description the campaign the call is filed under
             */
            campaign_id: string | null;
            /** Format: date-time */
            created_at: string;
            custom_call_id: string | null;
            max_retries: number;
            /** @description E.164 */
            phone_number: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * Format: date-time
             * @description the requested time, as given; null: now
             */
            scheduled_at: string | null;
            /**
             * @description queued: due now; scheduled: due later (its time, a retry, or the recipient’s calling window); dialing; in_progress: ringing or answered; completed: answered; failed: not reached with all attempts used; cancelled: cancelled, or not callable (see reason)
             * @enum {string}
             */
            state: "queued" | "scheduled" | "dialing" | "in_progress" | "completed" | "failed" | "cancelled";
        };
        QueueSettingsView: {
            /** @description your pace; null: the default */
            calls_per_second: number | null;
            /** @description the pace in force: yours, else the default */
            effective_calls_per_second: number;
        };
        QueueStatusView: {
            /** @description mean talk time of the calls answered in the last hour */
            average_duration_seconds: number;
            channel_pool: components["schemas"]["QueueChannelPool"];
            /** @description calls sent to the carrier per second over the last minute */
            dial_rate_per_second: number;
            /** @description share of the calls that ended in the last hour unanswered with every attempt used */
            failure_rate: number;
            /** @description calls being dialed or in progress */
            in_flight: number;
            /** @description calls due now, waiting for a channel */
            pending: components["schemas"]["PendingByPriority"];
            /**
             * Format: uuid
             * @description your call queue (its events are on channel campaign:<queue_id>); null: nothing queued yet
             */
            queue_id: string | null;
            /** @description calls due later (scheduled, retry backoff, calling window) */
            scheduled: number;
            /**
             * @description created: not started yet; dialing; paused (calls wait); null: no queue yet
             * @enum {string|null}
             */
            status: "created" | "dialing" | "paused" | "completed" | "cancelled" | null;
            /** @description share of the calls that ended in the last hour that were answered (0 when none ended) */
            success_rate: number;
            workflow_id: string | null;
        };
        RecipientLocalTimeView: {
            /** @description that local day's allowed hours; null: none (a Sunday or holiday ban) */
            allowedHours: components["schemas"]["AllowedHoursView"] | null;
            /**
             * @description ISO 8601 with the offset
             * @example 2026-12-01T10:15:00-05:00
             */
            localTime: string;
            /** @example America/New_York */
            zone: string;
        };
        RefusedNumberView: {
            number: string;
            /** @description why it was not registered (e.g. held by another customer) */
            reason: string;
        };
        RejectedCallRow: {
            /** @description the field of the row that failed (`calls[i].` left out), or `row` */
            field: string;
            reason: string;
            /** @description 1-based position of the row in `calls` */
            row: number;
        };
        RejectedRow: {
            reason: string;
            /** @description 1-based position of the record in the upload (CSV: data rows, header not counted) */
            row: number;
        };
        SmsStatusWebhookAnswer: {
            /**
             * @description applied, or acknowledged and ignored (an older status, or a message that is not ours)
             * @enum {string}
             */
            status: "applied" | "ignored_stale" | "unknown_message" | "message_mismatch";
        };
        SuppressionCreated: {
            /** @description false when the number was already suppressed (its original entry is kept) */
            created: boolean;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description E.164
             * @example +14155550123
             */
            phone: string;
            reason: string | null;
            /**
             * @description api / import: added by you; opt_out: the recipient replied STOP; manual: added by an operator
             * @enum {string}
             */
            source: "manual" | "import" | "opt_out" | "api";
        };
        SuppressionPage: {
            /** @description by phone number */
            items: components["schemas"]["SuppressionView"][];
            /** @description cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        SuppressionView: {
            /** Format: date-time */
            createdAt: string;
            /**
             * @description E.164
             * @example +14155550123
             */
            phone: string;
            reason: string | null;
            /**
             * @description api / import: added by you; opt_out: the recipient replied STOP; manual: added by an operator
             * @enum {string}
             */
            source: "manual" | "import" | "opt_out" | "api";
        };
        SyncDidsResult: {
            /** @description DIDs of the pool (of no account before) now on this account */
            attached: number;
            /** @description numbers added to the DID pool on this account */
            created: number;
            refused: components["schemas"]["RefusedNumberView"][];
            /** @description DIDs already on this account */
            unchanged: number;
        };
        UpdateCampaignDto: {
            /** @description caller IDs the campaign may use (normalised to E.164); null or empty: any of yours */
            callerIds?: string[] | null;
            /**
             * Format: sms-template
             * @description the text, with a visible character; `{{ name }}` placeholders (letters, digits, _; spaces or tabs inside the braces) are filled per prospect, and a lone `{{` or `}}` is an error. A placeholder must name a standard variable (first_name, last_name, full_name, company, phone) or one declared in mode.template_variables or mode.template_fallbacks, else 400
             * @example Hi {{first_name}}, your appointment is tomorrow.
             */
            message?: string;
            mode?: components["schemas"]["CampaignModeInput"];
            name?: string;
            schedule?: components["schemas"]["CampaignScheduleInput"];
        };
        UpdateCarrierAccountDto: {
            /** @description the carrier's API base URL; null: back to its public one */
            api_base_url?: string | null;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description the account's new credentials, whole (they replace the stored ones) */
            credentials?: {
                accountSid: string;
                authToken: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name?: string;
            /**
             * @description the account's provider (it cannot change)
             * @constant
             */
            provider: "twilio";
        } | {
            /** @description the carrier's API base URL; null: back to its public one */
            api_base_url?: string | null;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description the account's new credentials, whole (they replace the stored ones) */
            credentials?: {
                apiKey: string;
                connectionId: string;
                messagingProfileId?: string;
                publicKey: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name?: string;
            /**
             * @description the account's provider (it cannot change)
             * @constant
             */
            provider: "telnyx";
        } | {
            /** @description the carrier's API base URL; null: back to its public one */
            api_base_url?: string | null;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description the account's new credentials, whole (they replace the stored ones) */
            credentials?: {
                authId: string;
                authToken: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name?: string;
            /**
             * @description the account's provider (it cannot change)
             * @constant
             */
            provider: "plivo";
        } | {
            /** @description the carrier's API base URL; null: back to its public one */
            api_base_url?: string | null;
            /** @description calls per second the carrier allows the account (fractions allowed); default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /** @description the account's new credentials, whole (they replace the stored ones) */
            credentials?: {
                webhookSecret?: string;
            };
            /**
             * @description stored trimmed
             * @example Twilio production
             */
            name?: string;
            /**
             * @description the account's provider (it cannot change)
             * @constant
             */
            provider: "sim";
        };
        UpdateContactCapsDto: {
            /**
             * @description contacts per number per rolling 7 days; null: the default
             * @example 7
             */
            per7d: number | null;
            /**
             * @description contacts per number per rolling 24 hours; null: the default
             * @example 3
             */
            per24h: number | null;
        };
        UpdateQueueSettingsDto: {
            /**
             * @description calls your queue dials per second at most; null: the default
             * @example 5
             */
            calls_per_second: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CallsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the call's call_id, or your custom_call_id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallStatusView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the call is dialing, in progress or finished (the message names its state) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallsController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the call's call_id, or your custom_call_id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallStatusView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallsController_active: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400 */
                cursor?: string;
                /** @description page size (default 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveCallPage"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallsController_batch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description your batch_id */
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallBatchView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallsController_queueBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional; 1-255 visible ASCII characters (no spaces), unique per operation (e.g. a UUID). Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) gets the first answer again, status and body, with `Idempotent-Replayed: true`, and nothing is created twice. The same key with a different request answers 422. A request sent while another with the key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, 408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkQueueCallsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkQueueResultView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description batch_id was used before */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallsController_queue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional; 1-255 visible ASCII characters (no spaces), unique per operation (e.g. a UUID). Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) gets the first answer again, status and body, with `Idempotent-Replayed: true`, and nothing is created twice. The same key with a different request answers 422. A request sent while another with the key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, 408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueCallDto"];
            };
        };
        responses: {
            /** @description custom_call_id was queued before: that call, nothing new */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallView"];
                };
            };
            /** @description queued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description campaign_id names none of your campaigns */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_list: {
        parameters: {
            query?: {
                channel?: "voice" | "sms";
                /** @description the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400 */
                cursor?: string;
                /** @description page size (default 50) */
                limit?: number;
                status?: "created" | "dialing" | "paused" | "completed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPage"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional; 1-255 visible ASCII characters (no spaces), unique per operation (e.g. a UUID). Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) gets the first answer again, status and body, with `Idempotent-Replayed: true`, and nothing is created twice. The same key with a different request answers 422. A request sent while another with the key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, 408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the campaign has started: it can no longer be changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description signalled; not applied yet */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description already completed or cancelled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Temporal is unreachable; nothing was changed, retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ComplianceReportController_report: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400 */
                cursor?: string;
                /** @description true: only the attempts with a flag. A page may then hold fewer than `limit` items (the scan of one request is bounded): only a null nextCursor means the end */
                flagged?: "true" | "false";
                /** @description csv: the whole campaign as one CSV (header row, one record per attempt; `limit` and `cursor` are ignored), as with `Accept: text/csv`. Default: JSON, a page */
                format?: "json" | "csv";
                /** @description page size (default 50) */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of the report (JSON), or the whole report (CSV) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceReportPage"];
                    "text/csv": string;
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ComplianceReportController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceSummaryView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PauseCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description signalled; not applied yet */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not dialing */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Temporal is unreachable; nothing was changed, retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProspectsController_list: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400 */
                cursor?: string;
                /** @description page size (default 50) */
                limit?: number;
                status?: "queued" | "dialing" | "sending" | "sent" | "human_connected" | "human_hangup" | "voicemail" | "no_answer" | "busy" | "delivered" | "failed" | "cancelled";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProspectPage"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProspectsController_upload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional; 1-255 visible ASCII characters (no spaces), unique per operation (e.g. a UUID). Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) gets the first answer again, status and body, with `Idempotent-Replayed: true`, and nothing is created twice. The same key with a different request answers 422. A request sent while another with the key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, 408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProspectsUploadDto"];
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description the CSV file. CSV: a header row naming a `phone` column (also `phone_number`; any common format, stored as E.164) and optionally `timezone` (IANA); every other column becomes a variable. Streamed: the file is never held in memory (up to 512 MB).
                     */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the campaign has finished (completed or cancelled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a body other than application/json, text/csv or multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description signalled; not applied yet */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not paused */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Temporal is unreachable; nothing was changed, retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description started; the workflow has not set the status yet */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitionView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not in status created, or already started */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Temporal is unreachable; nothing was changed, retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CampaignsController_stats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignStatsView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CarrierAccountsController_list: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400 */
                cursor?: string;
                /** @description page size (default 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierAccountPage"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description CARRIER_CREDENTIALS_KEY is not set on the API */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CarrierAccountsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional; 1-255 visible ASCII characters (no spaces), unique per operation (e.g. a UUID). Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) gets the first answer again, status and body, with `Idempotent-Replayed: true`, and nothing is created twice. The same key with a different request answers 422. A request sent while another with the key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, 408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCarrierAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierAccountView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description CARRIER_CREDENTIALS_KEY is not set on the API */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CarrierAccountsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierAccountView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such account of yours, or it was deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description CARRIER_CREDENTIALS_KEY is not set on the API */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CarrierAccountsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such account of yours, or it was deleted already */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description DIDs (not retired) still belong to the account; names how many */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CarrierAccountsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCarrierAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierAccountView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such account of yours, or it was deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `provider` is not the account's provider (code provider_mismatch) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description CARRIER_CREDENTIALS_KEY is not set on the API */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CarrierAccountsController_syncDids: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncDidsResult"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such account of yours, or it was deleted (also while syncing) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the account's settings do not work: the carrier refused its credentials (code carrier_auth_refused) or the request (carrier_refused), its api_base_url does not answer (carrier_unreachable), or the stored credentials no longer decrypt */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description this API key's rate limit, or the carrier's for the account (code carrier_rate_limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the carrier's own endpoint could not be reached or failed (5xx, timeout): code carrier_unavailable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description CARRIER_CREDENTIALS_KEY is not set on the API */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ContactCapsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactCapsView"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ContactCapsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactCapsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactCapsView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DidsController_list: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400 */
                cursor?: string;
                /** @description page size (default 50) */
                limit?: number;
                state?: "active" | "warming" | "cooling" | "burned" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidPage"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DidsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional; 1-255 visible ASCII characters (no spaces), unique per operation (e.g. a UUID). Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) gets the first answer again, status and body, with `Idempotent-Replayed: true`, and nothing is created twice. The same key with a different request answers 422. A request sent while another with the key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, 408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDidDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description carrier_account_id names no carrier account of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description number already in your pool, or held by another customer (a caller ID has one owner) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DidsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DidsController_reinstate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not burned or retired, or its number is now held by another customer */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DidsController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such resource for this customer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DidsController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidHealthList"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DidsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidHealthReport"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EventsController_stream: {
        parameters: {
            query: {
                /** @description comma-separated, at most 20: campaign:<id> of your campaigns, customer:<your customer id> for all of them */
                channels: string;
                /** @description as Last-Event-ID, for clients that cannot set the header (the header wins) */
                lastEventId?: string;
            };
            header?: {
                /** @description the id of the last event received: the stream resumes after it (0: from the first stored) */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the event stream (open until the client leaves) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description a channel names a campaign or customer that is not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every dependency answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description a dependency is down: the same report, status degraded, naming it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
        };
    };
    QueueStatusController_getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueSettingsView"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    QueueStatusController_setSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateQueueSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueSettingsView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    QueueStatusController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueStatusView"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppressionsController_list: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400 */
                cursor?: string;
                /** @description page size (default 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionPage"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppressionsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional; 1-255 visible ASCII characters (no spaces), unique per operation (e.g. a UUID). Makes the request safe to retry: within 24 h, the same key with the same request (method, path, body bytes) gets the first answer again, status and body, with `Idempotent-Replayed: true`, and nothing is created twice. The same key with a different request answers 422. A request sent while another with the key is still running waits for its answer, or answers 409 with Retry-After after 30 s. 5xx answers, 408/409/423/425/429 and validation errors are not kept: a retry with the key executes again. Keys are per customer. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSuppressionDto"];
                "multipart/form-data": {
                    /** @description the CSV file part. CSV with a header row naming a phone column (phone, phone_number, phonenumber or number, any case) and optionally reason; other columns are ignored. Streamed: up to 512 MiB, records up to 64 KiB. */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description one number that was already suppressed (SuppressionCreated), or the result of a list or CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionCreated"] | components["schemas"]["BulkSuppressionResult"];
                };
            };
            /** @description the number is newly suppressed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionCreated"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not application/json, a CSV type (text/csv, application/csv, text/plain) or multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppressionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description URL-encode the +, e.g. %2B14155550123; national formats work too */
                phone: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionView"];
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the number is not suppressed (for you) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppressionsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description URL-encode the +, e.g. %2B14155550123; national formats work too */
                phone: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the entry is removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description missing, invalid or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the number is not suppressed (for you) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description rate limit of this API key reached: retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallDocumentsController_fetchWithGet: {
        parameters: {
            query: {
                /** @description expiry of the URL, Unix seconds */
                exp: string;
                /** @description HMAC-SHA256 of the attempt, purpose and expiry (hex) */
                sig: string;
            };
            header?: never;
            path: {
                /** @description the call attempt the document is for */
                attemptId: string;
                purpose: "answer" | "voicemail";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document, in the call's carrier's language */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "text/xml": string;
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the URL signature (exp, sig) is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such attempt, or its carrier fetches no documents (Telnyx, simulator) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallDocumentsController_fetchWithPost: {
        parameters: {
            query: {
                /** @description expiry of the URL, Unix seconds */
                exp: string;
                /** @description HMAC-SHA256 of the attempt, purpose and expiry (hex) */
                sig: string;
            };
            header?: never;
            path: {
                /** @description the call attempt the document is for */
                attemptId: string;
                purpose: "answer" | "voicemail";
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description the document, in the call's carrier's language */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                    "text/xml": string;
                };
            };
            /** @description the request is invalid: `field` names the field, parameter or header that failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the URL signature (exp, sig) is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such attempt, or its carrier fetches no documents (Telnyx, simulator) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_accountCallStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the carrier account the webhook is for */
                accountId: string;
                /** @description the carrier that sends the webhook; on the short route, the one configured (CARRIER_PROVIDER) */
                provider: "sim" | "twilio" | "telnyx" | "plivo";
            };
            cookie?: never;
        };
        /** @description The carrier's webhook as it sends it, signed with its own scheme: Twilio X-Twilio-Signature (form), Telnyx telnyx-signature-ed25519 + telnyx-timestamp (JSON), Plivo X-Plivo-Signature-V3 + nonce (form), simulator x-sim-signature (JSON). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallWebhookAnswer"];
                };
            };
            /** @description a path parameter is invalid, or the signed payload is not one the carrier sends */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signature missing, invalid or expired, or a replay (a delivery id received before): nothing changed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such carrier account, an account at another carrier, or (short route) not the configured carrier */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the account's stored credentials no longer pass its carrier's checks (code carrier_account_unusable): rotate them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_accountInboundSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the carrier account the webhook is for */
                accountId: string;
                /** @description the carrier that sends the webhook; on the short route, the one configured (CARRIER_PROVIDER) */
                provider: "sim" | "twilio" | "telnyx" | "plivo";
            };
            cookie?: never;
        };
        /** @description The carrier's webhook as it sends it, signed with its own scheme: Twilio X-Twilio-Signature (form), Telnyx telnyx-signature-ed25519 + telnyx-timestamp (JSON), Plivo X-Plivo-Signature-V3 + nonce (form), simulator x-sim-signature (JSON). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description JSON for the simulator and Telnyx; an empty XML response for Twilio (text/xml) and Plivo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundSmsWebhookAnswer"];
                    "application/xml": string;
                    "text/xml": string;
                };
            };
            /** @description a path parameter is invalid, or the signed payload is not one the carrier sends */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signature missing, invalid or expired, or a replay (a delivery id received before): nothing changed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such carrier account, an account at another carrier, or (short route) not the configured carrier */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the account's stored credentials no longer pass its carrier's checks (code carrier_account_unusable): rotate them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_accountSmsStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the carrier account the webhook is for */
                accountId: string;
                /** @description the carrier that sends the webhook; on the short route, the one configured (CARRIER_PROVIDER) */
                provider: "sim" | "twilio" | "telnyx" | "plivo";
            };
            cookie?: never;
        };
        /** @description The carrier's webhook as it sends it, signed with its own scheme: Twilio X-Twilio-Signature (form), Telnyx telnyx-signature-ed25519 + telnyx-timestamp (JSON), Plivo X-Plivo-Signature-V3 + nonce (form), simulator x-sim-signature (JSON). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsStatusWebhookAnswer"];
                };
            };
            /** @description a path parameter is invalid, or the signed payload is not one the carrier sends */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signature missing, invalid or expired, or a replay (a delivery id received before): nothing changed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such carrier account, an account at another carrier, or (short route) not the configured carrier */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the account's stored credentials no longer pass its carrier's checks (code carrier_account_unusable): rotate them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_callStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the carrier that sends the webhook; on the short route, the one configured (CARRIER_PROVIDER) */
                provider: "sim" | "twilio" | "telnyx" | "plivo";
            };
            cookie?: never;
        };
        /** @description The carrier's webhook as it sends it, signed with its own scheme: Twilio X-Twilio-Signature (form), Telnyx telnyx-signature-ed25519 + telnyx-timestamp (JSON), Plivo X-Plivo-Signature-V3 + nonce (form), simulator x-sim-signature (JSON). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallWebhookAnswer"];
                };
            };
            /** @description a path parameter is invalid, or the signed payload is not one the carrier sends */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signature missing, invalid or expired, or a replay (a delivery id received before): nothing changed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such carrier account, an account at another carrier, or (short route) not the configured carrier */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the account's stored credentials no longer pass its carrier's checks (code carrier_account_unusable): rotate them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_inboundSmsWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the carrier that sends the webhook; on the short route, the one configured (CARRIER_PROVIDER) */
                provider: "sim" | "twilio" | "telnyx" | "plivo";
            };
            cookie?: never;
        };
        /** @description The carrier's webhook as it sends it, signed with its own scheme: Twilio X-Twilio-Signature (form), Telnyx telnyx-signature-ed25519 + telnyx-timestamp (JSON), Plivo X-Plivo-Signature-V3 + nonce (form), simulator x-sim-signature (JSON). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description JSON for the simulator and Telnyx; an empty XML response for Twilio (text/xml) and Plivo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundSmsWebhookAnswer"];
                    "application/xml": string;
                    "text/xml": string;
                };
            };
            /** @description a path parameter is invalid, or the signed payload is not one the carrier sends */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signature missing, invalid or expired, or a replay (a delivery id received before): nothing changed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such carrier account, an account at another carrier, or (short route) not the configured carrier */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the account's stored credentials no longer pass its carrier's checks (code carrier_account_unusable): rotate them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_smsStatusWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the carrier that sends the webhook; on the short route, the one configured (CARRIER_PROVIDER) */
                provider: "sim" | "twilio" | "telnyx" | "plivo";
            };
            cookie?: never;
        };
        /** @description The carrier's webhook as it sends it, signed with its own scheme: Twilio X-Twilio-Signature (form), Telnyx telnyx-signature-ed25519 + telnyx-timestamp (JSON), Plivo X-Plivo-Signature-V3 + nonce (form), simulator x-sim-signature (JSON). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsStatusWebhookAnswer"];
                };
            };
            /** @description a path parameter is invalid, or the signed payload is not one the carrier sends */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signature missing, invalid or expired, or a replay (a delivery id received before): nothing changed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no such carrier account, an account at another carrier, or (short route) not the configured carrier */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the account's stored credentials no longer pass its carrier's checks (code carrier_account_unusable): rotate them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
