// The HTML report in a real browser: headless Chromium from Debian, driven by playwright-core.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html/render.js';
import type { ReportDocument } from '../../src/report/types.js';
import type { Action, Outcome, ReportRow, Summary } from '../../src/types.js';

const CHROMIUM = '/usr/bin/chromium';
const chromiumPresent = existsSync(CHROMIUM);
const ARTIFACTS = resolve('test-artifacts');
const XSS = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';

interface Slot {
  id: string;
  name: string;
  day: number; // 18, 19 May 2027
  start: string; // local New York "HH:mm"
  end: string;
  room: string;
  tracks: string[];
  action: Action;
  outcome?: Outcome;
}

const SLOTS: Slot[] = [
  {
    id: 'DC27-001',
    name: 'Registration & Breakfast',
    day: 18,
    start: '08:00',
    end: '09:00',
    room: 'Foyer',
    tracks: [],
    action: 'unchanged',
  },
  {
    id: 'DC27-002',
    name: 'Opening Keynote: Software in 2030',
    day: 18,
    start: '09:00',
    end: '10:00',
    room: 'Main Hall',
    tracks: ['Keynote'],
    action: 'unchanged',
  },
  { id: 'DC27-003', name: 'Coffee Break', day: 18, start: '10:00', end: '10:30', room: 'Foyer', tracks: [], action: 'unchanged' },
  {
    id: 'DC27-004',
    name: 'Retrieval-Augmented Generation in Production',
    day: 18,
    start: '10:30',
    end: '11:15',
    room: 'Room 201',
    tracks: ['AI'],
    action: 'update',
  },
  {
    id: 'DC27-005',
    name: 'Kubernetes Cost Control',
    day: 18,
    start: '10:30',
    end: '11:15',
    room: 'Room 202',
    tracks: ['Cloud'],
    action: 'unchanged',
  },
  { id: 'DC27-006', name: XSS, day: 18, start: '10:30', end: '11:15', room: 'Room 203', tracks: ['Web'], action: 'create' },
  {
    id: 'DC27-007',
    name: 'Workshop: Hands-on Terraform',
    day: 18,
    start: '10:30',
    end: '12:30',
    room: 'Workshop Lab',
    tracks: ['Cloud', 'DevOps'],
    action: 'create',
  },
  {
    id: 'DC27-008',
    name: 'Evaluating LLM Agents',
    day: 18,
    start: '11:30',
    end: '12:15',
    room: 'Room 201',
    tracks: ['AI'],
    action: 'unchanged',
  },
  {
    id: 'DC27-009',
    name: 'Serverless at the Edge',
    day: 18,
    start: '11:30',
    end: '12:15',
    room: 'Room 202',
    tracks: ['AI', 'Cloud'],
    action: 'update',
    outcome: 'failed',
  },
  { id: 'DC27-010', name: 'Lunch', day: 18, start: '12:15', end: '13:30', room: 'Foyer', tracks: [], action: 'unchanged' },
  {
    id: 'DC27-011',
    name: 'Zero Trust for Developers',
    day: 18,
    start: '13:30',
    end: '14:15',
    room: 'Room 203',
    tracks: ['Security'],
    action: 'create',
  },
  {
    id: 'DC27-012',
    name: 'Panel: Open Source Sustainability',
    day: 18,
    start: '13:30',
    end: '14:30',
    room: 'Main Hall',
    tracks: ['Community'],
    action: 'conflict',
  },
  { id: 'DC27-013', name: 'Welcome Reception', day: 18, start: '18:00', end: '20:30', room: 'Foyer', tracks: ['Social'], action: 'create' },
  {
    id: 'DC27-020',
    name: 'Day 2 Keynote: The Quiet Web',
    day: 19,
    start: '09:00',
    end: '10:00',
    room: 'Main Hall',
    tracks: ['Keynote'],
    action: 'unchanged',
  },
  {
    id: 'DC27-021',
    name: 'Type-safe APIs with TypeScript',
    day: 19,
    start: '10:30',
    end: '11:15',
    room: 'Room 201',
    tracks: ['Web'],
    action: 'create',
  },
  {
    id: 'DC27-022',
    name: 'Observability on a Budget',
    day: 19,
    start: '10:30',
    end: '11:15',
    room: 'Room 202',
    tracks: ['DevOps'],
    action: 'unchanged',
  },
  {
    id: 'DC27-023',
    name: 'Closing Remarks',
    day: 19,
    start: '16:30',
    end: '17:00',
    room: 'Main Hall',
    tracks: ['Keynote'],
    action: 'unchanged',
  },
];

/** New York is UTC-4 in May 2027. */
function utc(day: number, time: string): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2027, 4, day, hour + 4, minute)).toISOString();
}

