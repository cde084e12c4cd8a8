import { parseChallenges } from "./challenge";
import { BasicCredentials, RegistryCredentials } from "./docker-config";
import { RegistryAuthError, RegistryResponseError } from "./errors";
import { describeErrorResponse, RequestTarget, send } from "./http";

/** The `Authorization` value for HTTP basic auth. */
export function basicAuthorization(credentials: BasicCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}

/** Builds the authentication error for a refused request, with advice fitting the credentials. */
export function authError(
  target: RequestTarget,
  repository: string,
  status: number,
  credentials: RegistryCredentials | undefined,
): RegistryAuthError {
  if (credentials?.basic !== undefined) {
    const hint =
      status === 403
        ? `the account has no pull access to ${repository}`
        : `check the user name and password (docker login ${target.registry}) and that ${repository} exists`;
    return new RegistryAuthError(
      target.reference,
      target.registry,
      status,
      credentials.source,
      hint,
    );
  }
  const hint =
    credentials?.unsupported ??
    `the repository ${repository} is private or does not exist; no credentials for ${target.registry} were found (hardened reads auths in $DOCKER_CONFIG/config.json or ~/.docker/config.json: run docker login ${target.registry} without a credential helper)`;
  return new RegistryAuthError(target.reference, target.registry, status, null, hint);
}

/**
 * Answers a 401 challenge: for `Bearer` (Docker Hub, GHCR, gcr.io, Harbor...) fetches a pull
 * token for `repository` from the challenge's realm, anonymously or with the basic credentials;
 * for `Basic` uses the credentials. Returns the `Authorization` value to retry with, or throws
 * `RegistryAuthError` when the registry cannot be satisfied.
 */
export async function authorize(
  target: RequestTarget,
  repository: string,
  wwwAuthenticate: string | null,
  credentials: RegistryCredentials | undefined,
  timeoutMs: number,
): Promise<string> {
  const challenges = parseChallenges(wwwAuthenticate ?? "");
  const bearer = challenges.find((c) => c.scheme === "bearer" && c.params.realm);
  const basic = credentials?.basic;
  if (bearer === undefined) {
    if (basic === undefined) {
      throw authError(target, repository, 401, credentials);
    }
    return basicAuthorization(basic);
  }
  let url: URL;
  try {
    url = new URL(bearer.params.realm);
  } catch {
    throw new RegistryResponseError(
      target.reference,
      target.registry,
      `its token realm "${bearer.params.realm}" is not a URL`,
    );
  }
  if (bearer.params.service) {
    url.searchParams.set("service", bearer.params.service);
  }
  url.searchParams.set("scope", `repository:${repository}:pull`);
  const headers: Record<string, string> =
    basic === undefined ? {} : { Authorization: basicAuthorization(basic) };
  const response = await send(target, url.toString(), { headers }, timeoutMs);
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    throw authError(target, repository, response.status, credentials);
  }
  if (!response.ok) {
    const what = await describeErrorResponse(response);
    throw new RegistryResponseError(
      target.reference,
      target.registry,
      `its token service ${url.origin} returned ${what}`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    token?: string;
    access_token?: string;
  };
  const token = body.token ?? body.access_token;
  if (!token) {
    throw new RegistryResponseError(
      target.reference,
      target.registry,
      `its token service ${url.origin} returned no token`,
    );
  }
  return `Bearer ${token}`;
}
