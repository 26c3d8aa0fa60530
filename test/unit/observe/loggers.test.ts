/**
 * The `logger` option with the real libraries, their real output captured: console, pino,
 * winston and Powertools Logger each record the message text and the fields of a line.
 * The line is a failover warning caused by a primary-region outage in the in-memory fake.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import winston from 'winston';
import { failover } from '../../../src/failover/index.js';
import { type SecretkitLogger, SecretsClient } from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const MESSAGE = 'secretkit: read failed over to a replica';
const VALUE = 'VALUE-7d1e-never-logged';

/** A stream that keeps what is written to it. */
function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** One read that fails over (and opens the primary's circuit): two warning lines. */
async function failOver(logger: SecretkitLogger): Promise<void> {
  const fake = new InMemorySecretsManager();
  fake.seed({ name: 'api-key', value: VALUE, replicaRegions: ['us-west-2'] });
  const secrets = new SecretsClient({
    client: fake,
    region: 'us-east-1',
    failover: failover({ replicaRegions: ['us-west-2'] }),
    replicaClients: { 'us-west-2': fake.client('us-west-2') },
    logger,
  });
  try {
    fake.setOutage('us-east-1', 'server');
    expect(await secrets.getString('api-key')).toBe(VALUE);
  } finally {
    secrets.close();
  }
}

/** The JSON lines of `text` that carry the failover event. */
function failoverLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['event'] === 'failover');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('logger option with real loggers', () => {
  it('pino gets the message (msg) and the fields', async () => {
    const out = sink();
    await failOver(pino({ level: 'debug' }, out.stream));
    const [line, ...more] = failoverLines(out.text());
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 40,
      msg: MESSAGE,
      event: 'failover',
      from: 'us-east-1',
      to: 'us-west-2',
    });
    expect(out.text()).toContain('"event":"circuit-open"');
    expect(out.text()).not.toContain(VALUE);
  });

  it('a pino child logger too', async () => {
    const out = sink();
    await failOver(pino(out.stream).child({ component: 'secrets' }));
    expect(failoverLines(out.text())[0]).toMatchObject({
      msg: MESSAGE,
      component: 'secrets',
      from: 'us-east-1',
    });
  });

  it('winston gets the message and the fields', async () => {
    const out = sink();
    const logger = winston.createLogger({
      level: 'debug',
      format: winston.format.json(),
      transports: [new winston.transports.Stream({ stream: out.stream })],
    });
    await failOver(logger);
    // winston hands lines to its transports through streams: let them drain.
    await new Promise<void>((resolve) => {
      logger.on('finish', () => resolve());
      logger.end();
    });
    const [line] = failoverLines(out.text());
    expect(line).toMatchObject({ level: 'warn', message: MESSAGE, event: 'failover', to: 'us-west-2' });
    expect(out.text()).not.toContain(VALUE);
  });

  it('Powertools Logger gets the message and the fields at the top level (not in extra)', async () => {
    const out = sink();
    // Powertools writes through its own Console on process.stdout/stderr: capture those writes.
    const capture = (chunk: string | Uint8Array): boolean => {
      out.stream.write(chunk);
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const logger = new PowertoolsLogger({ serviceName: 'orders', logLevel: 'DEBUG' });
    await failOver(logger);
    vi.restoreAllMocks();
    const [line] = failoverLines(out.text());
    expect(line).toMatchObject({
      level: 'WARN',
      message: MESSAGE,
      service: 'orders',
      event: 'failover',
      from: 'us-east-1',
      to: 'us-west-2',
    });
    expect(line).not.toHaveProperty('extra');
    expect(out.text()).not.toContain(VALUE);
  });

  it('console gets the message and the fields', async () => {
    const out = sink();
    await failOver(new Console({ stdout: out.stream, stderr: out.stream }));
    const text = out.text();
    expect(text).toContain(MESSAGE);
    expect(text).toMatch(
      /secretkit: read failed over to a replica \{[^}]*event: 'failover'[^}]*from: 'us-east-1'/s,
    );
    expect(text).not.toContain(VALUE);
  });

  it('a hand-written logger gets (message, fields), and a throwing logger breaks nothing', async () => {
    const seen: unknown[][] = [];
    await failOver({ warn: (...args: unknown[]) => seen.push(args) });
    expect(seen).toContainEqual([MESSAGE, { event: 'failover', from: 'us-east-1', to: 'us-west-2' }]);
    await failOver({
      warn: () => {
        throw new Error('logger down');
      },
    });
  });
});
