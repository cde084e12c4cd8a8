/** The references the Dockerfile secret rules share. */
export const SECRET_REFERENCES = {
  cisDocker: ["4.10"],
  docs: [
    "https://docs.docker.com/build/building/secrets/",
    "https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/",
  ],
};
