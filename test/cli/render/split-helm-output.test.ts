import { strict as assert } from "assert";
import { splitHelmOutput } from "../../../cli/render/split-helm-output";

const OUTPUT = `---
# Source: api/templates/service.yaml
apiVersion: v1
kind: Service
metadata: { name: api }
---
# Source: api/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
---
# Source: api/charts/redis/templates/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: redis }
---
# Source: api/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata: { name: api-worker }
`;

describe("splitHelmOutput", () => {
  it("attributes each rendered document to its template inside the chart directory", () => {
    const parts = splitHelmOutput(OUTPUT, "charts/api");
    assert.deepEqual(
      parts.map((p) => p.file),
      [
        "charts/api/templates/service.yaml",
        "charts/api/templates/deployment.yaml",
        "charts/api/charts/redis/templates/statefulset.yaml",
      ],
    );
    assert.equal(
      parts[1].text,
      "---\n# Source: api/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\n\n" +
        "---\n# Source: api/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api-worker }\n",
    );
  });

  it("attributes documents without a Source comment to the chart directory, and drops empty ones", () => {
    assert.deepEqual(splitHelmOutput("---\n---\nkind: Pod\n", "charts/x"), [
      { file: "charts/x", text: "---\nkind: Pod\n" },
    ]);
  });
});
