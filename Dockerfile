# Guichet: the server (or, with another command, the worker) and the built web client, on Debian.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config web/vite.config.ts --logLevel warn && node scripts/build-server.mjs \
  && npm prune --omit=dev

FROM node:20-bookworm-slim
# pg_dump and pg_restore for `npm run backup` / `npm run restore` against PostgreSQL.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/app/data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node itself, so SIGTERM reaches the server and it shuts down gracefully; the compiled server
# (scripts/build-server.mjs), which spares the memory of a TypeScript loader.
CMD ["node", "--enable-source-maps", "dist/server/main.mjs"]
