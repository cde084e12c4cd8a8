import { EXAMPLE_DIGEST, RuleExample } from "../../example";
import { ExampleFile, imageFacts } from "./image-facts";

const SERVER: ExampleFile = { path: "/app/server" };

const withFiles = (...files: ExampleFile[]) =>
  imageFacts({ layers: [{ files: [SERVER, ...files] }] });

const alone = imageFacts({ layers: [{ files: [SERVER] }] });

const layersOf = (...sizes: number[]) => imageFacts({ layers: sizes.map((size) => ({ size })) });

/** The examples of the image rules that read the config, history and files, by rule id. */
export const STATIC_IMAGE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "image-user-non-root": {
    failing: imageFacts({ config: { User: "0:0" } }),
    passing: imageFacts({ config: { User: "10001:10001" } }),
  },
  "image-user-numeric": {
    failing: imageFacts({ config: { User: "app" } }),
    passing: imageFacts({ config: { User: "10001:10001" } }),
  },
  "image-healthcheck": {
    failing: imageFacts({ config: { Entrypoint: ["/app/server"] } }),
    passing: imageFacts({
      config: {
        Entrypoint: ["/app/server"],
        Healthcheck: { Test: ["CMD", "/app/server", "health"] },
      },
    }),
  },
  "image-shell-form-without-shell": {
    failing: imageFacts({
      config: { Entrypoint: ["/bin/sh", "-c", "/app/server"] },
      layers: [{ files: [SERVER] }],
    }),
    passing: imageFacts({ config: { Entrypoint: ["/app/server"] }, layers: [{ files: [SERVER] }] }),
  },
  "image-setuid-files": {
    failing: withFiles({ path: "/usr/bin/passwd", mode: "4755" }),
    passing: withFiles({ path: "/usr/bin/passwd", mode: "0755" }),
  },
  "image-no-shell": {
    failing: withFiles({ path: "/bin/busybox" }, { path: "/bin/sh", symlinkTo: "/bin/busybox" }),
    passing: alone,
  },
  "image-no-package-manager": {
    failing: withFiles({ path: "/sbin/apk" }),
    passing: alone,
  },
  "image-credential-files": {
    failing: withFiles({ path: "/root/.ssh/id_rsa", mode: "0600" }),
    passing: alone,
  },
  "image-secret-env": {
    failing: imageFacts({ config: { Env: ["DB_PASSWORD=hunter2-literal"] } }),
    passing: imageFacts({ config: { Env: ["DB_PASSWORD_FILE=/run/secrets/db"] } }),
  },
  "image-secret-history": {
    failing: imageFacts({
      history: [{ created_by: "RUN |1 NPM_TOKEN=npm_a1b2c3d4e5f6 /bin/sh -c npm ci # buildkit" }],
    }),
    passing: imageFacts({ history: [{ created_by: "RUN /bin/sh -c npm ci # buildkit" }] }),
  },
  "image-system-volumes": {
    failing: imageFacts({ config: { Volumes: { "/proc": {} } } }),
    passing: imageFacts({ config: { Volumes: { "/data": {} } } }),
  },
  "image-privileged-port": {
    failing: imageFacts({ config: { User: "10001", ExposedPorts: { "80/tcp": {} } } }),
    passing: imageFacts({ config: { User: "10001", ExposedPorts: { "8080/tcp": {} } } }),
  },
  "image-unneeded-files": {
    failing: withFiles({ path: "/app/Dockerfile", mode: "0644" }),
    passing: alone,
  },
  "image-size-budget": {
    failing: layersOf(30_000_000, 45_000_000),
    passing: layersOf(30_000_000, 15_000_000),
    settings: { maxSizeBytes: 50_000_000 },
  },
  "image-layer-budget": {
    failing: layersOf(30_000_000, 1_000_000, 1_000_000, 1_000_000),
    passing: layersOf(30_000_000, 3_000_000),
    settings: { maxLayers: 3 },
  },
  "image-base-labels": {
    failing: imageFacts({ config: { Labels: {} } }),
    passing: imageFacts({
      config: {
        Labels: {
          "org.opencontainers.image.base.name": "gcr.io/distroless/static-debian12:nonroot",
          "org.opencontainers.image.base.digest": EXAMPLE_DIGEST,
        },
      },
    }),
  },
};
