# Rendered by pulumi-hardened (HardenedImage preset "python"). Classic-builder compatible.
FROM python:3.11-slim-bookworm@sha256:b18992999dbe963a45a8a4da40ac2b1975be1a776d939d098c647482bcad5cba AS build
WORKDIR /build
COPY requirements.txt /build/requirements.txt
RUN mkdir -p /build/site-packages \
  && python3 -m pip install --no-cache-dir --no-compile --disable-pip-version-check --target /build/site-packages -r /build/requirements.txt
COPY . /build/app
RUN rm -rf /build/app/.git /build/app/.dockerignore /build/app/Dockerfile /build/app/Containerfile /build/app/.DS_Store \
  && python3 -m compileall -q --invalidation-mode checked-hash /build/app /build/site-packages

FROM gcr.io/distroless/python3-debian12:nonroot@sha256:7d1042ce588ab97019fe95c24ffca7bc5a82ccdac572511d5e09bda4435c89c5
ENV PYTHONPATH=/app/site-packages PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY --from=build /build/site-packages /app/site-packages
COPY --from=build /build/app /app
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD ["/usr/bin/python3","-c","import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2)"]
ENTRYPOINT ["/usr/bin/python3","main.py"]
