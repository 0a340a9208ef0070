import type { z } from 'zod';

// Walks the config schema along a key path, so an error message can say which keys and values are allowed there.

export type AnySchema = z.core.$ZodType;

interface LooseDef {
  type: string;
  [field: string]: unknown;
}

function defOf(schema: AnySchema): LooseDef {
  return schema._zod.def as unknown as LooseDef;
}

// The schema's kind: object, array, union, string, number, enum, …
export function kindOf(schema: AnySchema): string {
  return defOf(unwrapSchema(schema)).type;
}

// Strips the wrappers (default, optional, transform…) that do not change which keys a value may have.
export function unwrapSchema(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(def.type)) current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else return current;
  }
}

// A duration is written as text or a number and turned into milliseconds by a transform.
export function isDurationSchema(schema: AnySchema): boolean {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'pipe') return defOf(def.out as AnySchema).type === 'transform';
    if (['default', 'prefault', 'optional', 'nullable'].includes(def.type)) current = def.innerType as AnySchema;
    else return false;
  }
}

// The alternatives of a union, unwrapped.
export function unionOptions(schema: AnySchema): AnySchema[] {
  const def = defOf(unwrapSchema(schema));
  return def.type === 'union' ? (def.options as AnySchema[]).map(unwrapSchema) : [];
}

// The keys an object schema allows (for a union of objects, the keys of all of them).
export function knownKeys(schema: AnySchema): string[] {
  const def = defOf(unwrapSchema(schema));
  if (def.type === 'object') return Object.keys(def.shape as Record<string, unknown>);
  if (def.type === 'union') return [...new Set(unionOptions(schema).flatMap(knownKeys))];
  return [];
}

function childSchema(schema: AnySchema, segment: PropertyKey): AnySchema | undefined {
  const def = defOf(unwrapSchema(schema));
  if (def.type === 'object') return (def.shape as Record<string, AnySchema>)[String(segment)];
  if (def.type === 'array') return def.element as AnySchema;
  return undefined;
}

// The schema found at a key path (as written, wrappers kept), or undefined past a union or an unknown key.
export function schemaAtPath(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    current = childSchema(current, segment);
  }
  return current;
}

// How many leading segments of a path lead to the first union on it, if any does.
export function findUnionOnPath(root: AnySchema, path: readonly PropertyKey[]): number | undefined {
  let current: AnySchema | undefined = root;
  for (let depth = 0; current; depth += 1) {
    if (kindOf(current) === 'union') return depth;
    if (depth === path.length) return undefined;
    current = childSchema(current, path[depth]!);
  }
  return undefined;
}
