// Checks shared by every resource: whose guide is this, and a list query's guide and integer filters.
import { addError, type FieldErrors } from './field-reader.js';
import { MESSAGES } from './drf-fields.js';
import { PERMISSION_DENIED, type Refusal } from './resource.js';
import type { SandboxStore } from './store.js';

export type GuideAccess = 'own' | 'other' | 'missing';

export function guideAccess(store: SandboxStore, guideId: number): GuideAccess {
  const guide = store.guide(guideId);
  if (!guide) return 'missing';
  return guide.owner === store.account ? 'own' : 'other';
}

/** Checks the body's guide of a create, or a PATCH's attempt to move a record to another guide. */
export function checkWriteGuide(
  store: SandboxStore,
  guide: number | undefined,
  existingGuide: number | undefined,
  errors: FieldErrors,
  what: string,
): 'forbidden' | undefined {
  if (guide === undefined) return;
  if (existingGuide !== undefined) {
    if (guide !== existingGuide) addError(errors, 'guide', `A ${what} cannot be moved to another guide.`);
    return;
  }
  const access = guideAccess(store, guide);
  if (access === 'missing') addError(errors, 'guide', `Invalid pk "${guide}" - object does not exist.`);
  if (access === 'other') return 'forbidden';
}

export interface GuideFilterRule {
  /** False only for v1 sessions, whose listing without a guide is every guide of the key. */
  required: boolean;
  /** The query parameter naming the guide (relations: `custom_list__guide`); its errors go under it. */
  param: string;
}

export type ListQuery<N extends string> = { ok: true; guide: number | null; numbers: Record<N, number | undefined> } | Refusal;

/** A list's guide filter, then its integer filters: a bad guide is answered alone, bad numbers together. */
export function readListQuery<N extends string>(
  store: SandboxStore,
  query: URLSearchParams,
  numberFilters: readonly N[],
  rule: GuideFilterRule = { required: true, param: 'guide' },
): ListQuery<N> {
  const guide = readGuideFilter(store, query, rule);
  if (!guide.ok) return guide;
  const errors: FieldErrors = {};
  const numbers = {} as Record<N, number | undefined>;
  for (const name of numberFilters) numbers[name] = readIntegerFilter(query, name, errors);
  if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
  return { ok: true, guide: guide.guide, numbers };
}

function readGuideFilter(store: SandboxStore, query: URLSearchParams, rule: GuideFilterRule): { ok: true; guide: number | null } | Refusal {
  const raw = query.get(rule.param) ?? '';
  if (raw === '') {
    return rule.required ? { ok: false, status: 400, errors: { [rule.param]: [MESSAGES.required] } } : { ok: true, guide: null };
  }
  if (!/^\d+$/.test(raw.trim())) return { ok: false, status: 400, errors: { [rule.param]: ['Enter a number.'] } };
  const guide = Number(raw);
  const access = guideAccess(store, guide);
  if (access === 'missing') {
    return {
      ok: false,
      status: 400,
      errors: { [rule.param]: ['Select a valid choice. That choice is not one of the available choices.'] },
    };
  }
  if (access === 'other') return { ok: false, status: 403, detail: PERMISSION_DENIED };
  return { ok: true, guide };
}

/** Reads an optional integer filter; undefined when absent or empty (django-filter skips those). */
function readIntegerFilter(query: URLSearchParams, name: string, errors: FieldErrors): number | undefined {
  const raw = query.get(name) ?? '';
  if (raw === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) {
    addError(errors, name, 'Enter a number.');
    return undefined;
  }
  return Number(raw);
}
