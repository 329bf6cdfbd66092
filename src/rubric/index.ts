/**
 * Brief completeness and quality scoring. Reserved: the rubric arrives in a later release, and this
 * entry point exists now so that the package's shape is stable.
 *
 * @packageDocumentation
 */
export {};
