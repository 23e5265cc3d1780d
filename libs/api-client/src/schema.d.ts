/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `npm run api-client:generate` (the dev stack must be up); a test fails when it is stale.
 */

export interface paths {
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
        /** Cancel a campaign: queued prospects are cancelled, calls in progress finish */
        post: operations["CampaignsController_cancel"];
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
        /** Pause a dialing campaign (optional reason) */
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
         * Load prospects: JSON, or a CSV (text/csv body or multipart "file") with a phone column, streamed
         * @description CSV: a header row with `phone` (any common format, stored as E.164) and optional `timezone` (IANA); every other column becomes a variable. Rows are validated one by one; numbers already in the campaign count as duplicates. The whole upload is loaded in one transaction: a malformed CSV loads nothing.
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
        get: operations["CarrierAccountsController_list"];
        put?: never;
        /** Add a carrier account (credentials encrypted at rest, never returned) */
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
        /** Delete a carrier account (its calls in flight still report their status) */
        delete: operations["CarrierAccountsController_remove"];
        options?: never;
        head?: never;
        /** Rename an account, rotate its credentials (replaced whole), or change its rate or base URL */
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
        get: operations["HealthController_check"];
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
        /** Suppress one number ({phone, reason?}, 201) or many ({phones: [...], reason?}, 200) */
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
        /** Is this number suppressed? (URL-encode the +, e.g. %2B14155550123) */
        get: operations["SuppressionsController_check"];
        put?: never;
        post?: never;
        delete: operations["SuppressionsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a CSV (text/csv body or multipart "file") with a phone column and optional reason, streamed */
        post: operations["SuppressionsController_importCsv"];
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
        BulkSuppressionResult: {
            /** @description numbers newly suppressed */
            added: number;
            /** @description valid numbers that were already suppressed (or repeated) */
            duplicates: number;
            /** @description first 1,000 rejected rows (1-based) */
            rejected: string[];
            rejectedCount: number;
        };
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
            /** @description SMS: value used when a prospect has none for a variable */
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
            /** @description audio dropped on voicemail */
            voicemail_drop_url?: string;
        };
        CampaignModeView: {
            /** @enum {string} */
            agent: "ai" | "plain";
            autoResume: boolean;
            callbackTimeoutSeconds: number;
            callsPerSecond: number;
            maxAttempts: number;
            retryDelaySeconds: number;
            transferTo: string | null;
            voicemailDropUrl: string | null;
        };
        CampaignPage: {
            items: components["schemas"]["CampaignView"][];
            nextCursor: string | null;
        };
        CampaignScheduleInput: {
            /**
             * @description fallback IANA zone for prospects without one
             * @example America/Chicago
             */
            timezone?: string;
        };
        CampaignScheduleView: {
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
            /** @description queued / callsPerSecond; null when nothing is queued */
            estimatedSecondsToFinish: number | null;
            /** @enum {string} */
            status: "created" | "dialing" | "paused" | "completed" | "cancelled";
            totalProspects: number;
            /** @description the workflow state query, when it answered */
            workflow: Record<string, never> | null;
        };
        CampaignTransitionView: {
            /** @description false when the workflow had not applied the change within the wait (it will) */
            applied: boolean;
            callerIds: string[] | null;
            /** @enum {string} */
            channel: "voice" | "sms";
            createdAt: string;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            message: string | null;
            mode: components["schemas"]["CampaignModeView"];
            name: string;
            pauseReason: string | null;
            schedule: components["schemas"]["CampaignScheduleView"];
            startedAt: string | null;
            /** @enum {string} */
            status: "created" | "dialing" | "paused" | "completed" | "cancelled";
            updatedAt: string;
            /** @description Temporal workflow id once started */
            workflowId: string | null;
        };
        CampaignView: {
            callerIds: string[] | null;
            /** @enum {string} */
            channel: "voice" | "sms";
            createdAt: string;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            message: string | null;
            mode: components["schemas"]["CampaignModeView"];
            name: string;
            pauseReason: string | null;
            schedule: components["schemas"]["CampaignScheduleView"];
            startedAt: string | null;
            /** @enum {string} */
            status: "created" | "dialing" | "paused" | "completed" | "cancelled";
            updatedAt: string;
            /** @description Temporal workflow id once started */
            workflowId: string | null;
        };
        CancelCampaignDto: {
            reason?: string;
        };
        CarrierAccountPage: {
            items: components["schemas"]["CarrierAccountView"][];
            limit: number;
            offset: number;
        };
        CarrierAccountView: {
            /** @description the account's public identifier: Twilio account SID, Plivo auth id (none for Telnyx, sim) */
            accountRef: string | null;
            apiBaseUrl: string | null;
            /** @description calls per second the carrier allows the account */
            cpsLimit: number;
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
        CreateCampaignDto: {
            /** @description caller IDs the campaign may use (normalised to E.164) */
            callerIds?: string[];
            /** @enum {string} */
            channel: "voice" | "sms";
            /** @description the text of an SMS campaign (required when channel is sms) */
            message?: string;
            mode?: components["schemas"]["CampaignModeInput"];
            name: string;
            schedule?: components["schemas"]["CampaignScheduleInput"];
        };
        CreateCarrierAccountDto: {
            /**
             * @description the carrier's API base URL (regional endpoint, proxy); its public one when absent
             * @example https://api.dublin.ie1.twilio.com
             */
            api_base_url?: string;
            /** @description calls per second the carrier allows the account; default twilio 1, telnyx 16, plivo 2, sim 100 */
            cps_limit?: number;
            /**
             * @description the carrier's credentials, encrypted at rest and never returned. twilio: accountSid, authToken; telnyx: apiKey, publicKey, connectionId, messagingProfileId (optional); plivo: authId, authToken; sim: webhookSecret (optional)
             * @example {
             *       "accountSid": "AC0123456789abcdef0123456789abcdef",
             *       "authToken": "..."
             *     }
             */
            credentials: {
                [key: string]: string;
            };
            /** @example Twilio production */
            name: string;
            /** @enum {string} */
            provider: "sim" | "twilio" | "telnyx" | "plivo";
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
             * @description one number (or use phones)
             * @example +14155550123
             */
            phone?: string;
            /** @description many numbers; invalid ones are reported per row */
            phones?: string[];
            reason?: string;
        };
        DependencyCheckDto: {
            error?: string;
            /** @description time the check took */
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
            /** @enum {string} */
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
        PauseCampaignDto: {
            /** @example compliance review */
            reason?: string;
        };
        ProspectInput: {
            /**
             * @description any common format; stored as E.164
             * @example +14155550123
             */
            phone: string;
            /** @example America/Chicago */
            timezone?: string;
            variables?: {
                [key: string]: string;
            };
        };
        ProspectPage: {
            items: components["schemas"]["ProspectView"][];
            nextCursor: string | null;
        };
        ProspectsUploadBody: {
            prospects: components["schemas"]["ProspectInput"][];
        };
        ProspectView: {
            areaCode: string | null;
            attemptCount: number;
            createdAt: string;
            id: number;
            lastOutcome: string | null;
            nextAttemptAt: string;
            phone: string;
            /** @enum {string} */
            status: "queued" | "dialing" | "sending" | "sent" | "human_connected" | "human_hangup" | "voicemail" | "no_answer" | "busy" | "delivered" | "failed" | "cancelled";
            statusReason: string | null;
            timezone: string | null;
            updatedAt: string;
            variables: {
                [key: string]: string;
            };
        };
        RefusedNumberView: {
            number: string;
            /** @description why it was not registered (e.g. held by another customer) */
            reason: string;
        };
        RejectedRow: {
            reason: string;
            /** @description 1-based position of the record in the upload (CSV: data rows, header not counted) */
            row: number;
        };
        SuppressionCheck: {
            entry: components["schemas"]["SuppressionView"] | null;
            phone: string;
            suppressed: boolean;
        };
        SuppressionCreated: {
            /** @description false when the number was already suppressed (its original entry is kept) */
            created: boolean;
            createdAt: string;
            phone: string;
            reason: string | null;
            /** @enum {string} */
            source: "manual" | "import" | "opt_out" | "api";
        };
        SuppressionPage: {
            items: components["schemas"]["SuppressionView"][];
            nextCursor: string | null;
        };
        SuppressionView: {
            createdAt: string;
            phone: string;
            reason: string | null;
            /** @enum {string} */
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
            callerIds?: string[] | null;
            message?: string;
            mode?: components["schemas"]["CampaignModeInput"];
            name?: string;
            schedule?: components["schemas"]["CampaignScheduleInput"];
        };
        UpdateCarrierAccountDto: {
            /** @description the carrier's API base URL */
            api_base_url?: string;
            cps_limit?: number;
            /** @description the account's new credentials, whole (same fields as at creation); never returned */
            credentials?: {
                [key: string]: string;
            };
            name?: string;
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
    CampaignsController_list: {
        parameters: {
            query?: {
                channel?: "voice" | "sms";
                /** @description the previous page's nextCursor */
                cursor?: string;
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
            header?: never;
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
            /** @description the resource is in a state that does not allow this */
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
        requestBody: {
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
        requestBody: {
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
        };
    };
    ProspectsController_list: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor */
                cursor?: string;
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
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProspectsUploadBody"] | string | {
                    /** Format: binary */
                    file?: string;
                };
                "multipart/form-data": components["schemas"]["ProspectsUploadBody"] | string | {
                    /** Format: binary */
                    file?: string;
                };
                "text/csv": components["schemas"]["ProspectsUploadBody"] | string | {
                    /** Format: binary */
                    file?: string;
                };
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
                limit?: number;
                offset?: number;
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
        };
    };
    CarrierAccountsController_create: {
        parameters: {
            query?: never;
            header?: never;
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
            /** @description credentials not valid for the provider (names the field, e.g. credentials.authToken) */
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
            /** @description no such resource for this customer */
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
            /** @description a field is invalid; the message names it (e.g. credentials.authToken) */
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
            /** @description the carrier's error (credentials refused, unreachable) */
            502: {
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
            header?: never;
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
                /** @description comma-separated */
                channels: unknown;
                lastEventId?: unknown;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream */
            200: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description error */
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
    SuppressionsController_list: {
        parameters: {
            query?: {
                /** @description the previous page's nextCursor */
                cursor?: string;
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSuppressionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionCreated"] | components["schemas"]["BulkSuppressionResult"];
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
    SuppressionsController_check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
                    "application/json": components["schemas"]["SuppressionCheck"];
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
    SuppressionsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
            /** @description not suppressed */
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
    SuppressionsController_importCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
                "text/csv": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkSuppressionResult"];
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
    WebhooksController_accountCallStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
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
            /** @description no such resource for this customer */
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
    WebhooksController_accountInboundSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
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
            /** @description no such resource for this customer */
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
    WebhooksController_accountSmsStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
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
            /** @description no such resource for this customer */
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
    WebhooksController_callStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
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
            /** @description no such resource for this customer */
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
    WebhooksController_inboundSmsWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
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
            /** @description no such resource for this customer */
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
    WebhooksController_smsStatusWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
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
            /** @description no such resource for this customer */
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
}
