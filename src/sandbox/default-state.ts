import type { SandboxState } from './types.js';

/** The account every accepted key belongs to in the default state. */
export const SANDBOX_ACCOUNT = 'sandbox';

/**
 * A fresh sandbox: guides 1 and 2 belong to the key's account (in different zones, so zone
 * handling is visible), guide 3 belongs to someone else (its resources answer 403). No sessions,
 * tracks or locations yet.
 */
export function defaultSandboxState(): SandboxState {
  return {
    version: 1,
    account: SANDBOX_ACCOUNT,
    guides: [
      {
        id: 1,
        name: 'Sandbox Conference',
        timezone: 'America/New_York',
        start_date: '2027-05-10',
        end_date: '2027-05-12',
        owner: SANDBOX_ACCOUNT,
      },
      {
        id: 2,
        name: 'Sandbox Summit Europe',
        timezone: 'Europe/Berlin',
        start_date: '2027-09-20',
        end_date: '2027-09-21',
        owner: SANDBOX_ACCOUNT,
      },
      {
        id: 3,
        name: "Another Account's Expo",
        timezone: 'Asia/Tokyo',
        start_date: '2027-11-02',
        end_date: '2027-11-04',
        owner: 'another-account',
      },
    ],
    sessions: [],
    schedule_tracks: [],
    locations: [],
    nextIds: { sessions: 1, schedule_tracks: 1, locations: 1 },
    budget: { day: '1970-01-01', count: 0 },
  };
}
