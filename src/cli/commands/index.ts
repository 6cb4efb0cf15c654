import type { CliCommand } from './command.js';
import { dedupeCommand } from './dedupe.js';
import { exportCommand } from './export.js';
import { guidesCommand } from './guides.js';
import { importCommand } from './import.js';
import { sandboxCommand } from './sandbox.js';
import { templateCommand } from './template.js';
import { validateCommand } from './validate.js';

export const commands: CliCommand[] = [
  importCommand,
  validateCommand,
  templateCommand,
  exportCommand,
  guidesCommand,
  dedupeCommand,
  sandboxCommand,
];
