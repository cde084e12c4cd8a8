# Rendered by pulumi-hardened (HardenedImage preset "static"). Classic-builder compatible.
FROM golang:1.23-bookworm@sha256:dba79eb312528369dea87532a65dbe9d4efb26439a0feacc9e7ac9b0f1c7f607 AS build
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
WORKDIR /src
COPY . /src
RUN go build -ldflags "-w -s" -o /out/app .
RUN mkdir -p /out/etc \
  && printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:65532:65532:app:/nonexistent:/sbin/nologin\n' > /out/etc/passwd \
  && printf 'root:x:0:\napp:x:65532:\n' > /out/etc/group

FROM scratch
COPY --from=build /out/etc/passwd /out/etc/group /etc/
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/app /app
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD ["/app","-healthcheck"]
ENTRYPOINT ["/app"]
