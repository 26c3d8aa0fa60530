/** Exit codes of the `secretkit` CLI, stable for scripts (documented in docs/troubleshooting.md). */
export const EXIT = {
  /** Success: the command did what it says, and every check it ran passed. */
  ok: 0,
  /** A check found at least one problem (`doctor`). */
  problems: 1,
  /** Bad command line (unknown command or option, missing or extra arguments). */
  usage: 2,
  /** An AWS call failed (not found, access denied, no region, network, ...). */
  aws: 3,
  /** No problem was found, but at least one check could not run (`doctor`): not a pass. */
  unchecked: 4,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One line per exit code, for `--help` and the docs (kept in step by a unit test). */
export const EXIT_CODE_LINES: readonly string[] = [
  `${EXIT.ok}  ok: done, and every check that ran passed`,
  `${EXIT.problems}  a check found a problem (doctor, rotation check)`,
  `${EXIT.usage}  usage error (unknown command or option, missing argument)`,
  `${EXIT.aws}  an AWS call failed (not found, access denied, no region or credentials, network)`,
  `${EXIT.unchecked}  no problem found, but some checks could not run (doctor, rotation check): not a pass`,
];
