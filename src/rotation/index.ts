/**
 * @packageDocumentation
 */

export {};
