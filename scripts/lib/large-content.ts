/** A content folder for the scale benchmarks: the bundled content plus generated modules and a generated board. */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateModules, generateSnapshot } from './corpus.ts';
import { projectRoot } from './temp-project.ts';

/** Writes it to a new temporary folder and returns its path; the caller removes it. */
export async function largeContent(modules: number, items: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-large-'));
  await cp(join(projectRoot, 'content'), dir, { recursive: true });
  for (const file of generateModules(modules)) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.text);
  }
  await writeFile(join(dir, 'board', 'snapshot.json'), JSON.stringify(generateSnapshot(items)));
  return dir;
}
