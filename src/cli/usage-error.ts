// The one line a command line that yargs refuses becomes: what was wrong, the nearest thing the
// user may have meant, and the --help that lists what is right (the command's own when a command
// was named). yargs reports "Did you mean …?" and "Unknown argument(s): …" as separate failures;
// they are gathered here and said once.
import { didYouMean } from '../did-you-mean.js';

export interface UsageContext {
  argv: readonly string[];
  /** Names of the commands, e.g. ["import", "validate", …]. */
  commands: readonly string[];
  /** The options the named command knows (long names and aliases), once its builder has run. */
  optionsOf: (command: string) => readonly string[] | undefined;
}

export function usageLine(messages: readonly string[], context: UsageContext): string {
  const command = context.argv.find((arg) => context.commands.includes(arg));
  const help = command ? `guidebook-import ${command} --help` : 'guidebook-import --help';
  const unknown = messages.map((message) => /^Unknown arguments?: (.*)$/s.exec(message)?.[1]).find((list) => list !== undefined);
  if (unknown === undefined) {
    const text =
      messages
        .filter((message) => !message.startsWith('Did you mean'))
        .map((message) => plainer(message, command))
        .filter((message, i, all) => message !== '' && all.indexOf(message) === i)
        .join('; ') || 'invalid command line';
    return `${text} (run "${help}" for usage)`;
  }
  const names = unknown.split(',').map((name) => name.trim());
  if (!command) {
    // yargs lists the options of a command line without a command first ("guide, exprot" for
    // `exprot --guide 47`): the command meant is the first word typed that is not an option.
    const words = names.filter((name) => spelledAs(name, context.argv) === null);
    const first = context.argv.find((arg) => words.includes(arg)) ?? words[0];
    if (first === undefined) {
      const options = [...new Set(names.map((name) => spelledAs(name, context.argv) ?? name))];
      // Without a command only --help and --version exist: "--verison" is one of them misspelt.
      const [only] = options;
      const guess = options.length === 1 && only?.startsWith('--') ? didYouMean(only.slice(2), ['help', 'version']) : null;
      if (guess)
        return `unknown option ${only} (did you mean --${guess}?) (run "${help}" for the commands: ${context.commands.join(', ')})`;
      return `unknown option ${options.join(', ')}: name a command first (run "${help}" for the commands: ${context.commands.join(', ')})`;
    }
    if (context.argv[0] === 'completion') {
      return `completion: unexpected argument "${first}": it writes the script for the shell in $SHELL (bash or zsh), e.g. guidebook-import completion >> ~/.bashrc`;
    }
    const guess = didYouMean(first, context.commands);
    const hint = guess ? `: did you mean "${guess}"?` : '';
    return `unknown command "${first}"${hint} (run "${help}" for the commands: ${context.commands.join(', ')})`;
  }
  const known = context.optionsOf(command) ?? [];
  const parts = new Set<string>();
  for (const name of names) {
    const typed = spelledAs(name, context.argv);
    if (typed === null) {
      parts.add(`unexpected argument ${JSON.stringify(name)}`);
      continue;
    }
    // yargs names "--creat-missing" twice (as typed and camelCased): said once, as typed.
    const bare = typed.replace(/^-+/, '');
    const guess =
      bare.length > 1
        ? didYouMean(
            bare,
            known.filter((option) => option.length > 1 && !/[A-Z]/.test(option)),
          )
        : null;
    parts.add(`unknown option ${typed}${guess ? ` (did you mean --${guess}?)` : ''}`);
  }
  return `${command}: ${[...parts].join('; ')} (run "${help}" for its options)`;
}

/** The option as the user typed it ("--dryrun", "-x"), or null when it was not an option (a stray word). */
function spelledAs(name: string, argv: readonly string[]): string | null {
  const camel = (text: string) => text.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const arg of argv) {
    const flag = arg.split('=', 1)[0] ?? '';
    if (!flag.startsWith('-')) continue;
    const bare = flag.replace(/^--?/, '');
    // yargs names --no-x as "x" too, and each long option also camelCased.
    const spellings = [bare, camel(bare), ...(bare.startsWith('no-') ? [bare.slice(3), camel(bare.slice(3))] : [])];
    if (spellings.includes(name)) return flag;
  }
  return null;
}

/**
 * yargs' own wording for a missing positional or a value outside its choices, said the way this
 * CLI's other option errors are ("--format must be csv or xlsx; got "xls"").
 */
function plainer(message: string, command: string | undefined): string {
  // "Not enough non-option arguments: got 0, need at least 1" comes with the named one below.
  if (/^Not enough non-option arguments/.test(message)) return '';
  const missing = /^Missing required arguments?: (.*)$/s.exec(message)?.[1];
  if (missing !== undefined) {
    const names = missing.split(',').map((name) => `<${name.trim()}>`);
    const usage = command ? `: guidebook-import ${command} ${names.join(' ')}` : '';
    const what = names.join(' ') === '<file>' ? ' (a sheet, a feed, an http(s) URL, or - for standard input)' : '';
    return `${command ? `${command}: ` : ''}missing ${names.join(', ')}${usage}${what}`;
  }
  const choice = /^Invalid values:\s*Argument: (\S+), Given: (.*), Choices: (.*)$/s.exec(message);
  if (choice) {
    const choices = (choice[3] ?? '').split(',').map((text) => text.trim().replace(/^"|"$/g, ''));
    const listed = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` : (choices[0] ?? '');
    return `--${choice[1]} must be ${listed}; got ${choice[2]}`;
  }
  return message;
}
