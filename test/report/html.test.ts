import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html/render.js';
import { summarize } from '../../src/report/summary.js';
import type { ReportDocument } from '../../src/report/types.js';
import type { ReportRow } from '../../src/types.js';

function row(partial: Partial<ReportRow> & Pick<ReportRow, 'row' | 'import_id' | 'name' | 'action'>): ReportRow {
  return {
    sheet: 'Agenda',
    outcome: 'done',
    session_id: null,
    http_status: null,
    changed_fields: [],
    message: '',
    zone: 'America/New_York',
    ...partial,
  };
}

function documentWith(rows: ReportRow[]): ReportDocument {
  return {
    version: 1,
    command: 'import',
    file: 'agenda.xlsx',
    guideId: 1,
    dryRun: false,
    startedAt: '2027-05-01T12:00:00.000Z',
    finishedAt: '2027-05-01T12:00:05.000Z',
    options: {},
    summary: { created: 3, updated: 5, unchanged: 7, deleted: 11, invalid: 13, conflicts: 17, failed: 19, not_attempted: 23, requests: 29 },
    warnings: [],
    rows,
  };
}

const keynote = row({
  row: 4,
  import_id: 'DC27-001',
  name: 'Opening Keynote',
  action: 'create',
  fields: {
    name: 'Opening Keynote',
    start_time: '2027-05-18T13:00:00.000Z', // 9:00 AM in New York (EDT)
    end_time: '2027-05-18T14:00:00.000Z',
    locations: ['Main Hall'],
    schedule_tracks: ['Keynote'],
  },
});

