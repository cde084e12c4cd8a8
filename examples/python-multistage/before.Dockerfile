# The starting point: the usual single-stage image. A full Python base (compilers, headers, git,
# pip), the app copied in, running as root. Built only to measure what HardenedImage removes.
ARG BASE=python:3.12
FROM ${BASE}
WORKDIR /app
COPY . /app
EXPOSE 8080
CMD ["python3", "main.py"]
