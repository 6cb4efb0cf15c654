// Child process for timezone.test.ts: prints what openSheet reads from each file, as JSON, along
// with the offset this process's TZ gives, so the parent can see the zone really differed.
import { openSheet } from '../../src/read/index.js';
import { collect, scoreHeader } from './helpers.js';

const sheets = [];
for (const path of process.argv.slice(2)) {
  const source = await openSheet(path, { scoreHeader });
  sheets.push({ path, header: source.header, rows: await collect(source.rows) });
}
process.stdout.write(JSON.stringify({ offsetMinutes: new Date(Date.UTC(2027, 2, 1)).getTimezoneOffset(), sheets }));
