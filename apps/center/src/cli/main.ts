#!/usr/bin/env -S node --import tsx
// hallkit-center: the hall IT's command line. One file per subcommand group (hall.ts; accounts add
// admin.ts); this file only dispatches. Exit codes are the subcommand's (hall check: 0 valid, 1 invalid, 2 unusable).
import { hallCommand } from './hall.ts';
import { adminCommand } from './admin.ts';
import { secretsCommand } from './secrets.ts';
import { backupCommand } from './backup.ts';
import { provinceCommand } from './province.ts';

type Command = (args: string[]) => Promise<number>;
const COMMANDS: Record<string, { run: Command; help: string }> = {
  hall: {
    run: hallCommand,
    help: 'hall check|import|export FILE — the hall definition (workbook, CSV folder or hall file)',
  },
  admin: {
    run: (args) => adminCommand(args),
    help: 'admin create NAME [--link] [--reset] | admin remove-demo — hall admins without default passwords',
  },
  backup: {
    run: (args) => backupCommand(args),
    help: 'backup now | list | restore FILE — online copies of center.sqlite, and putting one back (docs/operations.md)',
  },
  province: {
    run: (args) => provinceCommand(args),
    help: 'province export --from=DAY --to=DAY [--format=xlsx|csv|jsonl] [--out=FILE] — the 好差评 records of a period as a file',
  },
  secrets: {
    run: (args) => secretsCommand(args),
    help: 'secrets status | rotate id-hash-key|door-code-key|mqtt-password | retire-id-key N — keys and passwords (docs/operations.md, 密钥)',
  },
};

const [group, ...rest] = process.argv.slice(2);
const cmd = group ? COMMANDS[group] : undefined;
if (!cmd) {
  console.log(
    `用法 / usage: hallkit-center <command> …\n${Object.entries(COMMANDS)
      .map(([k, v]) => `  ${k.padEnd(8)} ${v.help}`)
      .join('\n')}`,
  );
  process.exit(group ? 2 : 0);
}
process.exitCode = await cmd.run(rest);
