export { createClient } from './client.js';
export { resolveApiKey, resolveApiUrl } from './credentials.js';
export { DEFAULT_API_URL, normaliseApiUrl } from './base-url.js';
export { createThrottle, type Throttle, type ThrottleOptions } from './throttle.js';
export { backoffDelayMs, decideRetry, parseRetryAfter } from './retry.js';
export type * from './types.js';
