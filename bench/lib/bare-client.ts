/**
 * A `send` with no SDK, for measuring a library's own CPU per miss: GetSecretValue's answer for
 * any id, on the next microtask. It has the shape Powertools checks an SDK client for (`config`,
 * `middlewareStack.identify` and `addRelativeTo`), so Powertools reads through it too instead of
 * making a default client.
 */

/** The bare client: an SDK client's shape as far as secretkit and Powertools use it. */
export interface BareClient {
  readonly config: object;
  readonly middlewareStack: { identify(): unknown[]; addRelativeTo(): void };
  send(command: { input: { SecretId?: string | undefined } }): Promise<{ SecretString?: string }>;
  destroy(): void;
}

/** A new bare client. */
export function bareClient(): BareClient {
  return {
    config: {},
    middlewareStack: { identify: () => [], addRelativeTo: () => undefined },
    send: (command) => {
      const name = command.input.SecretId ?? '';
      return Promise.resolve({
        ARN: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`,
        Name: name,
        VersionId: 'v1',
        SecretString: `value of ${name}`,
        VersionStages: ['AWSCURRENT'],
        $metadata: {},
      });
    },
    destroy: () => undefined,
  };
}
