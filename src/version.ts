/** The version of secretkit, sent in the user agent (`secretkit/<version>`). Kept equal to package.json by a unit test. */
export const VERSION = '0.1.0';
