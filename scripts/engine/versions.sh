# shellcheck shell=bash
# shellcheck disable=SC2034 # read by install.sh
# The Pulumi engine pieces the real-engine tests run, pinned to versions the Go module proxy serves.
# Changing a version changes the cache key, so the next run builds the new version once.

# The pulumi CLI: github.com/pulumi/pulumi/pkg/v3/cmd/pulumi, with sdk/v3 at the same version.
PULUMI_VERSION="v3.276.0"

# The Kubernetes provider: the proxy serves provider/v4 only as this pseudo-version (2026-01-15).
# Its go.mod replaces sdk/v4 with the repository's ../sdk; the released sdk/v4 it requires stands in.
KUBERNETES_PROVIDER_VERSION="v4.0.0-20260115033456-f47bc2d6f199"
KUBERNETES_SDK_VERSION="v4.24.0"
