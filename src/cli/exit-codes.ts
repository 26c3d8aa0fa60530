/** Exit codes of the `secretkit` CLI, stable for scripts. */
export const EXIT = {
  /** Success: the policy was printed, or the diagnosis found no problem. */
  ok: 0,
  /** The diagnosis found at least one problem. */
  problems: 1,
  /** Bad command line (unknown command or option, missing id). */
  usage: 2,
  /** An AWS call failed (not found, access denied, no region, network, ...). */
  aws: 3,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
