/**
 * docs/troubleshooting.md documents every CLI exit code with the words `secretkit --help` uses
 * (EXIT_CODE_LINES), and no code the CLI does not have.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_CODE_LINES } from '../../../src/cli/exit-codes.js';

const page = readFileSync(resolve(import.meta.dirname, '../../../docs/troubleshooting.md'), 'utf8');
const section = page.slice(page.indexOf('## CLI exit codes'));
const rows = [...section.matchAll(/^\| `(\d+)` \| (.+) \|$/gm)].map((m) => [Number(m[1]), m[2]] as const);

describe('docs/troubleshooting.md: CLI exit codes', () => {
  it('has the section and a row per code', () => {
    expect(section.startsWith('## CLI exit codes')).toBe(true);
    expect(rows.map(([code]) => code).sort()).toEqual(Object.values(EXIT).sort());
  });

  it.each(EXIT_CODE_LINES.map((line) => [Number(line.split(' ')[0]), line.replace(/^\d+ {2}/, '')] as const))(
    'code %i reads "%s", as in --help',
    (code, text) => {
      expect(rows).toContainEqual([code, text]);
    },
  );
});
