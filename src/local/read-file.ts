/**
 * Reads a local values file: JSON (`{ "secrets": {...}, "parameters": {...}, "tags": {...} }`)
 * or `.env` style (`KEY=value` lines named by the rule in env-names.ts). Errors name the file
 * and the line or position, never a value.
 */
import { readFileSync } from 'node:fs';
import { SecretkitError } from '../errors/secretkit-error.js';

/** Values read from a file or the environment. */
export interface LocalValues {
  /** Secret name → value (JSON objects are stored as their JSON text). */
  readonly secrets: Map<string, string>;
  /** Parameter name → value (an array is a StringList). */
  readonly parameters: Map<string, string | readonly string[]>;
  /** Secret name → tags. */
  readonly tags: Map<string, Readonly<Record<string, string>>>;
  /** Names are exact (a JSON file) rather than environment-style keys. */
  readonly exactNames: boolean;
}

function bad(file: string, why: string): SecretkitError {
  return new SecretkitError('INVALID_ARGUMENT', `Local values file "${file}": ${why}.`, {
    details: { option: 'file' },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromJson(file: string, text: string): LocalValues {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    // No cause and no message of the SyntaxError: it quotes the text.
    throw bad(file, `not valid JSON${position === undefined ? '' : ` (at character ${position})`}`);
  }
  if (!isRecord(data)) throw bad(file, 'the top level must be an object with "secrets" and/or "parameters"');
  for (const key of Object.keys(data)) {
    if (key !== 'secrets' && key !== 'parameters' && key !== 'tags')
      throw bad(file, `unknown top-level key "${key}"`);
  }
  const secrets = new Map<string, string>();
  const parameters = new Map<string, string | readonly string[]>();
  const tags = new Map<string, Readonly<Record<string, string>>>();
  const s = data['secrets'] ?? {};
  const p = data['parameters'] ?? {};
  const t = data['tags'] ?? {};
  if (!isRecord(s) || !isRecord(p) || !isRecord(t))
    throw bad(file, '"secrets", "parameters" and "tags" must be objects');
  for (const [name, value] of Object.entries(s)) {
    secrets.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  for (const [name, value] of Object.entries(p)) {
    if (typeof value === 'string') parameters.set(name, value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) parameters.set(name, value);
    else throw bad(file, `parameter "${name}" must be a string or an array of strings`);
  }
  for (const [name, value] of Object.entries(t)) {
    if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string')) {
      throw bad(file, `tags of "${name}" must be an object of strings`);
    }
    tags.set(name, value as Record<string, string>);
  }
  return { secrets, parameters, tags, exactNames: true };
}

/**
 * Parses `.env` text: `KEY=value`, optional `export `, `#` comments, single or double quotes
 * (double quotes understand `\n`, `\"` and `\\`).
 *
 * @returns key → value
 * @throws SecretkitError `INVALID_ARGUMENT` naming the line (never its content)
 */
export function parseDotEnv(file: string, text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw bad(file, `line ${index + 1} is not KEY=value`);
    const key = match[1] as string;
    let value = match[2] as string;
    if (value.startsWith('"')) {
      if (!value.endsWith('"') || value.length < 2)
        throw bad(file, `line ${index + 1} has an unterminated quote`);
      value = value.slice(1, -1).replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    } else if (value.startsWith("'")) {
      if (!value.endsWith("'") || value.length < 2)
        throw bad(file, `line ${index + 1} has an unterminated quote`);
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out.set(key, value);
  });
  return out;
}

/**
 * Reads a values file (`.json` → JSON, anything else → `.env` style).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` when the file cannot be read or parsed
 */
export function readValuesFile(file: string): { json?: LocalValues; env?: Map<string, string> } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `Local values file "${file}" cannot be read (${(error as { code?: string }).code ?? 'error'}).`,
      {
        details: { option: 'file' },
      },
    );
  }
  return file.toLowerCase().endsWith('.json')
    ? { json: fromJson(file, text) }
    : { env: parseDotEnv(file, text) };
}
