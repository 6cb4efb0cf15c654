// Prints the conversions of a fixed sample as JSON: run under different TZ values, the output
// must not change (the time code never reads the machine's zone). Used by process-tz.test.ts.
import { formatLocal, sameInstant, type TimeOptions } from '../../src/time/index.js';
import { convertRowTimes, inferColumnFormats } from '../../src/validate/index.js';
import { mappedRow } from './rows.js';

const rows = [
  mappedRow(2, { datetime_start: '3/14/2027 2:30 AM', timezone: 'America/New_York' }),
  mappedRow(3, { datetime_start: '11/7/2027 1:30 AM', timezone: 'America/New_York' }),
  mappedRow(4, { datetime_start: '3/28/2027 9:00 AM', datetime_end: '3/28/2027 11:30 AM', timezone: 'Europe/Berlin' }),
  mappedRow(5, { datetime_start: '4/4/2027 2:30 AM', timezone: 'Australia/Sydney' }),
  mappedRow(6, { datetime_start: '9/26/2027 3:00 AM', timezone: 'Pacific/Chatham' }),
  mappedRow(7, { datetime_start: '3/14/2027 2:30 AM', timezone: 'Asia/Kolkata' }),
  mappedRow(8, { datetime_start: '3/14/2027', timezone: 'America/Los_Angeles' }),
  mappedRow(9, { datetime_start: 46460.5 }),
  mappedRow(10, { datetime_start: '2027-03-14T09:00:00+05:30' }),
  mappedRow(11, { datetime_start: '12/31/2027 11:00 PM', duration: '2h' }),
];
const options: TimeOptions = { timezone: 'UTC', dateFormat: undefined };
const formats = inferColumnFormats(rows, options);
const output = {
  rows: rows.map((r) => convertRowTimes(r, formats, options)),
  local: formatLocal('2027-11-07T06:30:00.000Z', 'America/New_York'),
  same: sameInstant('2017-09-18T16:00:00.000000+0000', '2017-09-18T16:00:00Z'),
};
// The machine's own offset, printed apart so the test can tell the TZ really changed.
process.stdout.write(`${JSON.stringify({ machineOffset: new Date(Date.UTC(2027, 0, 1)).getTimezoneOffset(), output })}\n`);
