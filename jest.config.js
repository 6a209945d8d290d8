const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true, decorators: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2021",
    },
  },
]

// Test files on the default host start from a database migrated once per run (scripts/test.js).
const fromTemplate = { "^@medusajs/test-utils$": "<rootDir>/integration-tests/setup/test-utils.js" }

const base = {
  transform: { "^.+\\.[jt]sx?$": swc },
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.medusa/", "<rootDir>/.demo-data/"],
  testEnvironment: "node",
}

module.exports = {
  projects: [
    {
      ...base,
      displayName: "unit",
      testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s"],
    },
    {
      ...base,
      displayName: "modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
      testPathIgnorePatterns: ["\\.unit\\.spec\\."],
      setupFiles: ["<rootDir>/integration-tests/setup/clear-metadata.js"],
    },
    {
      ...base,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
      setupFiles: ["<rootDir>/integration-tests/setup/clear-metadata.js"],
      moduleNameMapper: fromTemplate,
    },
    {
      ...base,
      // Spawns two `medusa start` servers and a worker; nothing Medusa runs in the jest process.
      displayName: "multi-process",
      testMatch: ["<rootDir>/integration-tests/multi-process/**/*.spec.[jt]s"],
    },
    {
      ...base,
      displayName: "browser",
      testMatch: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"],
      setupFiles: ["<rootDir>/integration-tests/setup/clear-metadata.js"],
      moduleNameMapper: fromTemplate,
    },
    {
      ...base,
      // Packs the plugin and the widgets, scaffolds a Medusa app from the README and a Next.js storefront (~5 min).
      displayName: "stack",
      testMatch: ["<rootDir>/integration-tests/stack/**/*.spec.[jt]s"],
    },
    {
      ...base,
      displayName: "widgets",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/storefront-widgets/**/__tests__/**/*.spec.[jt]s?(x)"],
      // The widgets are ESM with fully specified imports (`./config.js` for `./config.ts`).
      moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
    },
  ],
}
