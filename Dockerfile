# arsipd in a container. Build:  docker build -t arsipd .
# Run (see docs/guide.md for the full example):
#   docker run -d --name arsipd --restart unless-stopped \
#     -v /srv/arsip:/data/arsip -v arsipd-state:/data/state -v /etc/arsipd:/etc/arsipd:ro \
#     -e ARSIPD_REMOTE_PASSWORD_FILE=/etc/arsipd/remote-password arsipd
# Signals: tini (PID 1) passes SIGTERM to node, so arsipd finishes the file in flight and
# saves its journal on `docker stop`.

# ---- build: compile TypeScript, then drop the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# ---- runtime: only what `node dist/cli/main.js` needs ----
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 arsipd \
 && useradd --system --uid 10001 --gid arsipd --home-dir /data/state --shell /usr/sbin/nologin arsipd \
 && mkdir -p /data/arsip /data/state /etc/arsipd \
 && chown arsipd:arsipd /data/arsip /data/state
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config ./config
ENV NODE_ENV=production \
    ARSIPD_CONFIG=/etc/arsipd/arsipd.yaml
# The share, arsipd's state (journal, status, logs/) and the config (+ password file).
VOLUME ["/data/arsip", "/data/state", "/etc/arsipd"]
USER arsipd
WORKDIR /data/state
# Exit 0 healthy; 1 degraded and 2 down both count as unhealthy.
HEALTHCHECK --interval=1m --timeout=30s --start-period=2m --retries=3 \
  CMD ["node", "/app/dist/cli/main.js", "status"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/dist/cli/main.js"]
CMD ["run"]
