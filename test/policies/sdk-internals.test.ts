import { strict as assert } from "assert";
import { Secret, unknownCheckingProxy } from "@pulumi/policy";
import {
  SDK_FALLBACK_ENV,
  checkPackInternals,
  copyThroughDescriptors,
  deserializeModuleProblem,
  grpcModuleProblem,
  proxyMarkersOf,
  proxySentinelsOf,
  unknownSentinels,
  unwrapSdkProxies,
} from "../../policies/sdk-internals";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { RunningPack, startRunningPack } from "../support/analyzer/running-pack";

const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A stand-in for `@pulumi/policy/proxy` whose proxies answer markers named `is` and `target`. */
function proxyModule(answers: boolean): Record<string, unknown> {
  return {
    isSpecialProxy: "is",
    getSpecialProxyTarget: "target",
    unknownCheckingProxy: (o: object) =>
      new Proxy(o, {
        get: (t, p) => (answers && p === "is" ? true : answers && p === "target" ? t : undefined),
      }),
  };
}

describe("the fence around the Pulumi SDKs' internals (policies/sdk-internals)", () => {
  it("finds every internal of the installed (pinned) SDKs in the shape it was written for", () => {
    assert.equal(process.env[SDK_FALLBACK_ENV], undefined);
    assert.deepEqual(checkPackInternals(), []);
    assert.equal(unknownSentinels().size, 7);
    assert.ok(unknownSentinels().has(UNKNOWN_STRING));
  });

  it("refuses a deserialize module whose deserializeProperties changed", () => {
    const frozen = Object.freeze({ deserializeProperties: (_s: object, _p: boolean) => ({}) });
    const table: [Record<string, unknown>, string | undefined][] = [
      [{}, "it has no deserializeProperties export"],
      [{ deserializeProperties: "x" }, "its deserializeProperties is not a function"],
      [
        { deserializeProperties: (s: object) => s },
        "its deserializeProperties takes 1 parameters, not (struct, proxySecrets)",
      ],
      [frozen, "its deserializeProperties cannot be replaced"],
      [{ deserializeProperties: (_s: object, _p: boolean) => ({}) }, undefined],
    ];
    for (const [module, problem] of table) {
      assert.equal(deserializeModuleProblem(module), problem);
    }
  });

  it("refuses a proxy module without the seven sentinels, or whose proxies ignore the markers", () => {
    const sentinels = Object.fromEntries(
      ["Boolean", "Number", "String", "Array", "Asset", "Archive", "Object"].map((t) => [
        `unknown${t}Value`,
        `s-${t}`,
      ]),
    );
    assert.equal((proxySentinelsOf(sentinels) as string[]).length, 7);
    assert.deepEqual(proxySentinelsOf({ ...sentinels, unknownAssetValue: undefined }), {
      problem: "it has no string unknownAssetValue",
    });
    assert.deepEqual(proxyMarkersOf(proxyModule(true)), { isProxy: "is", target: "target" });
    assert.deepEqual(proxyMarkersOf(proxyModule(false)), {
      problem: "its proxies do not answer isSpecialProxy and getSpecialProxyTarget",
    });
    assert.deepEqual(proxyMarkersOf({ ...proxyModule(true), isSpecialProxy: undefined }), {
      problem: "it has no string isSpecialProxy and getSpecialProxyTarget",
    });
    assert.equal(grpcModuleProblem({ Server: class {} }), "its Server has no addService method");
    assert.equal(
      grpcModuleProblem({
        Server: class {
          addService() {}
        },
      }),
      undefined,
    );
  });

  it("sees through the SDK's proxies, by its markers and by the fallback's descriptor copy alike", () => {
    const nested = { image: UNKNOWN_STRING, env: [{ value: new Secret("s3cret") }] };
    const target = { kind: "Deployment", spec: nested, list: [1, 2] };
    const proxy = unknownCheckingProxy(target) as Record<string, unknown>;
    assert.equal(unwrapSdkProxies(proxy), target);
    const copy = copyThroughDescriptors(proxy);
    assert.notEqual(copy, target);
    assert.deepEqual(Object.keys(copy), Object.keys(target));
    assert.equal(copy.spec, nested, "values are the target's own, not proxies of them");
    assert.equal(copy.list, target.list);
    assert.equal(copyThroughDescriptors(proxy), copy, "one copy per proxy");
    assert.throws(() => proxy.spec && (proxy.spec as typeof nested).image, /can't be known/);
  });
});

describe(`a pack whose SDK server cannot be hooked (${SDK_FALLBACK_ENV}=policy-grpc-server)`, function () {
  this.timeout(120_000);
  let running: RunningPack;
  before(async () => {
    running = await startRunningPack(undefined, { [SDK_FALLBACK_ENV]: "policy-grpc-server" });
  });
  after(async () => {
    await running?.stop();
  });

  it("says so once, still serves every policy at its own settings, and does not read the pack section", async () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.runAsNonRoot", false);
    const properties = { ...(workloadOf("Deployment", spec) as object), apiVersion: "apps/v1" };
    const resource = {
      type: "kubernetes:apps/v1:Deployment",
      name: "app",
      urn: "urn:pulumi:dev::shop::kubernetes:apps/v1:Deployment::app",
      properties,
    };
    await running.analyzer.configure({ hardened: { properties: { profile: "baseline" } } });
    const names = (await running.analyzer.analyze(resource)).map((d) => d.policyName);
    assert.ok(names.includes("run-as-non-root"), names.join(", "));
    await running.analyzer.configure({ "run-as-non-root": { enforcementLevel: "disabled" } });
    assert.ok(
      !(await running.analyzer.analyze(resource)).some((d) => d.policyName === "run-as-non-root"),
      "the SDK itself still applies each policy's configured level",
    );
    const lines = running.pack.stderr().trim().split("\n");
    assert.equal(lines.length, 1, running.pack.stderr());
    assert.match(
      lines[0],
      /^hardened: @grpc\/grpc-js \S+: @grpc\/grpc-js is treated as missing \(HARDENED_SDK_FALLBACK\) \(policy-grpc-server\); the "hardened" section/,
    );
  });
});
