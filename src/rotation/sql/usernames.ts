/** Username handling of the alternating-users strategies. */

/** The suffix AWS's templates append to the cloned user. */
export const CLONE_SUFFIX = '_clone';

/**
 * The other user of an alternating pair: `app` ↔ `app_clone`.
 *
 * @param username - the current user
 * @param maxLength - the engine's limit on user names (PostgreSQL 63, MySQL 5.7+ 32, MySQL 5.6 16)
 * @param suffix - the clone suffix (default `_clone`)
 * @throws Error when the clone's name would exceed `maxLength`
 */
export function alternateUsername(
  username: string,
  maxLength: number,
  suffix: string = CLONE_SUFFIX,
): string {
  if (username.endsWith(suffix) && username.length > suffix.length) {
    return username.slice(0, -suffix.length);
  }
  const clone = username + suffix;
  if (clone.length > maxLength) {
    throw new Error(
      `cannot clone user "${username}": with "${suffix}" appended the name would exceed ${maxLength} characters`,
    );
  }
  return clone;
}
