// Strict decoding and `kubectl explain`, from the OpenAPI field data of the served kinds.

export { unknownFields, typeErrors, canonicalizeQuantities } from './decode';
export { explain, explainArgument, ExplainError } from './explain';
export { SCHEMA, rootType } from './data';
