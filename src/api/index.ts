export { createClient } from './client.js';
export { resolveApiKey, resolveApiUrl } from './credentials.js';
export { DEFAULT_API_URL } from './base-url.js';
export type * from './types.js';
