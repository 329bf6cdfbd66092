/**
 * Handoff metrics and reports. Reserved: the metrics arrive in a later release, and this entry point
 * exists now so that the package's shape is stable.
 *
 * @packageDocumentation
 */
export {};
