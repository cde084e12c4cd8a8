/**
 * The API version each core workload kind is served at, for generated and fixture workloads that
 * other tools (and the API server) must decode too.
 */
export const WORKLOAD_API_VERSIONS: Readonly<Record<string, string>> = {
  Pod: "v1",
  PodTemplate: "v1",
  ReplicationController: "v1",
  ReplicaSet: "apps/v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  Job: "batch/v1",
  CronJob: "batch/v1",
};
