// At start: if hall IT changed the hall file since the center last read it, the file becomes the
// next version (through the same checks as an edit); otherwise the center keeps its own history,
// so edits made in the admin console survive a restart.
import { stable, type HallDefinition } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import type { HallDefinitions } from './HallDefinitions.ts';
import type { HallEditor } from './HallEditor.ts';

const content = (d: HallDefinition) => stable({ ...d, v: 0, version: 0 });

export async function applyChangedHallFile(
  o: { hallConfig: HallDefinition; hallFile?: string },
  editor: HallEditor,
  definitions: HallDefinitions,
  logger: Logger,
): Promise<void> {
  const last = definitions.lastFromFile();
  if (last && content(last) === content(o.hallConfig)) return;
  if (content(editor.current()) === content(o.hallConfig)) return;
  const r = await editor.save(
    o.hallConfig,
    'hall-file',
    `大厅定义文件已更新${o.hallFile ? `：${o.hallFile}` : ''}`,
  );
  if (r.ok) logger.info('hall file changed: now in force', { version: r.version, file: o.hallFile });
  else
    logger.warn('hall file changed but refused; the version in force stays', {
      file: o.hallFile,
      problems: r.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.path.join('.')}: ${p.message}`),
    });
}
