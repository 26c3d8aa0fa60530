import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderIamDoc } from '../../../scripts/gen-iam-doc.js';

describe('docs/iam.md', () => {
  it('is up to date with the policy builders (run `npx tsx scripts/gen-iam-doc.ts`)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../docs/iam.md'), 'utf8');
    expect(committed).toBe(await renderIamDoc());
  });
});
