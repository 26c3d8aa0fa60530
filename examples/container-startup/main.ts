/**
 * An ECS/EKS entry point: load every secret the service needs before listening, fail fast with
 * a clear message and a non-zero exit when one is missing or invalid, then serve.
 *
 *   npx tsx examples/container-startup/main.ts
 *
 * Environment:
 *   APP_SECRET_PREFIX  prefix of the secret names (default `prod/orders/`)
 *   PORT               port to listen on (default 8080; 0 picks a free one)
 *   AWS_REGION         set by ECS/EKS; credentials come from the task role / IRSA / Pod Identity
 */
import { createServer, type Server } from 'node:http';
import { defineSecrets, isSecretkitError, SecretsClient, secret } from 'secretkit';
import { z } from 'zod';

const prefix = process.env['APP_SECRET_PREFIX'] ?? 'prod/orders/';

/** Everything the service needs, declared once: ids, shapes, types. */
const appSecrets = defineSecrets({
  db: secret.json(
    `${prefix}db`,
    z.object({
      host: z.string().min(1),
      port: z.number().int().positive(),
      username: z.string().min(1),
      password: z.string().min(1),
    }),
  ),
  stripeKey: secret.string(`${prefix}stripe-key`),
  sessionSigningKey: secret.string(`${prefix}session-signing-key`),
});

type AppSecrets = Awaited<ReturnType<typeof appSecrets.load>>;

function serve(config: AppSecrets, port: number): Server {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (req.method === 'GET' && req.url === '/') {
      // Facts about the configuration, never values.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ database: `${config.db.host}:${config.db.port}`, user: config.db.username }));
      return;
    }
    res.writeHead(404).end();
  });
  return server.listen(port);
}

async function main(): Promise<void> {
  // Region and credentials come from the environment (task role, IRSA, Pod Identity).
  const secrets = new SecretsClient();
  let config: AppSecrets;
  try {
    // One BatchGetSecretValue per 20 secrets; every secret is validated; one error lists them all.
    config = await appSecrets.load(secrets);
  } catch (error) {
    secrets.close();
    // A SecretkitError message names each secret and what is wrong with it, never a value.
    const reason = isSecretkitError(error)
      ? `${error.code}: ${error.message}`
      : `${error instanceof Error ? error.name : 'error'} (not a secretkit error)`;
    console.error(`startup aborted, configuration could not be loaded: ${reason}`);
    process.exitCode = 1;
    return;
  }
  const { apiCalls } = secrets.stats();
  console.log(`loaded ${appSecrets.secretIds.length} secrets with ${apiCalls.total} API call(s)`);

  const server = serve(config, Number(process.env['PORT'] ?? 8080));
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : address;
    console.log(`listening on http://127.0.0.1:${port}`);
  });
  // ECS and Kubernetes send SIGTERM before stopping the container.
  process.once('SIGTERM', () => {
    console.log('SIGTERM: closing');
    server.close(() => secrets.close());
  });
}

await main();
