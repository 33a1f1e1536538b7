# Inbreng in a container: Node 24, the built web app, migrations applied at every start.
# docker compose up (see docker-compose.yml) runs it next to PostgreSQL.

FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN npm install --global --no-audit --no-fund pnpm@12.21.0
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
COPY packages/clustering/package.json packages/clustering/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm run build \
  && pnpm install --frozen-lockfile --prod --offline --config.confirmModulesPurge=false \
  && rm -rf apps/web/src apps/web/.svelte-kit e2e bench .tools

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    INBRENG_DATA_DIR=/data
WORKDIR /app
RUN mkdir /data && chown node:node /data
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations run inside the server at start; a failed one stops the container with a clear message.
CMD ["node", "apps/api/src/server.ts"]
