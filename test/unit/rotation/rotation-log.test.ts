/**
 * Rotation log lines go through the logger adapter: a real winston logger (message first)
 * records each line's message and its fields, and a fields-first logger (pino's convention)
 * still gets `(fields, message)`. No password reaches either.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import type { SecretkitLogger } from '../../../src/observe/logger.js';
import { createRotationHandler, type RotationStepName } from '../../../src/rotation/index.js';
import { createFakeStrategy } from './fake-strategy.js';
import { createInMemorySecret, vid } from './in-memory-secret.js';

const INITIAL = JSON.stringify({ username: 'app', password: 'pw0-never-logged' });
const TOKEN = vid('tok-log');

function sink(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stream, lines, text };
}

async function rotate(logger: SecretkitLogger) {
  const sm = createInMemorySecret('db', INITIAL);
  await sm.enableRotation(TOKEN);
  const handler = createRotationHandler(createFakeStrategy(INITIAL), { client: sm.client, logger });
  const steps: RotationStepName[] = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'];
  for (const Step of steps) await handler({ Step, SecretId: sm.arn, ClientRequestToken: TOKEN });
  const pending = JSON.parse((await sm.value(TOKEN)) ?? '{}') as { password?: string };
  return { arn: sm.arn, password: pending.password ?? '' };
}

describe('rotation log lines', () => {
  it('winston records the message and the fields of each line', async () => {
    const out = sink();
    const logger = winston.createLogger({
      level: 'info',
      format: winston.format.json(),
      transports: [new winston.transports.Stream({ stream: out.stream })],
    });
    const { arn, password } = await rotate(logger);
    await new Promise<void>((resolve) => {
      logger.on('finish', () => resolve());
      logger.end();
    });
    const lines = out.lines();
    // The handler's own line (rotation step started) and the framework's step lines (ctx.logger).
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'rotation step started',
        secretId: arn,
        token: TOKEN,
        step: 'createSecret',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'setSecret: done', secretId: arn, token: TOKEN }),
    );
    for (const line of lines) expect(typeof line['message']).toBe('string');
    expect(password.length).toBeGreaterThan(0);
    expect(out.text()).not.toContain(password);
    expect(out.text()).not.toContain('pw0-never-logged');
  });

  it('pino (fields first) gets the fields and the message too', async () => {
    const out = sink();
    const logger = pino({ level: 'info' }, out.stream);
    const { arn, password } = await rotate(logger);
    logger.flush();
    const lines = out.lines();
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'rotation step started', secretId: arn, step: 'finishSecret' }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'testSecret: done', secretId: arn }));
    expect(out.text()).not.toContain(password);
  });
});
