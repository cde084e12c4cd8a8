import { BASE, RuleCase, dockerfile } from "./cases";

const GOOD_IGNORE = ".git\n.env*\n*.key\nid_*\n";

/** Cases for the secret rules. */
export const SECRET_CASES: readonly RuleCase[] = [
  {
    name: "secret-like ARG and ENV names",
    rule: "dockerfile-secret-name",
    dockerfile: dockerfile(
      "ARG NPM_TOKEN",
      `FROM ${BASE}`,
      "ENV DB_PASSWORD=$DB_PASSWORD apiKey=x",
      "ARG GITHUB_TOKEN_FILE=/run/secrets/gh",
    ),
    expect: [
      [1, "global.ARG"],
      [3, "stage[0].ENV"],
      [3, "stage[0].ENV"],
    ],
  },
  {
    name: "names that only point at secrets or are public",
    rule: "dockerfile-secret-name",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D PASSWORD_FILE=/run/secrets/pw PUBLIC_TOKEN=x",
    ),
    expect: [],
  },
  {
    name: "a GitHub token in ENV and a password in a URL",
    rule: "dockerfile-secret-value",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      `ENV GH=ghp_${"A".repeat(36)}`,
      "RUN git clone https://bot:hunter22@git.example.com/repo.git",
    ),
    expect: [
      [2, "stage[0].ENV"],
      [3, "stage[0].RUN"],
    ],
  },
  {
    name: "a literal value for a secret-like name, but not a variable",
    rule: "dockerfile-secret-value",
    dockerfile: dockerfile(`FROM ${BASE}`, "ENV DB_PASSWORD=hunter2", "ARG API_KEY=${API_KEY}"),
    expect: [[2, "stage[0].ENV"]],
  },
  {
    name: "credential files copied into the final stage",
    rule: "dockerfile-credential-file",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "COPY .npmrc /root/.npmrc",
      "COPY .env.example /app/",
      "COPY deploy/ /root/.aws/credentials",
    ),
    expect: [
      [2, "stage[0].COPY"],
      [4, "stage[0].COPY"],
    ],
  },
  {
    name: "a credential file used only in a builder stage",
    rule: "dockerfile-credential-file",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "COPY .npmrc /root/.npmrc",
      `FROM ${BASE}`,
      "COPY --from=build /out /out",
    ),
    expect: [],
  },
  {
    name: "COPY . without .dockerignore",
    rule: "dockerfile-context-copy-dockerignore",
    dockerfile: dockerfile(`FROM ${BASE}`, "COPY . /app"),
    expect: [[2, "stage[0].COPY"]],
  },
  {
    name: "COPY . with a .dockerignore that keeps .env files",
    rule: "dockerfile-context-copy-dockerignore",
    dockerfile: dockerfile(`FROM ${BASE}`, "COPY . /app"),
    dockerignore: ".git\n*.key\nid_*\n",
    expect: [[2, "stage[0].COPY"]],
  },
  {
    name: "COPY . with a complete .dockerignore",
    rule: "dockerfile-context-copy-dockerignore",
    dockerfile: dockerfile(`FROM ${BASE}`, "COPY . /app"),
    dockerignore: GOOD_IGNORE,
    expect: [],
  },
  {
    name: "COPY . with an allow-list .dockerignore",
    rule: "dockerfile-context-copy-dockerignore",
    dockerfile: dockerfile(`FROM ${BASE}`, "COPY . /app"),
    dockerignore: "*\n!src\n!package.json\n",
    expect: [],
  },
  {
    name: "a COPY heredoc body is content, not paths",
    rule: "dockerfile-context-copy-dockerignore",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "COPY <<EOF /app/notes.txt",
      "copy . and .env here",
      "EOF",
    ),
    expect: [],
  },
  {
    name: "COPY . in a builder stage",
    rule: "dockerfile-context-copy-dockerignore",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "COPY . /src",
      `FROM ${BASE}`,
      "COPY --from=build /src/out /app",
    ),
    expect: [],
  },
];
