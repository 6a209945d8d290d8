const medusa = require("@medusajs/eslint-plugin")
const tseslint = require("typescript-eslint")

module.exports = [
  {
    ignores: [
      "node_modules/**",
      ".medusa/**",
      ".demo-data/**",
      ".test-artifacts/**",
      "**/dist/**",
      "bench/results/**",
      "src/modules/*/migrations/**",
    ],
  },
  ...tseslint.configs.recommended,
  ...medusa.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Pure code shared with the storefront (and pure maths) cannot depend on the framework.
    files: ["src/shared/**", "storefront-widgets/**", "src/modules/abtest/lib/**"],
    rules: { "@medusajs/use-medusa-error-not-generic-error": "off" },
  },
  {
    // Stripe's wire format is untyped JSON; the SDK is loaded from the provider's own copy.
    files: ["demo/offline-stripe/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@medusajs/use-medusa-error-not-generic-error": "off",
      "@medusajs/import-from-framework-not-internal": "off",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]
