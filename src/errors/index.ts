/** The error API: the catalogue, issues, the typed errors and strict parsing. */
export { CATALOGUE, codeOf, entryOf, keyOfCode, type ErrorKey } from "./catalogue/index.js";
export { ERROR_CATEGORIES, EXIT_CODES, type CatalogueEntry, type ErrorCategory, type ErrorCode, type IssuePath } from "./entry.js";
export { formatIssue, issue, type Issue, type IssueFields, type LegacyIssueCode, type ParamsOf } from "./issue.js";
export { InputError, InvariantError, IoError, SluiceError, areaTitle, inputErrorOf, sluiceError } from "./error-classes.js";
export { closestName, suggestionParams } from "./did-you-mean.js";
export { parseStrict, schemaIssues, type SchemaKeys } from "./schema-issues.js";
export { findUnknownKeys } from "./unknown-keys.js";
export { show } from "./show.js";
export { inputError } from "./legacy.js";
