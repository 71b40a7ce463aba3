import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { registryRecordSchema, type RegistryRecord } from './registry-record.js';

/** The reviewed registry: records by document id, and a hash per record so ingest can tell which changed. */
export interface Registry {
  file: string;
  records: Map<string, RegistryRecord>;
  hashes: Map<string, string>;
}

/** An error that names the registry file and line, so a reviewer can fix the record. */
export class RegistryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'RegistryError';
  }
}

/** Parses registry text: one JSON record a line, `#` comments and blank lines skipped, ids unique. */
export function parseRegistry(text: string, file = 'registry'): Registry {
  const records = new Map<string, RegistryRecord>();
  const hashes = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new RegistryError(file, i + 1, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = registryRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RegistryError(file, i + 1, `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`);
    }
    const rec = parsed.data;
    if (records.has(rec.id)) throw new RegistryError(file, i + 1, `duplicate id ${rec.id}`);
    records.set(rec.id, rec);
    hashes.set(rec.id, createHash('sha256').update(line).digest('hex').slice(0, 16));
  });
  return { file, records, hashes };
}

/** Reads and parses the registry file; a missing file is an error naming it (the setting is REGISTRY_FILE). */
export async function loadRegistry(file: string): Promise<Registry> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`document registry not readable at ${file} (set REGISTRY_FILE): ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseRegistry(text, file);
}
