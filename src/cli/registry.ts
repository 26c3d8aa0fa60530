/**
 * The commands of `secretkit`, in the order `--help` lists them. Adding a command: write it in
 * its own file (a {@link CliCommand}) and add one line here.
 */
import type { CliCommand } from './command.js';
import { costCommand } from './cost.js';
import { doctorCommand } from './doctor-command.js';
import { policyCommand } from './policy-command.js';
import { rotationCheckCommand } from './rotation-check.js';

/** Every command. */
export const COMMANDS: readonly CliCommand[] = [
  policyCommand,
  doctorCommand,
  rotationCheckCommand,
  costCommand,
];
