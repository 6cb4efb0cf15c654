#!/usr/bin/env node
// The GitHub Action's entry (action.yml runs it; tests run it directly with INPUT_* variables):
// the action's inputs → one `guidebook-import import` command line, run with the key from the
// environment (a secret), its JSON summary → the step's outputs and job summary, and its exit code
// → the step's result:
//   0 done (or the source unchanged: nothing sent)    → success
//   1 some rows invalid, conflicting or failed         → failure (a warning with fail-on-row-errors: false)
//   2 the run could not start (key, guide, source)     → failure
//   3 stopped early (budget, --max-requests, signal)   → failure
// Plain JavaScript on Node 20, so the action needs no build of its own; it never prints the key.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

const input = (name, fallback = '') => (env[`INPUT_${name.toUpperCase().replace(/[ -]/g, '_')}`] ?? fallback).trim();
const yes = (name, fallback) => /^(true|yes|1|on)$/i.test(input(name, fallback));

/** The flags input split like a shell would split simple words: spaces, with '…' and "…" quoting. */
export function splitFlags(text) {
  const words = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    words.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? match[3]));
  }
  return words;
}

const MEANING = {
  0: 'done',
  1: 'some rows are invalid, conflicting or failed: see the report',
  2: 'the run could not start (API key, guide, source or options): see the log',
  3: 'the run stopped early (request budget, --max-requests or a signal): run it again later',
};

async function main() {
  const source = input('source');
  const guide = input('guide');
  if (!source || !guide) {
    process.stdout.write('::error::the source and guide inputs are required\n');
    return 2;
  }
  const report = input('report', 'guidebook-import-report.html');
  const args = ['import', source, '--guide', guide, '--report', report, '--json'];
  if (yes('if-source-changed', 'true')) args.push('--if-source-changed');
  if (yes('dry-run', 'false')) args.push('--dry-run');
  if (input('api-url')) args.push('--api-url', input('api-url'));
  args.push(...splitFlags(input('flags')));

  // The built CLI of this checkout; GUIDEBOOK_IMPORT_CLI names another (tests run the sources through tsx).
  const cli = env.GUIDEBOOK_IMPORT_CLI ? splitFlags(env.GUIDEBOOK_IMPORT_CLI) : [resolve(ROOT, 'dist/cli/main.js')];
  const child = spawn(process.execPath, [...cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const code = await new Promise((done) => child.on('close', (exitCode) => done(exitCode ?? 3)));
  const summary = lastJsonLine(stdout);

  output('exit-code', String(code));
  output('report', existsSync(report) ? resolve(report) : '');
  output('source-unchanged', String(summary?.source_unchanged === true));
  output('summary', summary ? JSON.stringify(summary) : '');
  jobSummary(source, guide, code, summary);

  const failOnRows = yes('fail-on-row-errors', 'true');
  if (code === 0) process.stdout.write(summary?.source_unchanged ? 'source unchanged: nothing sent\n' : 'import done\n');
  else if (code === 1 && !failOnRows) process.stdout.write(`::warning::${MEANING[1]}\n`);
  else process.stdout.write(`::error::guidebook-import exited ${code}: ${MEANING[code] ?? 'unexpected exit'}\n`);
  // action.yml defers the failure until the report is uploaded; run directly, the code is the result.
  if (yes('defer-exit', 'false')) return 0;
  return code === 1 && !failOnRows ? 0 : code;
}

function lastJsonLine(text) {
  const line = text.trim().split('\n').pop();
  try {
    return line ? JSON.parse(line) : null;
  } catch {
    return null;
  }
}

function output(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}<<__GBI__\n${value}\n__GBI__\n`);
}

function jobSummary(source, guide, code, summary) {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const shown = source.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, '');
  const lines = [`### guidebook-import: ${shown} → guide ${guide}`, '', `Exit code **${code}**: ${MEANING[code] ?? 'unexpected exit'}.`, ''];
  if (summary?.source_unchanged) lines.push(`The source is unchanged since the clean run of ${summary.since}: no API request was sent.`);
  else if (summary) {
    lines.push('| created | updated | unchanged | deleted | invalid | conflicts | failed | requests |', '|---|---|---|---|---|---|---|---|');
    lines.push(
      `| ${['created', 'updated', 'unchanged', 'deleted', 'invalid', 'conflicts', 'failed', 'requests'].map((key) => summary[key] ?? 0).join(' | ')} |`,
    );
  }
  appendFileSync(env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`);
}

process.exitCode = await main();
