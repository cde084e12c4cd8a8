export * from "./built-image-by-digest";
export * from "./docker-resource-rule";
export * from "./evaluate";
export * from "./image-uses";
export * from "./resource-types";
export * from "./rules";
