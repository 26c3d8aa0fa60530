import { describe, expect, it } from 'vitest';
import { mergePolicies } from '../../../src/iam/normalize.js';
import { readerPolicy } from '../../../src/iam/reader-policy.js';
import {
  allowOnlyPrincipalsPolicy,
  denyOutsideOrganizationPolicy,
  denyOutsideVpcEndpointPolicy,
} from '../../../src/iam/resource-policies.js';
import type { PolicyDocument } from '../../../src/iam/types.js';
import { ACCOUNT, APP_ROLE, decide, OTHER_ACCOUNT, secretArn } from './simulate.js';

const SECRET = secretArn('app/prod/db-AbC123');
const GET = 'secretsmanager:GetSecretValue';
/** A broad identity policy, as an admin or a careless role would have. */
const broad = [
  {
    Version: '2012-10-17' as const,
    Statement: [{ Effect: 'Allow' as const, Action: 'secretsmanager:*', Resource: '*' }],
  },
];
const reader = [readerPolicy({ secrets: [SECRET] })];
/** The decision on the app role's GetSecretValue of SECRET, allowed by `reader`, under `resourcePolicy`. */
const readerGet = (resourcePolicy: PolicyDocument, context: Record<string, string>) =>
  decide({ action: GET, resource: SECRET, identity: reader, resourcePolicy, context });

describe('allowOnlyPrincipalsPolicy', () => {
  const partnerRole = `arn:aws:iam::${OTHER_ACCOUNT}:role/partner`;
  const resourcePolicy = allowOnlyPrincipalsPolicy({ principals: [partnerRole, APP_ROLE] });
  const ctx = (principal: string) => ({ 'aws:PrincipalArn': principal });

  it('builds the allow and the deny-everyone-else statements', () => {
    expect(resourcePolicy.Statement).toEqual([
      {
        Sid: 'AllowNamedPrincipals',
        Effect: 'Allow',
        Principal: { AWS: [APP_ROLE, partnerRole] },
        Action: GET,
        Resource: '*',
      },
      {
        Sid: 'DenyOtherPrincipals',
        Effect: 'Deny',
        Principal: '*',
        Action: GET,
        Resource: '*',
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': [APP_ROLE, partnerRole] } },
      },
    ]);
  });

  it('allows the named principals (same account and cross-account with their identity policy)', async () => {
    expect(await readerGet(resourcePolicy, ctx(APP_ROLE))).toBe('Allowed');
    expect(
      await decide({
        principal: partnerRole,
        action: GET,
        resource: SECRET,
        identity: reader,
        resourcePolicy,
        context: ctx(partnerRole),
      }),
    ).toBe('Allowed');
  });

  it('denies everyone else, even with a broad identity policy', async () => {
    const admin = `arn:aws:iam::${ACCOUNT}:role/admin`;
    expect(
      await decide({
        principal: admin,
        action: GET,
        resource: SECRET,
        identity: broad,
        resourcePolicy,
        context: ctx(admin),
      }),
    ).toBe('ExplicitlyDenied');
    const stranger = `arn:aws:iam::${OTHER_ACCOUNT}:role/other`;
    expect(
      await decide({
        principal: stranger,
        action: GET,
        resource: SECRET,
        identity: broad,
        resourcePolicy,
        context: ctx(stranger),
      }),
    ).toBe('ExplicitlyDenied');
  });

  it('does not lock out administration (only the listed actions are restricted)', async () => {
    const admin = `arn:aws:iam::${ACCOUNT}:role/admin`;
    expect(
      await decide({
        principal: admin,
        action: 'secretsmanager:PutResourcePolicy',
        resource: SECRET,
        identity: broad,
        resourcePolicy,
        context: ctx(admin),
      }),
    ).toBe('Allowed');
  });

  it('rejects an empty principal list', () => {
    expect(() => allowOnlyPrincipalsPolicy({ principals: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('denyOutsideVpcEndpointPolicy', () => {
  const resourcePolicy = denyOutsideVpcEndpointPolicy({ vpcEndpointIds: ['vpce-0a1b2c3d'] });

  it('allows requests through the endpoint', async () => {
    expect(await readerGet(resourcePolicy, { 'aws:SourceVpce': 'vpce-0a1b2c3d' })).toBe('Allowed');
  });

  it.each([
    ['another endpoint', { 'aws:SourceVpce': 'vpce-99999999' }],
    ['no endpoint (internet)', {}],
  ])('denies requests from %s', async (_label, context) => {
    expect(await readerGet(resourcePolicy, context)).toBe('ExplicitlyDenied');
  });
});

describe('denyOutsideOrganizationPolicy', () => {
  const resourcePolicy = denyOutsideOrganizationPolicy({ organizationId: 'o-abc123def4' });

  it('allows principals of the organization', async () => {
    expect(await readerGet(resourcePolicy, { 'aws:PrincipalOrgID': 'o-abc123def4' })).toBe('Allowed');
  });

  it.each([
    ['another organization', { 'aws:PrincipalOrgID': 'o-zzz999zzz9' }],
    ['no organization', {}],
  ])('denies principals of %s', async (_label, context) => {
    expect(await readerGet(resourcePolicy, context)).toBe('ExplicitlyDenied');
  });

  it('rejects a malformed organization id', () => {
    expect(() => denyOutsideOrganizationPolicy({ organizationId: 'acme' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('combined resource policy', () => {
  const resourcePolicy = mergePolicies(
    allowOnlyPrincipalsPolicy({ principals: [APP_ROLE] }),
    denyOutsideVpcEndpointPolicy({ vpcEndpointIds: ['vpce-0a1b2c3d'] }),
  );

  it('needs both the principal and the endpoint', async () => {
    const ok = { 'aws:PrincipalArn': APP_ROLE, 'aws:SourceVpce': 'vpce-0a1b2c3d' };
    expect(await readerGet(resourcePolicy, ok)).toBe('Allowed');
    expect(await readerGet(resourcePolicy, { ...ok, 'aws:SourceVpce': 'vpce-1' })).toBe('ExplicitlyDenied');
  });
});
