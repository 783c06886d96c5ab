import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "tools/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    setupFiles: ["test/support/error-coverage-setup.ts"],
  },
});
