// The sandbox's public API: a local Guidebook-compatible server for tests and rehearsals.
export { startSandbox } from './server.js';
export { defaultSandboxState, SANDBOX_ACCOUNT } from './default-state.js';
export { DEFAULT_DAILY_BUDGET, FAITHFUL_SETTINGS } from './faults.js';
export type {
  FaultSettings,
  LinkContentType,
  SandboxCustomList,
  SandboxCustomListItem,
  SandboxCustomListItemRelation,
  SandboxImage,
  SandboxLink,
  SandboxPublication,
  RequestLogEntry,
  SandboxGuide,
  SandboxHandle,
  SandboxLocation,
  SandboxOptions,
  SandboxScheduleTrack,
  SandboxSession,
  SandboxState,
  WritableKind,
} from './types.js';
