// A guide holding every kind of session an export has to carry back exactly: several tracks and
// locations (names with commas), HTML, plain-text and "="-leading descriptions, all-day, across
// midnight, both DST weekends (including the clock time that happens twice), seconds,
// registration settings, and sessions without an import_id.
import { defaultSandboxState } from '../../src/sandbox/index.js';
import type { SandboxLocation, SandboxScheduleTrack, SandboxSession, SandboxState } from '../../src/sandbox/types.js';

export const GUIDE = 1;
const STAMP = '2027-01-01T00:00:00.000000+0000';

function session(id: number, fields: Partial<SandboxSession> & { name: string; start_time: string }, guide = GUIDE): SandboxSession {
  return {
    id,
    guide,
    end_time: null,
    all_day: false,
    description_html: null,
    import_id: null,
    allow_rating: true,
    add_to_schedule: true,
    schedule_tracks: [],
    locations: [],
    rank: null,
    require_login: false,
    max_capacity: null,
    waitlist: false,
    registration_start_date: null,
    registration_end_date: null,
    created_at: STAMP,
    last_updated: STAMP,
    ...fields,
  };
}

function track(id: number, name: string, guide = GUIDE): SandboxScheduleTrack {
  return { id, guide, name, color: null, import_id: null, created_at: STAMP, last_updated: STAMP };
}

function location(id: number, name: string, guide = GUIDE): SandboxLocation {
  return {
    id,
    guide,
    name,
    location_type: 2,
    import_id: null,
    address: null,
    latitude: null,
    longitude: null,
    created_at: STAMP,
    last_updated: STAMP,
  };
}

/** Ids of the seeded sessions that have no import_id (export assigns gb-session-<id>). */
export const WITHOUT_IMPORT_ID = [4, 5, 8, 11, 13];

export function seededState(): SandboxState {
  const state = defaultSandboxState();
  state.schedule_tracks = [track(1, 'Keynotes'), track(2, 'Hands-on, Labs'), track(3, 'Product'), track(9, 'Elsewhere', 2)];
  state.locations = [location(1, 'Main Hall'), location(2, 'Room 101'), location(3, 'Hall A, Level 2'), location(9, 'Saal 1', 2)];
  state.sessions = [
    session(1, {
      name: 'Opening Keynote',
      import_id: 'kick-off',
      start_time: '2027-05-10T13:00:00.000000+0000', // 09:00 EDT
      end_time: '2027-05-10T14:00:00.000000+0000',
      schedule_tracks: [1],
      locations: [1],
      description_html: '<p>Welcome to the <b>Sandbox</b> Conference</p>',
      rank: 1,
    }),
    session(2, {
      name: 'Labs: TypeScript',
      import_id: 'lab-ts',
      start_time: '2027-05-10T14:30:00.000000+0000',
      end_time: '2027-05-10T16:00:00.000000+0000',
      schedule_tracks: [2, 3],
      locations: [2, 3],
      description_html: 'Bring a laptop & charger.\n\nWe start at 10:30 < 11, "sharp".',
      allow_rating: false,
    }),
    session(3, {
      name: 'Spreadsheet formulas',
      import_id: 'formulas',
      start_time: '2027-05-10T14:30:00.000000+0000',
      end_time: '2027-05-10T15:15:00.000000+0000',
      schedule_tracks: [2],
      locations: [3],
      description_html: '=SUM(A1:A3) adds up, and =1+1 is 2',
    }),
    session(4, {
      name: 'Registration desk open',
      all_day: true,
      start_time: '2027-05-10T04:00:00.000000+0000', // midnight EDT
      add_to_schedule: false,
    }),
    session(5, {
      name: 'Night Hackathon',
      start_time: '2027-05-11T02:00:00.000000+0000', // 22:00 EDT on the 10th
      end_time: '2027-05-11T06:00:00.000000+0000', // 02:00 EDT on the 11th
      schedule_tracks: [2],
      description_html: '<ul><li>Pizza</li><li>Prizes</li></ul>',
    }),
    session(6, {
      name: 'Early bird run',
      import_id: 'dst-spring',
      start_time: '2027-03-14T06:30:00.000000+0000', // 01:30 EST, before the clocks jump
      end_time: '2027-03-14T07:30:00.000000+0000', // 03:30 EDT
    }),
    session(7, {
      name: 'Second one-thirty',
      import_id: 'dst-fall-2nd',
      start_time: '2027-11-07T06:30:00.000000+0000', // 01:30 EST: the second 01:30 that night
      end_time: '2027-11-07T07:15:00.000000+0000', // 02:15 EST
    }),
    session(8, {
      name: 'Across the fall-back hour',
      start_time: '2027-11-07T05:10:00.000000+0000', // 01:10 EDT (the first)
      end_time: '2027-11-07T06:20:00.000000+0000', // 01:20 EST (the second)
    }),
    session(9, {
      name: 'Precise start',
      import_id: 'seconds',
      start_time: '2027-05-11T14:00:15.000000+0000',
      end_time: '2027-05-11T15:00:00.000000+0000',
      locations: [1, 2],
      rank: 2.5,
    }),
    session(10, {
      name: 'Workshop with seats',
      import_id: 'seats',
      start_time: '2027-05-11T17:00:00.000000+0000',
      end_time: '2027-05-11T19:00:00.000000+0000',
      require_login: true,
      max_capacity: 30,
      waitlist: true,
      registration_start_date: '2027-05-01T13:00:00.000000+0000',
      registration_end_date: '2027-05-09T21:30:00.000000+0000',
      schedule_tracks: [1, 2, 3],
    }),
    session(11, {
      name: 'Café ☕ break',
      start_time: '2027-05-11T16:00:00.000000+0000',
      end_time: '2027-05-11T16:30:00.000000+0000',
      allow_rating: false,
      add_to_schedule: false,
    }),
    session(12, {
      name: 'Written in Builder',
      import_id: 'builder-html',
      start_time: '2027-05-12T13:00:00.000000+0000',
      end_time: '2027-05-12T14:00:00.000000+0000',
      description_html: '<p onclick="track()">Hi <font color="red">there</font></p><script>alert(1)</script>',
    }),
    session(13, {
      name: 'Closing remarks',
      start_time: '2027-05-12T20:00:00.000000+0000',
      end_time: '2027-05-12T20:30:00.000000+0000',
      description_html: '  Thanks for coming!\r\nSee you next year.  ',
      locations: [1],
    }),
    session(14, { name: 'Berlin only', import_id: 'berlin', start_time: '2027-09-20T08:00:00.000000+0000' }, 2),
  ];
  state.nextIds = { sessions: 15, schedule_tracks: 10, locations: 10 };
  return state;
}
