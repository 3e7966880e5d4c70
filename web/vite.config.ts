import { defineConfig } from "vite";

// The build goes where the Go binary embeds it (internal/webui/dist). public/README.md is copied
// there so the folder is never empty in git, built or not.
export default defineConfig({
  build: {
    outDir: "../internal/webui/dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080", "/healthz": "http://127.0.0.1:8080" } },
  test: { environment: "jsdom", include: ["test/**/*.test.ts"] },
});
