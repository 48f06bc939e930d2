// `hallkit-center admin …`: hall admins without default passwords. One file per subcommand
// (adminCreate.ts, adminRemoveDemo.ts); this one picks it. Settings as for the center (--data=DIR …).
import { adminCreate } from './adminCreate.ts';
import { adminRemoveDemo } from './adminRemoveDemo.ts';
import { UsageError, type CliCommand, type CliContext } from './CliCommand.ts';

const SUBCOMMANDS: Record<string, CliCommand> = { create: adminCreate, 'remove-demo': adminRemoveDemo };

const USAGE = `hallkit-center admin <create NAME [--link] [--reset] | remove-demo> [--data=DIR] [--public-url=URL]

  create NAME    add a hall admin: asks for the password on a terminal, or (--link, or no terminal)
                 prints a one-time setup link (24 h); --reset sets a new password for an existing admin
  remove-demo    remove the demo's accounts that still have their demo passwords
  exit code: 0 ok, 1 refused, 2 usage error`;

export async function adminCommand(argv: string[], io: CliContext['io'] = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('--'));
  const cmd = words[0] ? SUBCOMMANDS[words[0]] : undefined;
  if (!cmd) {
    io.err(USAGE);
    return 2;
  }
  try {
    return await cmd({ args: words.slice(1), argv, io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`hallkit-center admin ${words[0]}: ${(e as Error).message}`);
    return 1;
  }
}
