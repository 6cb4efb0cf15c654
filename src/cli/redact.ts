// The redaction of secrets lives beside errors.ts (src/redact.ts): the report writer needs it too,
// and the report must not import the CLI. Re-exported here for the commands.
export { registerSecret, redactSecrets } from '../redact.js';
