/**
 * Resource policies for one secret (the policy attached to the secret itself, where
 * `Resource: "*"` means "this secret"). Combine several with `mergePolicies`.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { normalizePolicy } from './normalize.js';
import type { PolicyDocument } from './types.js';

/** The actions the resource-policy builders restrict unless told otherwise. */
export const DEFAULT_RESTRICTED_ACTIONS: readonly string[] = ['secretsmanager:GetSecretValue'];

/** Options shared by the resource-policy builders. */
export interface RestrictOptions {
  /**
   * The actions to restrict (default: `secretsmanager:GetSecretValue`, which also governs
   * every secret in a `BatchGetSecretValue`). Restricting `secretsmanager:*` also denies
   * administrators, including changing this policy: take care not to lock yourself out.
   */
  readonly actions?: readonly string[] | undefined;
}

function nonEmpty(label: string, values: readonly string[]): readonly string[] {
  if (values.length === 0 || values.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new SecretkitError('INVALID_ARGUMENT', `${label} must be a non-empty list of non-empty strings`);
  }
  return values;
}

/** Options of {@link allowOnlyPrincipalsPolicy}. */
export interface AllowOnlyPrincipalsOptions extends RestrictOptions {
  /** IAM role/user ARNs that may perform the actions (for roles: the role ARN, not the session). */
  readonly principals: readonly string[];
}

/**
 * A resource policy letting only the named principals perform the actions: it allows them
 * (which is what cross-account access needs) and denies everyone else by `aws:PrincipalArn`.
 * Same-account principals still need an identity policy allowing the actions.
 *
 * @param options - principals and actions
 * @throws SecretkitError `INVALID_ARGUMENT` for an empty list
 */
export function allowOnlyPrincipalsPolicy(options: AllowOnlyPrincipalsOptions): PolicyDocument {
  const principals = nonEmpty('principals', options.principals);
  const actions = nonEmpty('actions', options.actions ?? DEFAULT_RESTRICTED_ACTIONS);
  return normalizePolicy([
    {
      Sid: 'AllowNamedPrincipals',
      Effect: 'Allow',
      Principal: { AWS: principals },
      Action: actions,
      Resource: '*',
    },
    {
      Sid: 'DenyOtherPrincipals',
      Effect: 'Deny',
      Principal: '*',
      Action: actions,
      Resource: '*',
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': principals } },
    },
  ]);
}

/** Options of {@link denyOutsideVpcEndpointPolicy}. */
export interface DenyOutsideVpcEndpointOptions extends RestrictOptions {
  /** The VPC endpoint ids (`vpce-...`) requests must come through. */
  readonly vpcEndpointIds: readonly string[];
}

/**
 * A resource policy denying the actions unless the request comes through one of the VPC
 * endpoints (`aws:SourceVpce`). Requests from outside (a laptop, the console) are denied.
 *
 * @param options - endpoint ids and actions
 * @throws SecretkitError `INVALID_ARGUMENT` for an empty list
 */
export function denyOutsideVpcEndpointPolicy(options: DenyOutsideVpcEndpointOptions): PolicyDocument {
  const ids = nonEmpty('vpcEndpointIds', options.vpcEndpointIds);
  return normalizePolicy([
    {
      Sid: 'DenyOutsideVpcEndpoint',
      Effect: 'Deny',
      Principal: '*',
      Action: nonEmpty('actions', options.actions ?? DEFAULT_RESTRICTED_ACTIONS),
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:SourceVpce': ids } },
    },
  ]);
}

/** Options of {@link denyOutsideOrganizationPolicy}. */
export interface DenyOutsideOrganizationOptions extends RestrictOptions {
  /** The AWS Organizations id (`o-...`). */
  readonly organizationId: string;
}

/**
 * A resource policy denying the actions to principals outside the organization
 * (`aws:PrincipalOrgID`). AWS service principals acting for you are exempt
 * (`aws:PrincipalIsAWSService`), as in AWS's data-perimeter examples.
 *
 * @param options - organization id and actions
 * @throws SecretkitError `INVALID_ARGUMENT` for a malformed organization id
 */
export function denyOutsideOrganizationPolicy(options: DenyOutsideOrganizationOptions): PolicyDocument {
  if (!/^o-[a-z0-9]{10,32}$/.test(options.organizationId)) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `organizationId ${JSON.stringify(options.organizationId)} is not like "o-abc123def4"`,
    );
  }
  return normalizePolicy([
    {
      Sid: 'DenyOutsideOrganization',
      Effect: 'Deny',
      Principal: '*',
      Action: nonEmpty('actions', options.actions ?? DEFAULT_RESTRICTED_ACTIONS),
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:PrincipalOrgID': options.organizationId },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    },
  ]);
}
