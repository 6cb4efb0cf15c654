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
    const text = messages.filter((message) => !message.startsWith('Did you mean')).join('; ') || 'invalid command line';
    return `${text} (run "${help}" for usage)`;
  }
  const names = unknown.split(',').map((name) => name.trim());
  if (!command) {
    // yargs lists the options of a command line without a command first ("guide, exprot" for
    // `exprot --guide 47`): the command meant is the first word typed that is not an option.
    const words = names.filter((name) => spelledAs(name, context.argv) === null);
    const first = context.argv.find((arg) => words.includes(arg)) ?? words[0];
    if (first === undefined) {
      const options = names.map((name) => spelledAs(name, context.argv) ?? name);
      return `unknown option ${[...new Set(options)].join(', ')}: name a command first (run "${help}" for the commands: ${context.commands.join(', ')})`;
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
