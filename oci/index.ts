export * from "./client";
export * from "./docker-config";
export * from "./endpoint";
export * from "./errors";
export * from "./media-types";
export * from "./pin/lock-file";
export * from "./pin/pin";
export * from "./pin/rewrite";
