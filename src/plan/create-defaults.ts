import type { ApiVersion } from './desired-fields.js';

/**
 * What a new session holds for the fields a create does not send, as the Open API documents it:
 * in v1.1 a session is rateable and can be added to a schedule unless told otherwise. v1 does not
 * document these defaults, so the cautious reading (off) is kept there: a rule that needs
 * add_to_schedule is then flagged before a request rather than refused after one.
 */
export function createDefaults(apiVersion: ApiVersion): {
  allow_rating: boolean;
  add_to_schedule: boolean;
  require_login: boolean;
  max_capacity: null;
  waitlist: boolean;
} {
  const onByDefault = apiVersion === 'v1.1';
  return { allow_rating: onByDefault, add_to_schedule: onByDefault, require_login: false, max_capacity: null, waitlist: false };
}
