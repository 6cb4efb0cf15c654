// The `--json` output described as a schema, for schemas/json-summary.schema.json (written by
// scripts/write-json-schemas.ts) and for tests that check real output against it. Kept apart from
// json-summary.ts so a run never loads zod to print its summary.
import { z } from 'zod';
import { JSON_SUMMARY_VERSION } from './json-summary.js';

const count = z.int().min(0);
const ACTIONS = ['create', 'update', 'unchanged', 'delete', 'invalid', 'conflict'] as const;
/** Rows per action, keyed by the report's action names. */
const actionCounts = z.looseObject({
  create: count,
  update: count,
  unchanged: count,
  delete: count,
  invalid: count,
  conflict: count,
});
/** What became of them: keyed like the plan, plus the writes that failed and the rows not attempted. */
const doneCounts = actionCounts.extend({ failed: count, not_attempted: count });

export const jsonSummarySchema = z
  .looseObject({
    created: count.describe('Sessions created (outcome done)'),
    updated: count.describe('Sessions updated (outcome done)'),
    unchanged: count.describe('Rows that needed no request'),
    deleted: count.describe('Sessions deleted (outcome done)'),
    invalid: count.describe('Rows that could not be read into a session; never sent'),
    conflicts: count.describe('Rows whose import_id is shared (in the sheet or on the server); never sent'),
    failed: count.describe('Writes the server refused or that failed'),
    not_attempted: count.describe('Rows a stopped run did not get to; a re-run does them'),
    requests: count.describe('HTTP requests sent, reads and retries included'),
    planned: actionCounts.describe(
      "Rows per action of the plan, keyed by the report's action names: what the run would do (a dry run's whole answer)",
    ),
    done: doneCounts.describe(
      'What the run did, keyed like planned: rows per action whose outcome is done (invalid and conflict rows never are: 0), plus failed writes and rows not attempted; all 0 in a dry run',
    ),
    dry_run: z.boolean().describe('True when nothing was written (--dry-run, validate)'),
    command: z.enum(['import', 'validate', 'export', 'dedupe']),
    guide: z.int().positive().nullable().describe('The guide id; null for validate'),
    exit_code: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    report: z.string().describe('Absolute path of the report file'),
    stopped: z.string().nullable().describe('Why the run stopped before its end, or null'),
    left: count.describe("Rows a re-run would still do: not_attempted plus the speakers' not_attempted"),
    failures: z
      .array(
        z.object({
          sheet: z.string(),
          row: z.int().nullable().describe('Row number as a spreadsheet shows it; null for a delete'),
          import_id: z.string(),
          action: z.enum(ACTIONS),
          session_id: z.int().nullable(),
          http_status: z.int().nullable(),
          message: z.string(),
        }),
      )
      .max(5)
      .describe('The first failed rows, in sheet order'),
    speakers: z
      .looseObject({
        created: count,
        updated: count,
        unchanged: count,
        deleted: count,
        invalid: count,
        conflicts: count,
        failed: count,
        not_attempted: count,
        planned: actionCounts.describe("The speakers' rows per action of the plan"),
        done: doneCounts.describe("What became of the speakers' rows, keyed like the sessions' done"),
      })
      .optional()
      .describe("The speakers' rows (custom list items), counted like the sessions' top-level keys; present when the run had speakers"),
    version: z.literal(JSON_SUMMARY_VERSION).describe('Version of this shape'),
  })
  .meta({
    title: 'guidebook-import --json summary',
    description: 'The one line `guidebook-import import|validate|dedupe --json` prints on stdout. Keys may be added within a version.',
  });
