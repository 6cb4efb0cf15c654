import type { SandboxCustomList, SandboxCustomListItem, SandboxGuide, SandboxState } from './types.js';

/** The account every accepted key belongs to in the default state. */
export const SANDBOX_ACCOUNT = 'sandbox';

/** The creation time of a record a state file gives without one. */
export const EPOCH_TIMESTAMP = '1970-01-01T00:00:00.000000+0000';

/**
 * A fresh sandbox: guides 1 and 2 belong to the key's account (in different zones, so zone
 * handling is visible), guide 3 belongs to someone else (its resources answer 403). No sessions,
 * tracks or locations yet; each guide has its default "Speakers" custom list (ids 1, 2, 3).
 */
export function defaultSandboxState(): SandboxState {
  const guides: SandboxGuide[] = [
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
  ];
  return {
    version: 1,
    account: SANDBOX_ACCOUNT,
    guides,
    sessions: [],
    schedule_tracks: [],
    locations: [],
    custom_lists: defaultCustomLists(guides),
    custom_list_items: [],
    custom_list_item_relations: [],
    links: [],
    images: {},
    publications: [],
    nextIds: {
      sessions: 1,
      schedule_tracks: 1,
      locations: 1,
      custom_lists: guides.length + 1,
      custom_list_items: 1,
      custom_list_item_relations: 1,
      links: 1,
    },
    budget: { day: '1970-01-01', count: 0 },
  };
}

export function customListDefaults(): Omit<SandboxCustomList, 'id' | 'guide' | 'name'> {
  return { import_id: null, allow_rating: true, disable_todo: false, created_at: EPOCH_TIMESTAMP, last_updated: EPOCH_TIMESTAMP };
}

export function customListItemDefaults(): Omit<SandboxCustomListItem, 'id' | 'guide' | 'name'> {
  return {
    subtitle: null,
    description_html: '',
    import_id: null,
    allow_rating: true,
    locations: [],
    contact_email: null,
    image: null,
    thumbnail: null,
    created_at: EPOCH_TIMESTAMP,
    last_updated: EPOCH_TIMESTAMP,
  };
}

/** The "Speakers" list a new guide comes with, one per guide, numbered in guide order. */
export function defaultCustomLists(guides: ReadonlyArray<{ id: number }>): SandboxCustomList[] {
  return guides.map((g, index) => ({ id: index + 1, guide: g.id, name: 'Speakers', ...customListDefaults() }));
}