function buildDocument(): ReportDocument {
  const rows: ReportRow[] = SLOTS.map((slot, index) => ({
    sheet: 'Agenda',
    row: index + 4,
    import_id: slot.id,
    name: slot.name,
    action: slot.action,
    outcome: slot.outcome ?? (slot.action === 'conflict' ? 'not_attempted' : 'done'),
    session_id: slot.action === 'create' || slot.action === 'conflict' ? 1000 + index : 100 + index,
    http_status: slot.outcome === 'failed' ? 503 : null,
    changed_fields: slot.action === 'update' ? ['start_time', 'end_time'] : [],
    message:
      slot.outcome === 'failed'
        ? 'PATCH /sessions/108/ answered 503 after 4 attempts'
        : slot.action === 'conflict'
          ? 'import_id "DC27-012" is held by sessions 1011 and 1012 on the server'
          : '',
    zone: 'America/New_York',
    fields: {
      name: slot.name,
      start_time: utc(slot.day, slot.start),
      end_time: utc(slot.day, slot.end),
      locations: [slot.room],
      schedule_tracks: slot.tracks,
    },
    changes:
      slot.action === 'update'
        ? [
            { field: 'start_time', old: utc(slot.day, '14:00'), new: utc(slot.day, slot.start) },
            { field: 'end_time', old: utc(slot.day, '14:45'), new: utc(slot.day, slot.end) },
          ]
        : undefined,
  }));
  rows.push(
    {
      sheet: 'Agenda',
      row: 30,
      import_id: 'DC27-030',
      name: 'Lightning Talks',
      action: 'invalid',
      outcome: 'not_attempted',
      session_id: null,
      http_status: null,
      changed_fields: [],
      message: 'Row 30, column "Start": "25:70" is not a time (expected h:mm AM/PM)',
      zone: 'America/New_York',
      issues: [
        {
          code: 'bad_time',
          severity: 'error',
          message: 'Row 30, column "Start": "25:70" is not a time (expected h:mm AM/PM)',
          sheet: 'Agenda',
          row: 30,
          column: 'Start',
          value: '25:70',
        },
      ],
    },
    {
      // A speaker's row as a run with speakers lists it: a long id of one unbroken word, a sheet
      // named after a long CSV file.
      sheet: 'devcon-2027-agenda-final-version-from-the-programme-committee.csv',
      row: 41,
      import_id: 'speaker:email:priya.raman-okonkwo@speakers.devcon.example',
      name: 'Priya Raman-Okonkwo',
      action: 'unchanged',
      outcome: 'done',
      session_id: 31,
      http_status: null,
      changed_fields: [],
      message: '',
      zone: 'America/New_York',
    },
    {
      sheet: '',
      row: null,
      import_id: 'DC26-099',
      name: 'Old Session From Last Year',
      action: 'delete',
      outcome: 'done',
      session_id: 77,
      http_status: 204,
      changed_fields: [],
      message: '',
      zone: 'America/New_York',
      changes: [
        { field: 'start_time', old: utc(19, '13:30'), new: null },
        { field: 'end_time', old: utc(19, '14:15'), new: null },
        { field: 'locations', old: ['Room 203'], new: null },
      ],
    },
  );

  const count = (action: Action) => rows.filter((row) => row.action === action).length;
  const summary: Summary = {
    created: count('create'),
    updated: count('update') - 1,
    unchanged: count('unchanged'),
    deleted: count('delete'),
    invalid: count('invalid'),
    conflicts: count('conflict'),
    failed: rows.filter((row) => row.outcome === 'failed').length,
    not_attempted: rows.filter((row) => row.outcome === 'not_attempted').length,
    requests: 14,
  };
  return {
    version: 1,
    command: 'import',
    file: 'devcon-2027.xlsx',
    guideId: 1,
    dryRun: false,
    startedAt: '2027-05-01T14:02:11.000Z',
    finishedAt: '2027-05-01T14:02:14.500Z',
    options: { prune: true },
    summary,
    warnings: ['Column "Speaker" is not mapped and was ignored'],
    rows,
  };
}

