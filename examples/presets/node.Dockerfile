# Rendered by pulumi-hardened (HardenedImage preset "node"). Classic-builder compatible.
FROM node:22-bookworm-slim@sha256:43ac6c60b8f89723f746e8a92ce91abd5017e627ce1ddfe4238355d3a30b772c AS build
ENV NODE_ENV=production
WORKDIR /build/app
COPY . /build/app
RUN rm -rf /build/app/.git /build/app/.dockerignore /build/app/Dockerfile /build/app/Containerfile /build/app/.DS_Store \
  && npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force

FROM gcr.io/distroless/nodejs22-debian12:nonroot@sha256:13593b7570658e8477de39e2f4a1dd25db2f836d68a0ba771251572d23bb4f8e
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /build/app /app
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD ["/nodejs/bin/node","-e","require('http').get('http://127.0.0.1:8080/healthz', (r) => process.exit(r.statusCode >= 200 && r.statusCode < 300 ? 0 : 1)).on('error', () => process.exit(1))"]
ENTRYPOINT ["/nodejs/bin/node","index.js"]
