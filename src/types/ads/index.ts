export * from "./http"
