import { readFile } from 'node:fs/promises';
import { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import { sourcesConfigSchema, type SourcesConfig } from '../../schemas/sources.ts';
import { SyncError } from './errors.ts';

/** Parses sources.yaml text; every problem is reported with its line or field path. */
export function parseConfig(text: string, fileName: string): SourcesConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const details = doc.errors.map((e) => `  - ${e.message.split('\n')[0]}`).join('\n');
    throw new SyncError('config', `${fileName} is not valid YAML:\n${details}`);
  }
  const result = sourcesConfigSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    throw new SyncError('config', `${fileName} has errors:\n${indent(z.prettifyError(result.error))}`);
  }
  return result.data;
}

/** Reads and validates the sources file. */
export async function loadConfig(path: string): Promise<SourcesConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new SyncError(
      'config',
      `${path} ${reason}; create it (see content/board/sources.yaml) or pass --config FILE`,
      {
        cause: error,
      },
    );
  }
  return parseConfig(text, path);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
