import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { renderDirFromConfig, settingsFromConfig } from "./config";
import { PythonService, pythonService } from "./service";

/** What the program creates: the service and the namespace it runs in. */
export interface PythonProgram extends PythonService {
  /** The namespace, with Pod Security Admission enforcing the restricted standard. */
  readonly namespace: k8s.core.v1.Namespace;
}

/**
 * The Python example as a Pulumi program, used by `examples/python-multistage` and by the root
 * program (`program/`): a Kubernetes provider that renders YAML to `renderDir`, a namespace
 * enforcing the restricted Pod Security Standard, and the service (`pythonService`) in it, all
 * configured from stack config (see `settingsFromConfig` and Pulumi.yaml).
 */
export function pythonProgram(config: pulumi.Config): PythonProgram {
  const provider = new k8s.Provider("render", {
    renderYamlToDirectory: renderDirFromConfig(config),
  });
  const namespace = new k8s.core.v1.Namespace(
    "python-multistage",
    {
      metadata: {
        name: config.get("namespace") ?? "python-multistage",
        labels: {
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
        },
      },
    },
    { provider },
  );
  const service = pythonService("api", settingsFromConfig(config), namespace.metadata.name, {
    provider,
  });
  return { ...service, namespace };
}
