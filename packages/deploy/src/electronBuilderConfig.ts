import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import yaml from 'js-yaml';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** electron-builder's `extends` merge: objects merge key by key, everything else is replaced. */
function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over))
    out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Json, v) : v;
  return out;
}

/** An app's packaging config with its `extends` chain resolved, as electron-builder would see it. */
export function loadElectronBuilderConfig(file: string): Json {
  const raw = yaml.load(readFileSync(file, 'utf8'));
  if (!isObject(raw)) throw new Error(`${file} is not a YAML mapping`);
  const { extends: parent, ...own } = raw;
  if (typeof parent !== 'string') return own;
  return merge(loadElectronBuilderConfig(resolve(dirname(file), parent)), own);
}
