import { BASE, RUNTIME, RuleCase, dockerfile } from "./cases";

/** Cases for TLS, signatures, pipes to shells and ADD <url>. */
export const TRANSPORT_CASES: readonly RuleCase[] = [
  {
    name: "curl -k, wget --no-check-certificate, pip --trusted-host, NODE_TLS_REJECT_UNAUTHORIZED=0",
    rule: "dockerfile-insecure-transport",
    dockerfile: dockerfile(
      `FROM ${BASE} AS build`,
      "RUN curl -fsSLk https://x.example/a -o a",
      "RUN wget --no-check-certificate https://x.example/b",
      "RUN pip install --trusted-host pypi.example flask",
      "ENV NODE_TLS_REJECT_UNAUTHORIZED=0",
      `FROM ${RUNTIME}`,
      "COPY --from=build /a /a",
    ),
    expect: [
      [2, "stage[0](build).RUN"],
      [3, "stage[0](build).RUN"],
      [4, "stage[0](build).RUN"],
      [5, "stage[0](build).ENV"],
    ],
  },
  {
    name: "git http.sslVerify false, but not true",
    rule: "dockerfile-insecure-transport",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN git config --global http.sslVerify true",
      "RUN git config --global http.sslVerify false",
      "RUN git -c http.sslVerify=false clone https://git.example/r.git",
    ),
    expect: [
      [3, "stage[0].RUN"],
      [4, "stage[0].RUN"],
    ],
  },
  {
    name: "GIT_SSL_NO_VERIFY set to any value, even 0, false or empty, turns verification off",
    rule: "dockerfile-insecure-transport",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "ENV GIT_SSL_NO_VERIFY=0",
      "ENV GIT_SSL_NO_VERIFY=false",
      'ENV GIT_SSL_NO_VERIFY=""',
      "RUN GIT_SSL_NO_VERIFY=false git clone https://git.example/r.git",
      "RUN export GIT_SSL_NO_VERIFY= && git clone https://git.example/r.git",
      "ARG GIT_SSL_NO_VERIFY",
    ),
    expect: [
      [2, "stage[0].ENV"],
      [3, "stage[0].ENV"],
      [4, "stage[0].ENV"],
      [5, "stage[0].RUN"],
      [6, "stage[0].RUN"],
    ],
  },
  {
    name: "yum-config-manager --setopt sslverify 0, false or no turns verification off",
    rule: "dockerfile-insecure-transport",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN yum-config-manager --setopt=sslverify=0 --save",
      "RUN yum-config-manager --setopt=sslverify=false --save",
      "RUN yum-config-manager --setopt=epel.sslverify=no --save",
      "RUN yum-config-manager --setopt=sslverify=1 --save",
      "RUN dnf config-manager --setopt=sslverify=no --save",
    ),
    expect: [
      [2, "stage[0].RUN"],
      [3, "stage[0].RUN"],
      [4, "stage[0].RUN"],
      [6, "stage[0].RUN"],
    ],
  },
  {
    name: "npm installing packages named strict-ssl and false is not a setting; config set is",
    rule: "dockerfile-insecure-transport",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN npm install strict-ssl false",
      "RUN npm config set strict-ssl false",
      "RUN npm set strict-ssl=false",
      "RUN npm install --strict-ssl=false left-pad",
      "RUN yarn config set strict-ssl false",
      "RUN npm config set strict-ssl true",
    ),
    expect: [
      [3, "stage[0].RUN"],
      [4, "stage[0].RUN"],
      [5, "stage[0].RUN"],
      [6, "stage[0].RUN"],
    ],
  },
  {
    name: "a stage the target never builds is not checked",
    rule: "dockerfile-insecure-transport",
    dockerfile: dockerfile(
      `FROM ${BASE} AS scratchpad`,
      "RUN curl -k https://x.example",
      `FROM ${RUNTIME}`,
    ),
    expect: [],
  },
  {
    name: "unsigned packages",
    rule: "dockerfile-unauthenticated-packages",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN apt-get install -y --allow-unauthenticated curl",
      "RUN apk add --no-cache --allow-untrusted /tmp/x.apk",
      "RUN dnf install -y --nogpgcheck x",
      "RUN echo 'deb [trusted=yes] http://repo.example stable main' > /etc/apt/sources.list.d/x.list",
    ),
    expect: [
      [2, "stage[0].RUN"],
      [3, "stage[0].RUN"],
      [4, "stage[0].RUN"],
      [5, "stage[0].RUN"],
    ],
  },
  {
    name: "heredoc RUN piping curl into sh",
    rule: "dockerfile-pipe-to-shell",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN <<EOF",
      "set -e",
      "curl -fsSL https://get.example.com | sh -s -- -y",
      "EOF",
      "RUN wget -qO- https://x.example/i.sh | bash",
    ),
    expect: [
      [2, "stage[0].RUN"],
      [6, "stage[0].RUN"],
    ],
  },
  {
    name: "sh -c with a command substitution download",
    rule: "dockerfile-pipe-to-shell",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      'RUN sh -c "$(curl -fsSL https://x.example/install.sh)"',
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "download, verify, then run",
    rule: "dockerfile-pipe-to-shell",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      'RUN curl -fsSLo i.sh https://x.example/i.sh && echo "abc  i.sh" | sha256sum -c - && sh i.sh',
    ),
    expect: [],
  },
  {
    name: "a heredoc fed to cat is data, not a script",
    rule: "dockerfile-pipe-to-shell",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN cat <<EOF > /README",
      "curl https://x.example | sh",
      "EOF",
    ),
    expect: [],
  },
  {
    name: "ADD of a URL without and with --checksum",
    rule: "dockerfile-add-url-checksum",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "ADD https://x.example/a.tgz /tmp/",
      `ADD --checksum=sha256:${"c".repeat(64)} https://x.example/b.tgz /tmp/`,
      "ADD local.tgz /tmp/",
    ),
    expect: [[2, "stage[0].ADD"]],
  },
  {
    name: "a heredoc piped into a shell is the script it runs: an inline script is fine",
    rule: "dockerfile-pipe-to-shell",
    dockerfile: dockerfile(`FROM ${BASE}`, "RUN cat <<EOF | sh", "echo hello", "EOF"),
    expect: [],
  },
  {
    name: "a heredoc piped into a shell is the script it runs: a download piped to sh in it is reported",
    rule: "dockerfile-pipe-to-shell",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN cat <<EOF | sh",
      "curl -fsSL https://get.example.com | sh",
      "EOF",
      "RUN cat <<'EOF' | /bin/bash -s -- -y",
      "wget -qO- https://x.example/i.sh | bash",
      "EOF",
    ),
    expect: [
      [2, "stage[0].RUN"],
      [5, "stage[0].RUN"],
    ],
  },
  {
    name: "a heredoc piped into bash is checked by the other RUN rules too",
    rule: "dockerfile-insecure-transport",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN cat <<EOF | bash",
      "curl -k -o /tmp/tool https://x.example/tool",
      "EOF",
    ),
    expect: [[2, "stage[0].RUN"]],
  },
  {
    name: "a heredoc piped into sh -c is data for the -c script, not the script",
    rule: "dockerfile-pipe-to-shell",
    dockerfile: dockerfile(
      `FROM ${BASE}`,
      "RUN cat <<EOF | sh -c 'cat > /README'",
      "curl https://x.example | sh",
      "EOF",
    ),
    expect: [],
  },
];
