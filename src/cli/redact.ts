// The API key must never reach output, logs, errors or reports. Everything user-facing that could
// echo a value (error messages, server answers) passes through here as a last line of defence.
const secrets = new Set<string>();

/** Registers a secret (the API key) so that every later redactSecrets call hides it. */
export function registerSecret(secret: string | undefined | null): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
