/**
 * JSON.parse without leaking: `JSON.parse`'s own messages quote the input ("Unexpected token
 * 'p', "password=hunter2" is not valid JSON"), so the message is replaced by one that names
 * only the secret and the position.
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/**
 * Parses a secret's text as JSON.
 *
 * @param text - the SecretString
 * @param secretId - for the error message
 * @throws SecretkitError `INVALID_JSON` (no part of the text in the message or details)
 */
export function parseSecretJson(text: string, secretId: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const where = position === undefined ? '' : ` (at character ${position} of ${text.length})`;
    // No `cause`: the SyntaxError's message quotes the secret text.
    return throwInvalidJson(secretId, where);
  }
}

function throwInvalidJson(secretId: string, where: string): never {
  throw new SecretkitError('INVALID_JSON', `Secret "${secretId}" is not valid JSON${where}.`, { secretId });
}
