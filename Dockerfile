# guidebook-import in a small Node 20 image, run as the unprivileged "node" user:
#   docker build -t guidebook-import .
#   docker run --rm -e GUIDEBOOK_API_KEY -v gbi-state:/state guidebook-import \
#     import https://example.org/agenda.ics --guide 47 --if-source-changed
# The /state volume keeps --if-source-changed's memory and the run locks between runs.

# Build: the dev dependencies compile src/ to dist/, then only the runtime dependencies are kept.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
# The build's last step bundles the CLI (scripts/bundle-cli.ts).
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production \
    XDG_STATE_HOME=/state \
    NO_COLOR=1
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY templates ./templates
COPY samples ./samples
RUN ln -s /app/dist/cli/main.js /usr/local/bin/guidebook-import \
 && mkdir -p /state /work \
 && chown node:node /state /work
USER node
WORKDIR /work
VOLUME ["/state"]
ENTRYPOINT ["guidebook-import"]
CMD ["--help"]
