/**
 * Issue #10: a reader (`new SecretsClient()` from the root entry) bundles neither the Agent
 * transport nor the failover router. Bundling src/index.ts must not reach any
 * src/transport/agent-*.ts module, nor the router, routed read, circuit breaker, replica sets
 * or `failover()`, neither in the output nor among the inputs esbuild read; secretkit/fleet
 * (`agentTransport()`) and secretkit/failover (`failover()`) do reach them (so the scan sees
 * what it looks for).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const AGENT_MODULE = /(^|\/)src\/transport\/agent-[^/]+\.ts$/;
const FAILOVER_MODULE =
  /(^|\/)src\/failover\/(router|routed-read|circuit-breaker|replica-sets|failover)\.ts$/;

async function modulesReached(
  entry: string,
  pattern: RegExp = AGENT_MODULE,
): Promise<{ read: string[]; bundled: string[] }> {
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
  const read = Object.keys(result.metafile.inputs).filter((p) => pattern.test(p));
  const bundled = Object.values(result.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([p, i]) => pattern.test(p) && i.bytesInOutput > 0)
      .map(([p]) => p),
  );
  return { read, bundled };
}

describe('the Agent transport stays out of the reader', () => {
  it('src/index.ts imports no src/transport/agent-*.ts module', async () => {
    expect(await modulesReached('index.ts')).toEqual({ read: [], bundled: [] });
  });

  it('secretkit/fleet (agentTransport) bundles them', async () => {
    const { bundled } = await modulesReached('fleet/index.ts');
    for (const name of ['agent-factory', 'agent-transport', 'agent-endpoint', 'agent-answer', 'agent-http']) {
      expect(bundled.some((p) => p.endsWith(`src/transport/${name}.ts`))).toBe(true);
    }
  });
});

describe('the failover router stays out of the reader', () => {
  it('src/index.ts imports none of its modules', async () => {
    expect(await modulesReached('index.ts', FAILOVER_MODULE)).toEqual({ read: [], bundled: [] });
  });

  it('secretkit/failover (failover) bundles them', async () => {
    const { bundled } = await modulesReached('failover/index.ts', FAILOVER_MODULE);
    for (const name of ['router', 'routed-read', 'circuit-breaker', 'replica-sets', 'failover']) {
      expect(bundled.some((p) => p.endsWith(`src/failover/${name}.ts`))).toBe(true);
    }
  });
});
