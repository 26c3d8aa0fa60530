/**
 * docs/troubleshooting.md explains every error code: each member of `SecretkitErrorCode`, as
 * parsed from the source, must be a heading of the page, and every code heading must exist.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The string literals of `export type SecretkitErrorCode = ... ;` in the source. */
function errorCodesInSource(): string[] {
  const source = readFileSync(resolve(ROOT, 'src/errors/secretkit-error.ts'), 'utf8')
    // Comments first: they may contain `;` or quotes.
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const match = /export type SecretkitErrorCode\s*=([^;]*);/.exec(source);
  if (!match?.[1]) throw new Error('SecretkitErrorCode union not found in src/errors/secretkit-error.ts');
  return [...match[1].matchAll(/'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1] as string);
}

/** Codes used as headings (`### \`CODE\``) in the page. */
function codeHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^#{2,4}\s+`([A-Z][A-Z0-9_]*)`\s*$/gm)].map((m) => m[1] as string);
}

describe('docs/troubleshooting.md', () => {
  const codes = errorCodesInSource();
  const headings = codeHeadings(readFileSync(resolve(ROOT, 'docs/troubleshooting.md'), 'utf8'));

  it('finds the error code union in the source', () => {
    expect(codes.length).toBeGreaterThan(20);
    expect(codes).toContain('NOT_FOUND');
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(codes)('has a heading for %s', (code) => {
    expect(headings).toContain(code);
  });

  it('has no heading for a code that does not exist, and none twice', () => {
    expect(headings.filter((h) => !codes.includes(h))).toEqual([]);
    expect(new Set(headings).size).toBe(headings.length);
  });
});
