import { strict as assert } from "assert";
import { ImageReference } from "../../../rules/image-reference";
import { LockFile } from "../../../oci/pin/lock-file";
import { pinReferences, PinTarget } from "../../../oci/pin/pin";

const D = (c: string) => `sha256:${c.repeat(64)}`;
const MEDIA = "application/vnd.oci.image.index.v1+json";
const NOW = () => new Date("2026-11-28T12:00:00Z");

/** Targets for every occurrence of each reference in `text`, as the Dockerfile model gives them. */
function targetsOf(text: string, refs: readonly (string | [string, string])[]): PinTarget[] {
  let from = 0;
  return refs.map((r) => {
    const [written, reference] = typeof r === "string" ? [r, r] : r;
    const start = text.indexOf(written, from);
    from = start + written.length;
    return {
      written,
      reference,
      start,
      end: start + written.length,
      line: text.slice(0, start).split("\n").length,
    };
  });
}

/** A resolver that answers as a registry does: by digest when the reference has one, else by tag. */
function resolver(digests: Record<string, string>) {
  const calls: string[] = [];
  const resolve = async (ref: ImageReference) => {
    const key = `${ref.registry}/${ref.repository}:${ref.tag ?? "latest"}`;
    calls.push(key);
    return { digest: ref.digest ?? digests[key], mediaType: MEDIA };
  };
  return { calls, resolve };
}

const EMPTY: LockFile = { version: 1, images: [] };

describe("pinReferences", () => {
  const text = [
    "FROM debian:bookworm AS build",
    "COPY --from=ghcr.io/acme/tools /t /t",
    "FROM debian:bookworm",
    "RUN --mount=from=127.0.0.1:5000/x:1@" + D("9") + ",target=/x true",
    "FROM ${BASE}",
    "COPY --from=quay.io/a/b@" + D("8") + " / /",
    "",
  ].join("\n");
  const targets = targetsOf(text, [
    "debian:bookworm",
    "ghcr.io/acme/tools",
    "debian:bookworm",
    `127.0.0.1:5000/x:1@${D("9")}`,
    ["${BASE}", "debian:bookworm"],
    `quay.io/a/b@${D("8")}`,
  ]);
  const digests = {
    "docker.io/library/debian:bookworm": D("1"),
    "ghcr.io/acme/tools:latest": D("2"),
    "127.0.0.1:5000/x:1": D("3"),
  };

  it("pins tags to the registry's digests, resolving each tag once, and records them in the lock", async () => {
    const { calls, resolve } = resolver(digests);
    const result = await pinReferences(text, targets, { lock: EMPTY, resolve, now: NOW });
    assert.deepEqual(calls, ["docker.io/library/debian:bookworm", "ghcr.io/acme/tools:latest"]);
    assert.equal(
      result.text,
      [
        `FROM debian:bookworm@${D("1")} AS build`,
        `COPY --from=ghcr.io/acme/tools:latest@${D("2")} /t /t`,
        `FROM debian:bookworm@${D("1")}`,
        `RUN --mount=from=127.0.0.1:5000/x:1@${D("9")},target=/x true`,
        "FROM ${BASE}",
        `COPY --from=quay.io/a/b@${D("8")} / /`,
        "",
      ].join("\n"),
    );
    assert.deepEqual(
      result.outcomes.map((o) =>
        o.kind === "pinned" ? `${o.target.line} ${o.source}` : `${o.target.line} kept: ${o.reason}`,
      ),
      [
        "1 registry",
        "2 registry",
        "3 registry",
        "4 kept: it is already pinned; run with --update to move it to the tag's current digest",
        "5 kept: it uses build variables (${BASE} is debian:bookworm); pin the ARG's default value instead",
        "6 kept: it is pinned by digest alone; there is no tag to resolve",
      ],
    );
    assert.equal(result.lockChanged, true);
    assert.deepEqual(result.lock.images, [
      {
        reference: "docker.io/library/debian:bookworm",
        registry: "docker.io",
        digest: D("1"),
        mediaType: MEDIA,
        resolvedAt: "2026-11-28T12:00:00.000Z",
      },
      {
        reference: "ghcr.io/acme/tools:latest",
        registry: "ghcr.io",
        digest: D("2"),
        mediaType: MEDIA,
        resolvedAt: "2026-11-28T12:00:00.000Z",
      },
    ]);
  });

  it("uses the lock's digests without asking the registry, until update", async () => {
    const first = await pinReferences(text, targets, {
      lock: EMPTY,
      resolve: resolver(digests).resolve,
      now: NOW,
    });
    const moved = {
      ...digests,
      "docker.io/library/debian:bookworm": D("5"),
      "127.0.0.1:5000/x:1": D("6"),
    };
    const stable = resolver(moved);
    const again = await pinReferences(text, targets, { lock: first.lock, resolve: stable.resolve });
    assert.deepEqual(stable.calls, []);
    assert.equal(again.text, first.text);
    assert.equal(again.lockChanged, false);
    assert.ok(again.outcomes.every((o) => o.kind === "kept" || o.source === "lock"));

    const updated = resolver(moved);
    const result = await pinReferences(
      first.text,
      targetsOf(first.text, [
        `debian:bookworm@${D("1")}`,
        `ghcr.io/acme/tools:latest@${D("2")}`,
        `debian:bookworm@${D("1")}`,
        `127.0.0.1:5000/x:1@${D("9")}`,
      ]),
      { lock: first.lock, resolve: updated.resolve, update: true, now: NOW },
    );
    assert.deepEqual(updated.calls, [
      "docker.io/library/debian:bookworm",
      "ghcr.io/acme/tools:latest",
      "127.0.0.1:5000/x:1",
    ]);
    assert.match(
      result.text,
      new RegExp(
        `^FROM debian:bookworm@${D("5")} AS build\nCOPY --from=ghcr.io/acme/tools:latest@${D("2")} /t /t\nFROM debian:bookworm@${D("5")}\nRUN --mount=from=127.0.0.1:5000/x:1@${D("6")},`,
      ),
    );
    assert.equal(result.lockChanged, true);
    assert.deepEqual(
      result.lock.images.map((e) => `${e.reference} ${e.digest.slice(7, 8)}`).sort(),
      [
        "127.0.0.1:5000/x:1 6",
        "docker.io/library/debian:bookworm 5",
        "ghcr.io/acme/tools:latest 2",
      ],
    );
  });
});
