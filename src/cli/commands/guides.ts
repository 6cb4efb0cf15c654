// `guidebook-import guides`: the guides the key can reach, as a table or JSON. It is also the
// key check: a rejected key ends with the same line and exit code as an import's.
import type { ApiGuide } from '../../types.js';
import { normalizeGuidesOptions } from '../../options/run-options.js';
import { connect } from '../connect.js';
import { reportError } from '../report-error.js';
import type { CliCommand } from './command.js';
import { connectionOptions } from './shared-options.js';
import { flagsWithConfig, say } from './run-context.js';

/** One guide as the command shows it: dates as days (the API gives midnight datetimes or null). */
export interface GuideListing {
  id: number;
  name: string;
  timezone: string | null;
  start_date: string | null;
  end_date: string | null;
}

export const guidesCommand: CliCommand = {
  command: 'guides',
  describe: 'List the guides the API key can reach (id, name, time zone, dates); also checks the key',
  builder: (yargs) =>
    connectionOptions(yargs)
      .option('json', { type: 'boolean', describe: 'Print {"guides": [...]} on stdout' })
      .option('config', { type: 'string', describe: 'Config file (default: ./guidebook-import.config.json if present)' })
      .example('$0 guides', 'the guides your key reaches, with their ids for --guide')
      .example('$0 guides --json', 'the same as JSON, for a script'),
  run: async (args) => {
    try {
      const options = normalizeGuidesOptions(flagsWithConfig(args));
      const connection = await connect(options);
      const guides: GuideListing[] = [];
      try {
        for await (const guide of connection.client.listGuides()) guides.push(guideListing(guide));
      } finally {
        await connection.close();
      }
      if (options.json) process.stdout.write(`${JSON.stringify({ guides })}\n`);
      else process.stdout.write(guidesTable(guides));
      say(guides.length === 0 ? 'The key works but reaches no guides.' : `The key works: ${countOf(guides.length)} reachable.`);
      return 0;
    } catch (error) {
      return reportError(error);
    }
  },
};

function guideListing(guide: ApiGuide): GuideListing {
  return {
    id: guide.id,
    name: typeof guide.name === 'string' ? guide.name : '',
    timezone: typeof guide.timezone === 'string' ? guide.timezone : null,
    start_date: dayOf(guide.start_date),
    end_date: dayOf(guide.end_date),
  };
}

/** `2027-05-10T00:00:00.000000+0000` or `2027-05-10` → `2027-05-10`; anything else as given. */
function dayOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value;
}

/** A plain aligned table: ID, NAME, TIME ZONE, START, END. */
export function guidesTable(guides: readonly GuideListing[]): string {
  const rows = [
    ['ID', 'NAME', 'TIME ZONE', 'START', 'END'],
    ...guides.map((g) => [String(g.id), g.name.replace(/\s+/g, ' '), g.timezone ?? '-', g.start_date ?? '-', g.end_date ?? '-']),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map(
      (row) =>
        `${row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

function countOf(n: number): string {
  return n === 1 ? '1 guide' : `${n} guides`;
}
