/**
 * Typed IAM policy JSON: plain objects that `JSON.stringify` as AWS expects.
 */

/** `Allow` or `Deny`. */
export type PolicyEffect = 'Allow' | 'Deny';

/** A single value or a list, as IAM accepts for `Action`, `Resource` and principals. */
export type OneOrMany<T> = T | readonly T[];

/** A condition value: IAM takes strings (booleans and numbers are written as strings). */
export type ConditionValue = OneOrMany<string>;

/** A `Condition` block: operator (`StringEquals`, `ArnNotLike`, ...) → context key → value(s). */
export type PolicyCondition = {
  readonly [operator: string]: { readonly [contextKey: string]: ConditionValue };
};

/** A `Principal` element: `*` or principals by kind. */
export type PolicyPrincipal =
  | '*'
  | {
      /** Account, role or user ARNs (or account ids). */
      readonly AWS?: OneOrMany<string>;
      /** Service principals such as `lambda.amazonaws.com`. */
      readonly Service?: OneOrMany<string>;
      /** Identity-provider principals. */
      readonly Federated?: OneOrMany<string>;
    };

/** One statement of an IAM policy. */
export interface PolicyStatement {
  /** Optional statement id. */
  readonly Sid?: string;
  /** Whether the statement allows or denies. */
  readonly Effect: PolicyEffect;
  /** Who the statement applies to (resource policies only). */
  readonly Principal?: PolicyPrincipal;
  /** Everyone except these principals (resource policies only). */
  readonly NotPrincipal?: PolicyPrincipal;
  /** The actions, e.g. `secretsmanager:GetSecretValue`. */
  readonly Action?: OneOrMany<string>;
  /** Every action except these. */
  readonly NotAction?: OneOrMany<string>;
  /** Resource ARNs or patterns (`*` and `?` wildcards). */
  readonly Resource?: OneOrMany<string>;
  /** Every resource except these. */
  readonly NotResource?: OneOrMany<string>;
  /** Conditions that must all hold. */
  readonly Condition?: PolicyCondition;
}

/** An IAM policy document (identity policy, resource policy or key policy). */
export interface PolicyDocument {
  /** Always `2012-10-17` (the current policy language version). */
  readonly Version: '2012-10-17';
  /** The statements, in a stable order. */
  readonly Statement: readonly PolicyStatement[];
}
