// Types of esbuild.config.mjs for the TypeScript callers (test setup).
export function buildAll(options?: { node?: boolean }): Promise<{ entryPoints: string[] }>;
