// Command k8s-yaml-reference decodes YAML documents the way the Kubernetes API machinery does, so
// the tests can compare hardened's manifest reader with it.
//
// It reads a JSON array of YAML documents on standard input and writes a JSON array with one
// result per document: the JSON that sigs.k8s.io/yaml makes of it (as kubectl and the API server
// do before decoding), the error of the strict conversion (duplicate keys), and the error of
// decoding that JSON into the typed object of its kind (what the API server would reject).
package main

import (
	"encoding/json"
	"fmt"
	"os"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

type result struct {
	JSON        *string `json:"json"`
	Error       *string `json:"error"`
	StrictError *string `json:"strictError"`
	TypedError  *string `json:"typedError"`
}

func typedObject(kind string) any {
	switch kind {
	case "Pod":
		return &corev1.Pod{}
	case "PodTemplate":
		return &corev1.PodTemplate{}
	case "ReplicationController":
		return &corev1.ReplicationController{}
	case "Deployment":
		return &appsv1.Deployment{}
	case "StatefulSet":
		return &appsv1.StatefulSet{}
	case "DaemonSet":
		return &appsv1.DaemonSet{}
	case "ReplicaSet":
		return &appsv1.ReplicaSet{}
	case "Job":
		return &batchv1.Job{}
	case "CronJob":
		return &batchv1.CronJob{}
	}
	return nil
}

func text(err error) *string {
	if err == nil {
		return nil
	}
	s := err.Error()
	return &s
}

func decode(doc string) result {
	var out result
	data, err := yaml.YAMLToJSON([]byte(doc))
	if err != nil {
		out.Error = text(err)
		return out
	}
	s := string(data)
	out.JSON = &s
	_, strictErr := yaml.YAMLToJSONStrict([]byte(doc))
	out.StrictError = text(strictErr)
	var head struct {
		Kind string `json:"kind"`
	}
	if json.Unmarshal(data, &head) == nil {
		if obj := typedObject(head.Kind); obj != nil {
			out.TypedError = text(kjson.UnmarshalCaseSensitivePreserveInts(data, obj))
		}
	}
	return out
}

func main() {
	var docs []string
	if err := json.NewDecoder(os.Stdin).Decode(&docs); err != nil {
		fmt.Fprintln(os.Stderr, "k8s-yaml-reference: reading a JSON array of strings:", err)
		os.Exit(2)
	}
	results := make([]result, len(docs))
	for i, doc := range docs {
		results[i] = decode(doc)
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, "k8s-yaml-reference:", err)
		os.Exit(2)
	}
}
