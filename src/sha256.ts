// The one digest: SHA-256 in hex, for content hashes, stable ids and state-file names. node:crypto
// is asked for on the first call, not imported: loading it cost ~8 ms of every start-up of a run
// that hashes nothing (issue 15).

let nodeCrypto: typeof import('node:crypto') | undefined;

export function sha256Hex(data: string | Uint8Array): string {
  return (nodeCrypto ??= process.getBuiltinModule('node:crypto')).createHash('sha256').update(data).digest('hex');
}
