/**
 * The root entry must load without the optional peers of the new entry points: bundling
 * src/index.ts must not reach @aws-sdk/client-ssm or @aws-sdk/client-sts, and secretkit/local
 * must not reach them either (local development needs no AWS SDK beyond the root's).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function externals(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../../../src/${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const found = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) if (imp.external) found.add(imp.path);
  }
  return [...found];
}

describe('optional peers stay behind their entry points', () => {
  it('the root entry and secretkit/local import neither client-ssm nor client-sts', async () => {
    for (const entry of ['index.ts', 'local/index.ts']) {
      const found = await externals(entry);
      // The scan sees externals at all (the root uses the Secrets Manager SDK; local uses node:fs).
      expect(found).toContain(entry === 'index.ts' ? '@aws-sdk/client-secrets-manager' : 'node:fs');
      expect(
        found.filter((p) => p.startsWith('@aws-sdk/client-ssm') || p.startsWith('@aws-sdk/client-sts')),
      ).toEqual([]);
    }
  });

  it('secretkit/ssm and secretkit/accounts do', async () => {
    expect(await externals('ssm/index.ts')).toContain('@aws-sdk/client-ssm');
    expect(await externals('accounts/index.ts')).toContain('@aws-sdk/client-sts');
  });
});