describe.skipIf(!chromiumPresent)('HTML report in headless Chromium', () => {
  const doc = buildDocument();
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'gbi-chromium-'));
    const reportPath = join(userDataDir, 'report.html');
    await writeFile(reportPath, renderHtmlReport(doc));
    reportUrl = pathToFileURL(reportPath).href;
    context = await chromium.launchPersistentContext(join(userDataDir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(reportUrl);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('renders the summary counts of the document', async () => {
    const shown = await page.$$eval('[data-summary]', (cards) =>
      Object.fromEntries(cards.map((card) => [card.getAttribute('data-summary'), Number(card.querySelector('.n')?.textContent)])),
    );
    expect(shown).toEqual(doc.summary);
  });

  it('shows a <script> session name as text and never runs it', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    const nameCell = page.locator('tr[data-action="create"] td.name').filter({ hasText: '<script>' });
    expect(await nameCell.count()).toBe(1);
    expect((await nameCell.innerText()).startsWith(XSS)).toBe(true);
    expect(await page.locator('.lane .s-name', { hasText: '<script>' }).count()).toBe(1);
  });

  it('loads nothing but the report file itself', () => {
    expect(requests).toEqual([reportUrl]);
  });

  it('lays out the agenda by day and room in local time', async () => {
    const days = await page.locator('.day h3').allInnerTexts();
    expect(days.map((text) => text.split('\n')[0]?.trim())).toEqual([
      'Tuesday 18 May 2027 America/New_York',
      'Wednesday 19 May 2027 America/New_York',
    ]);
    const firstDayRooms = await page.locator('.day').first().locator('.room-name').allInnerTexts();
    expect(firstDayRooms).toEqual(['Foyer', 'Main Hall', 'Room 201', 'Room 202', 'Room 203', 'Workshop Lab']);
    const keynote = page.locator('.s', { hasText: 'Opening Keynote' });
    expect(await keynote.locator('.s-time').innerText()).toBe('9:00 AM – 10:00 AM');
  });

  it('filters the table by action', async () => {
    const visibleRows = () => page.locator('tr.r:visible').count();
    expect(await visibleRows()).toBe(doc.rows.length);

    await page.click('label[for="f-update"]');
    expect(await visibleRows()).toBe(doc.rows.filter((row) => row.action === 'update').length);
    const actions = await page.$$eval('tr.r', (rows) =>
      rows
        .filter((row) => (row as unknown as { offsetParent: unknown }).offsetParent !== null)
        .map((row) => row.getAttribute('data-action')),
    );
    expect(new Set(actions)).toEqual(new Set(['update']));

    await page.click('label[for="f-invalid"]');
    expect(await visibleRows()).toBe(1);
    expect(await page.locator('tr.r:visible td.details').innerText()).toContain('Cell Start = 25:70');

    await page.click('label[for="f-failed"]');
    expect(await visibleRows()).toBe(1);

    await page.click('label[for="f-all"]');
    expect(await visibleRows()).toBe(doc.rows.length);
  });

  it('has no sideways overflow on a phone: only the timeline and the table scroll inside themselves', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      // Runs in the page: typed loosely, the test's own TypeScript has no DOM library.
      const widths = await page.evaluate(() => {
        const view = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
        return { page: view.document.documentElement.scrollWidth, view: view.innerWidth };
      });
      expect(widths.page).toBeLessThanOrEqual(widths.view);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('keeps the table readable on a phone: action badges on one line, long ids and sheet names wrapped in their columns', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      const badgeHeights = await page.$$eval('.table-wrap .badge', (badges) => badges.map((badge) => badge.getBoundingClientRect().height));
      const lineHeight = badgeHeights.reduce((low, height) => Math.min(low, height), Number.POSITIVE_INFINITY);
      expect(badgeHeights.length).toBe(doc.rows.length);
      for (const height of badgeHeights) expect(height).toBeLessThan(lineHeight * 1.5);
      const cell = (selector: string) =>
        page.$eval(selector, (element) => ({ width: element.getBoundingClientRect().width, text: element.textContent ?? '' }));
      const id = await cell('tr[data-action="unchanged"]:has(td.id:text-matches("^speaker:")) td.id');
      expect(id.text).toBe('speaker:email:priya.raman-okonkwo@speakers.devcon.example');
      expect(id.width).toBeLessThanOrEqual(160);
      const where = await cell('tr[data-action="unchanged"]:has(td.id:text-matches("^speaker:")) td.where');
      expect(where.text).toContain('devcon-2027-agenda-final-version-from-the-programme-committee.csv 41');
      expect(where.width).toBeLessThanOrEqual(160);
      // A room's name keeps its words whole.
      const room = await page.$eval(
        'tr.r:has(td.room) td.room:text-is("Workshop Lab")',
        (element) => element.getBoundingClientRect().height,
      );
      const oneRoomLine = await page.$eval('tr.r td.room:text-is("Foyer")', (element) => element.getBoundingClientRect().height);
      expect(room).toBeLessThanOrEqual(oneRoomLine * 2 + 1);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('writes a full-page screenshot to test-artifacts/report.png', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'report.png');
    const image = await page.screenshot({ path, fullPage: true });
    expect(image.length).toBeGreaterThan(10_000);
    expect(existsSync(path)).toBe(true);
  });
});

describe.runIf(!chromiumPresent)('HTML report in headless Chromium (skipped)', () => {
  it.skip(`needs ${CHROMIUM}: install it with "apt-get install -y chromium"`, () => {});
});
