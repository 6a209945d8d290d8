/// <reference types="vite/client" />

// Globals the Medusa admin bundler defines at build time (see admin-bundler's vite config).
declare const __BACKEND_URL__: string | undefined
declare const __AUTH_TYPE__: "session" | "jwt" | undefined
declare const __JWT_TOKEN_STORAGE_KEY__: string | undefined
