// Checks shared by every resource: whose guide is this, and the guide list filter.
import { addError, type FieldErrors } from './field-reader.js';
import { MESSAGES } from './drf-fields.js';
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

export type GuideFilter =
  | { ok: true; guide: number | null }
  | { ok: false; status: 400; errors: FieldErrors }
  | { ok: false; status: 403; detail: string };

/** Reads `?guide=`; `required` is the v1.1 rule for sessions and the rule for tracks and locations. */
export function readGuideFilter(store: SandboxStore, query: URLSearchParams, required: boolean): GuideFilter {
  const raw = query.get('guide') ?? '';
  if (raw === '') {
    return required ? { ok: false, status: 400, errors: { guide: [MESSAGES.required] } } : { ok: true, guide: null };
  }
  if (!/^\d+$/.test(raw.trim())) return { ok: false, status: 400, errors: { guide: ['Enter a number.'] } };
  const guide = Number(raw);
  const access = guideAccess(store, guide);
  if (access === 'missing') {
    return { ok: false, status: 400, errors: { guide: ['Select a valid choice. That choice is not one of the available choices.'] } };
  }
  if (access === 'other') return { ok: false, status: 403, detail: 'You do not have permission to perform this action.' };
  return { ok: true, guide };
}

/** Reads an optional integer filter; undefined when absent or empty (django-filter skips those). */
export function readIntegerFilter(query: URLSearchParams, name: string, errors: FieldErrors): number | undefined {
  const raw = query.get(name) ?? '';
  if (raw === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) {
    addError(errors, name, 'Enter a number.');
    return undefined;
  }
  return Number(raw);
}
