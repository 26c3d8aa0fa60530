/**
 * Issue #10: a reader (`new SecretsClient()` from the root entry) does not bundle the Agent
 * transport. Bundling src/index.ts must not reach any src/transport/agent-*.ts module, neither in
 * the output nor among the inputs esbuild read; secretkit/fleet, which exports
 * `agentTransport()`, does reach them (so the scan sees what it looks for).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const AGENT_MODULE = /(^|\/)src\/transport\/agent-[^/]+\.ts$/;

async function agentModules(entry: string): Promise<{ read: string[]; bundled: string[] }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../../../src/${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  const read = Object.keys(result.metafile.inputs).filter((p) => AGENT_MODULE.test(p));
  const bundled = Object.values(result.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([p, i]) => AGENT_MODULE.test(p) && i.bytesInOutput > 0)
      .map(([p]) => p),
  );
  return { read, bundled };
}

describe('the Agent transport stays out of the reader', () => {
  it('src/index.ts imports no src/transport/agent-*.ts module', async () => {
    expect(await agentModules('index.ts')).toEqual({ read: [], bundled: [] });
  });

  it('secretkit/fleet (agentTransport) bundles them', async () => {
    const { bundled } = await agentModules('fleet/index.ts');
    for (const name of ['agent-factory', 'agent-transport', 'agent-endpoint', 'agent-answer', 'agent-http']) {
      expect(bundled.some((p) => p.endsWith(`src/transport/${name}.ts`))).toBe(true);
    }
  });
});
