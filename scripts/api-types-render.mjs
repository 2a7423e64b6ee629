// The dashboard's API types, generated from the OpenAPI document the server publishes
// (openapi-typescript, pinned): one function from the document to the file's text, shared by
// `npm run gen:api-types` (which writes web/src/api-types.ts) and the test that fails when the
// committed file is stale (test/integration/api-types.test.ts).
import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_PATH = 'web/src/api-types.ts';

const HEADER = `/**
 * Generated from /openapi.json by \`npm run gen:api-types\` (openapi-typescript): do not edit.
 * The response shapes are the operations' output schemas (src/<domain>/schemas.ts); a test
 * fails when this file no longer matches the server.
 */
`;

/** The file's text for an OpenAPI document (an object, as GET /openapi.json answers it). */
export async function renderApiTypes(doc) {
  const ast = await openapiTS(doc, { alphabetize: true });
  return HEADER + astToString(ast);
}
