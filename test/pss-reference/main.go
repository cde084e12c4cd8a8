// Command psa-eval evaluates pods with k8s.io/pod-security-admission, the library the Kubernetes
// API server uses for Pod Security admission, and prints the ids of the checks each pod fails.
//
// Usage: psa-eval <baseline|restricted> <v1.N|latest> < pods.jsonl
//
// Each input line is one Pod as JSON; each output line is a JSON array of the failing check ids
// of the pod on the same input line, sorted, written as soon as the pod is read (so a caller may
// send one pod and wait for its answer). A line that is not a valid Pod stops the program
// with exit status 2 and a message naming the line.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
)

// taggedChecks returns the default checks with every check function wrapped so that a failing
// result appends the check's id to *failed. The upstream evaluator still decides which checks
// run for a level and version (versions, overrides of baseline checks by restricted ones).
func taggedChecks(failed *[]string) []policy.Check {
	checks := policy.DefaultChecks()
	for i := range checks {
		id := string(checks[i].ID)
		versions := make([]policy.VersionedCheck, len(checks[i].Versions))
		for j, v := range checks[i].Versions {
			inner := v.CheckPod
			v.CheckPod = func(meta *metav1.ObjectMeta, spec *corev1.PodSpec) policy.CheckResult {
				result := inner(meta, spec)
				if !result.Allowed {
					*failed = append(*failed, id)
				}
				return result
			}
			versions[j] = v
		}
		checks[i].Versions = versions
	}
	return checks
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "psa-eval: "+format+"\n", args...)
	os.Exit(2)
}

func main() {
	if len(os.Args) != 3 {
		fail("usage: psa-eval <baseline|restricted> <v1.N|latest> < pods.jsonl")
	}
	level, err := api.ParseLevel(os.Args[1])
	if err != nil || level == api.LevelPrivileged {
		fail("invalid level %q: expected baseline or restricted", os.Args[1])
	}
	version, err := api.ParseVersion(os.Args[2])
	if err != nil {
		fail("invalid version %q: %v", os.Args[2], err)
	}
	var failed []string
	evaluator, err := policy.NewEvaluator(taggedChecks(&failed), nil)
	if err != nil {
		fail("building the evaluator: %v", err)
	}
	lv := api.LevelVersion{Level: level, Version: version}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for line := 1; in.Scan(); line++ {
		var pod corev1.Pod
		if err := json.Unmarshal(in.Bytes(), &pod); err != nil {
			fail("stdin line %d: not a Pod: %v", line, err)
		}
		failed = failed[:0]
		results := evaluator.EvaluatePod(lv, &pod.ObjectMeta, &pod.Spec)
		denied := 0
		for _, r := range results {
			if !r.Allowed {
				denied++
			}
		}
		if denied != len(failed) {
			fail("stdin line %d: %d checks failed but %d were tagged", line, denied, len(failed))
		}
		ids := append([]string{}, failed...)
		sort.Strings(ids)
		encoded, _ := json.Marshal(ids)
		out.Write(append(encoded, '\n'))
		out.Flush()
	}
	if err := in.Err(); err != nil {
		fail("reading stdin: %v", err)
	}
}