describe('renderHtmlReport', () => {
  it('shows each summary count under its name', () => {
    const html = renderHtmlReport(documentWith([keynote]));
    for (const [key, value] of Object.entries(documentWith([]).summary)) {
      expect(html).toMatch(new RegExp(`data-summary="${key}"[^>]*><span class="n">${value}</span>`));
    }
  });

  it('places a session at its local wall-clock time in the row zone', () => {
    const html = renderHtmlReport(documentWith([keynote]));
    expect(html).toContain('Tuesday 18 May 2027');
    expect(html).toContain('9:00 AM – 10:00 AM');
    expect(html).toContain('<div class="room-name">Main Hall</div>');
  });

  it('escapes markup from every untrusted value: name, id, room, change, issue, warning, file', () => {
    const evil = '<script>window.__pwned=1</script>';
    const doc = documentWith([
      row({
        row: 5,
        import_id: `id-${evil}`,
        name: evil,
        action: 'update',
        message: `"><img src=x onerror=alert(1)>`,
        fields: { start_time: '2027-05-18T15:00:00Z', end_time: '2027-05-18T16:00:00Z', locations: [`</div>${evil}`] },
        changes: [{ field: 'description_html', old: '<p>old</p>', new: `<img src=x onerror="window.__pwned=2">` }],
      }),
      row({
        row: 6,
        import_id: '',
        name: '',
        action: 'invalid',
        issues: [
          {
            code: 'bad_time',
            severity: 'error',
            message: `Row 6, column "Start": "${evil}" is not a time`,
            sheet: 'Agenda',
            row: 6,
            column: 'Start',
            value: evil,
          },
        ],
      }),
    ]);
    doc.file = `${evil}.xlsx`;
    doc.warnings = [`Column "${evil}" is not mapped`];
    const html = renderHtmlReport(doc);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('forbids scripts and network loads with a content security policy', () => {
    const html = renderHtmlReport(documentWith([keynote]));
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows an update as old → new in local time', () => {
    const html = renderHtmlReport(
      documentWith([
        row({
          row: 9,
          import_id: 'DC27-009',
          name: 'Scaling Postgres',
          action: 'update',
          changed_fields: ['start_time'],
          changes: [{ field: 'start_time', old: '2027-05-18T14:30:00.000000+0000', new: '2027-05-18T15:00:00Z' }],
        }),
      ]),
    );
    expect(html).toContain('<span class="old">Tue 18 May 2027, 10:30 AM</span>');
    expect(html).toContain('<span class="new">11:00 AM</span>');
  });

  it('shows the message and the cell of an invalid row', () => {
    const html = renderHtmlReport(
      documentWith([
        row({
          row: 14,
          import_id: 'DC27-014',
          name: 'Broken row',
          action: 'invalid',
          outcome: 'not_attempted',
          message: 'Row 14, column "Start": "31/02/2027 9:00" is not a date (expected d/M/yyyy H:mm)',
          issues: [
            {
              code: 'bad_date',
              severity: 'error',
              message: 'Row 14, column "Start": "31/02/2027 9:00" is not a date (expected d/M/yyyy H:mm)',
              sheet: 'Agenda',
              row: 14,
              column: 'Start',
              value: '31/02/2027 9:00',
            },
          ],
        }),
      ]),
    );
    expect(html).toContain('Row 14, column &quot;Start&quot;: &quot;31/02/2027 9:00&quot; is not a date');
    expect(html).toContain('Cell <span class="field">Start</span> = <code>31/02/2027 9:00</code>');
    // The message is not repeated when an issue already says it.
    expect(html.split('is not a date').length - 1).toBe(1);
  });

  it('draws a delete from its old values and a double booking side by side', () => {
    const html = renderHtmlReport(
      documentWith([
        row({
          row: null,
          import_id: 'OLD-7',
          name: 'Cancelled talk',
          action: 'delete',
          changes: [
            { field: 'start_time', old: '2027-05-19T14:00:00Z', new: null },
            { field: 'locations', old: ['Room 201'], new: null },
          ],
        }),
        row({
          row: 7,
          import_id: 'A',
          name: 'Talk A',
          action: 'create',
          fields: { start_time: '2027-05-19T14:00:00Z', end_time: '2027-05-19T15:00:00Z', locations: ['Room 201'] },
        }),
      ]),
    );
    expect(html).toContain('Wednesday 19 May 2027');
    const blocks = [...html.matchAll(/<div class="s a-(\w+)[^"]*" style="top:[\d.]+px;height:[\d.]+px;left:([\d.]+)%;width:([\d.]+)%"/g)];
    expect(blocks.map((match) => [match[1], match[2], match[3]])).toEqual([
      ['create', '0.000', '50.000'],
      ['delete', '50.000', '50.000'],
    ]);
  });

  it('renders 20,000 rows, one table row each', () => {
    const rows: ReportRow[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      const start = Date.UTC(2027, 4, 18 + (index % 3), 12 + (index % 9), 0);
      rows.push(
        row({
          row: index + 2,
          import_id: `R-${index}`,
          name: `Session ${index}`,
          action: index % 5 === 0 ? 'update' : 'create',
          fields: {
            start_time: new Date(start).toISOString(),
            end_time: new Date(start + 45 * 60_000).toISOString(),
            locations: [`Room ${index % 40}`],
          },
          changes: index % 5 === 0 ? [{ field: 'name', old: 'Old', new: `Session ${index}` }] : undefined,
        }),
      );
    }
    const html = renderHtmlReport(documentWith(rows));
    expect(html.match(/<tr class="r"/g)).toHaveLength(20_000);
  });
});

describe('renderHtmlReport of a dry run', () => {
  it('shows the planned writes beside the summary, which counts only writes made', () => {
    const planned = (action: 'create' | 'update' | 'delete', n: number) =>
      Array.from({ length: n }, (_, index) =>
        row({ row: index + 2, import_id: `${action}-${index}`, name: 'S', action, outcome: 'planned' }),
      );
    const doc = documentWith([...planned('create', 4), ...planned('update', 2), ...planned('delete', 1)]);
    doc.dryRun = true;
    const html = renderHtmlReport(doc);
    expect(html).toContain('Dry run, nothing was written. Planned:');
    expect(html).toContain('data-planned="create"><b>4</b> to create');
    expect(html).toContain('data-planned="update"><b>2</b> to update');
    expect(html).toContain('data-planned="delete"><b>1</b> to delete');
  });
});

describe('descriptions in the change list', () => {
  it('read as text with paragraphs, and markup decoded from entities stays text', () => {
    const html = renderHtmlReport(
      documentWith([
        row({
          row: 3,
          import_id: 'D-1',
          name: 'Talk',
          action: 'update',
          changes: [
            {
              field: 'description_html',
              old: '<p>One</p>',
              new: '<p>One</p><p>Use &lt;script&gt; &amp; <b>bold</b></p><ul><li>A</li></ul>',
            },
          ],
        }),
      ]),
    );
    expect(html).toContain('<span class="old">One</span>');
    expect(html).toContain('<span class="new">One\n\nUse &lt;script&gt; &amp; bold\n\n• A</span>');
  });
});

describe('HTML report: deletes, failures and links', () => {
  const plannedDelete = row({
    row: null,
    sheet: '',
    import_id: 'OLD-7',
    name: 'Dropped Workshop',
    action: 'delete',
    outcome: 'planned',
    session_id: 77,
    message: 'import_id "OLD-7" is no longer in the sheet; add --yes to delete the session',
    // What the plan gives a delete: when and where the session is (plan-import's deletedSessionFields).
    fields: {
      name: 'Dropped Workshop',
      start_time: '2027-05-18T17:30:00.000Z',
      end_time: '2027-05-18T18:15:00.000Z',
      all_day: false,
      locations: ['Room 203'],
      schedule_tracks: [],
    },
  });
  const failedUpdate = row({
    row: 9,
    import_id: 'U-1',
    name: 'Refused',
    action: 'update',
    outcome: 'failed',
    session_id: 12,
    http_status: 400,
  });
  const invalid = row({ row: 10, import_id: 'I-1', name: 'Broken', action: 'invalid', outcome: 'failed', message: 'bad' });

  it('puts a planned delete on the timeline at its time, in its room, struck through', () => {
    const html = renderHtmlReport(documentWith([keynote, plannedDelete]));
    const block = /<div class="s a-delete o-planned"[^>]*>(.*?)<\/div>/.exec(html);
    expect(block?.[1]).toContain('1:30 PM – 2:15 PM');
    expect(block?.[1]).toContain('Dropped Workshop');
    expect(html).toContain('<div class="room-name">Room 203</div>');
    expect(html).toMatch(/\.s\.a-delete \.s-name[^{]*\{text-decoration:line-through\}/);
    const tableRow = html.split('\n').find((line) => line.startsWith('<tr class="r" data-action="delete"')) ?? '';
    expect(tableRow).toContain('1:30 PM');
    expect(tableRow).toContain('Room 203');
    expect(tableRow.match(/--yes/g)).toHaveLength(1);
  });

  it('counts "Failed" the same on the card and the filter, with a legend entry', () => {
    const doc = documentWith([keynote, failedUpdate, invalid]);
    doc.summary = { ...doc.summary, failed: 1, invalid: 1 };
    const html = renderHtmlReport(doc);
    expect(html).toMatch(/data-summary="failed"[^>]*><span class="n">1<\/span>/);
    expect(html).toContain('<label for="f-failed" data-count="1">Failed <span class="n">1</span></label>');
    expect(html).toContain('#f-failed:checked ~ .table-wrap tr.r:not([data-failed-write]){display:none}');
    expect(html).toContain('<span class="chip o-failed" title="the write failed">failed</span>');
  });

  it('counts a failed speaker write on the "Failed" card as the filter and the end-of-run text do', () => {
    // A run with speakers: the Summary keeps the speakers' counts apart, the table lists every row.
    const failedSpeaker = row({
      sheet: 'Speakers',
      row: 3,
      import_id: 'speaker:email:ada@example.org',
      name: 'Ada Park',
      action: 'update',
      outcome: 'failed',
      record: 'speaker',
      http_status: 500,
    });
    const unchangedSpeaker = row({
      sheet: 'Speakers',
      row: 4,
      import_id: 'speaker:name:bram',
      name: 'Bram',
      action: 'unchanged',
      record: 'speaker',
    });
    const rows = [keynote, failedUpdate, invalid, failedSpeaker, unchangedSpeaker];
    const doc = { ...documentWith(rows), summary: summarize(rows, 9) };
    expect(doc.summary.failed).toBe(1);
    const html = renderHtmlReport(doc);
    expect(html).toMatch(/data-summary="failed"[^>]*><span class="n">2<\/span>/);
    expect(html).toContain('<label for="f-failed" data-count="2">Failed <span class="n">2</span></label>');
    expect(html).toMatch(/data-summary="unchanged"[^>]*><span class="n">1<\/span>/);
    expect(html).toContain('<label for="f-unchanged" data-count="1">');
    expect(html).toMatch(/data-summary="requests"[^>]*><span class="n">9<\/span>/);
  });

  it("shows what an update changes when the row has no old → new for it (a session's speakers)", () => {
    const relinked = row({
      row: 12,
      import_id: 'DC27-012',
      name: 'Vector Databases Compared',
      action: 'update',
      changed_fields: ['speakers'],
      fields: { ...keynote.fields, speakers: ['Mei Lin', 'Priya Raman'] },
    });
    const html = renderHtmlReport(documentWith([relinked]));
    const tableRow = html.split('\n').find((line) => line.startsWith('<tr class="r" data-action="update"')) ?? '';
    expect(tableRow).toContain(
      '<ul class="changes"><li><span class="field">Speakers</span> <span class="new">Mei Lin; Priya Raman</span></li></ul>',
    );
    // On the timeline too, in the session's tooltip.
    expect(html).toMatch(/<div class="s a-update o-done"[^>]*title="[^"]*Speakers: Mei Lin, Priya Raman/);
  });

  it('fades a session a stopped run did not get to, with a legend entry', () => {
    const skipped = { ...keynote, outcome: 'not_attempted' as const };
    const html = renderHtmlReport(documentWith([skipped]));
    expect(html).toMatch(/<div class="s a-create o-not_attempted"[^>]*><span class="s-time">9:00 AM – 10:00 AM<\/span>/);
    expect(html).toMatch(/\.s\.o-not_attempted\{opacity:\.5;/);
    expect(html).toContain(
      '<span class="chip o-not_attempted" title="a stopped run did not get to it: a re-run does it">not attempted</span>',
    );
  });

  it('links each session id to Builder, except for a sandbox run', () => {
    const linked = renderHtmlReport(documentWith([failedUpdate]));
    expect(linked).toContain('<a href="https://builder.guidebook.com/#/guide/1/schedule/sessions/12/">#12</a>');
    const sandbox = renderHtmlReport({ ...documentWith([failedUpdate]), options: { sandbox: true } });
    expect(sandbox).not.toContain('<a href');
    expect(sandbox).toContain('#12');
    const local = renderHtmlReport({ ...documentWith([failedUpdate]), options: { apiUrl: 'http://127.0.0.1:8787/open-api/v1.1/' } });
    expect(local).not.toContain('<a href');
    // A speaker's row carries its list item's id, which is no session: shown, not linked.
    const speaker = row({
      sheet: 'Speakers',
      row: 3,
      import_id: 'speaker:name:ada',
      name: 'Ada',
      action: 'create',
      record: 'speaker',
      session_id: 13,
    });
    const withSpeaker = renderHtmlReport(documentWith([failedUpdate, speaker]));
    expect(withSpeaker.match(/<a href=/g)).toHaveLength(1);
    expect(withSpeaker).not.toContain('/sessions/13/');
    expect(withSpeaker).toContain('#13');
    // A session this run deleted has no page left; one only planned for deletion does.
    const gone = row({ row: null, import_id: 'OLD-1', name: 'Gone', action: 'delete', outcome: 'done', session_id: 21 });
    const toGo = row({ row: null, import_id: 'OLD-2', name: 'To go', action: 'delete', outcome: 'planned', session_id: 22 });
    const deletes = renderHtmlReport(documentWith([gone, toGo]));
    expect(deletes).not.toContain('/sessions/21/');
    expect(deletes).toContain('<a href="https://builder.guidebook.com/#/guide/1/schedule/sessions/22/">#22</a>');
  });

  it('stays one file with no script', () => {
    const html = renderHtmlReport(documentWith([keynote, plannedDelete, failedUpdate]));
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });
});
