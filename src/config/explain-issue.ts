import { z } from 'zod';
import {
  type AnySchema,
  findUnionOnPath,
  isDurationSchema,
  kindOf,
  knownKeys,
  schemaAtPath,
  unionOptions,
  unwrapSchema,
} from './schema-at-path.js';

// Turns zod's issues on ai-employee.yaml into sentences naming the key path, the value given and what is allowed.

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

// jobs[0].schedule.every, as a user finds it in the file.
export function formatKeyPath(path: Path): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${String(segment)}` : String(segment);
  }, '');
}

function valueAtPath(input: unknown, path: Path): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

// A value as it appears in a message: strings quoted, long structures cut short.
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
};

function describeType(schema: AnySchema | undefined, expected: string): string {
  if (schema && isDurationSchema(schema)) return 'a duration like 500ms, 2s, 10m, 1h';
  return TYPE_WORDS[expected] ?? expected;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

function explainUnknownKey(at: string, key: string, known: string[]): string {
  const full = at ? `${at}.${key}` : key;
  const near = known.find((candidate) => editDistance(candidate.toLowerCase(), key.toLowerCase()) <= 2);
  const hint = near ? `; did you mean "${near}"?` : '';
  return `unknown key "${full}" (known keys: ${known.join(', ')})${hint}`;
}

function explainSize(issue: Issue & { code: 'too_big' | 'too_small' }, at: string, shown: string): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === 'array') return big ? `${at}: ${shown} has too many items; at most ${limit}` : `${at}: ${shown} needs at least ${limit} item${limit === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return big ? `${at}: ${shown} is too long; at most ${limit} characters` : `${at}: must not be empty`;
  const bound = big ? (issue.inclusive ? 'at most' : 'less than') : issue.inclusive ? 'at least' : 'more than';
  return `${at}: ${shown} is too ${big ? 'big' : 'small'}; use ${bound} ${limit}`;
}

function explainOne(issue: Issue, root: AnySchema, input: unknown, base: Path): string[] {
  const path = [...base, ...issue.path];
  const at = formatKeyPath(path) || '(top level)';
  const value = valueAtPath(input, issue.path);
  const shown = showValue(value);
  const schema = schemaAtPath(root, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => explainUnknownKey(formatKeyPath(path), key, schema ? knownKeys(schema) : []));
    case 'invalid_type':
      if (value === undefined) return [`${at} is missing; it must be ${describeType(schema, issue.expected)}`];
      return [`${at}: ${shown} is not allowed; expected ${describeType(schema, issue.expected)}`];
    case 'invalid_value':
      return [`${at}: ${shown} is not allowed; use one of ${issue.values.map(String).join(', ')}`];
    case 'too_big':
    case 'too_small':
      return [explainSize(issue, at, shown)];
    case 'invalid_format': {
      const allowed = issue.message.startsWith('Invalid') ? `text matching ${issue.pattern ?? issue.format}` : issue.message;
      return [`${at}: ${shown} is not allowed; use ${allowed}`];
    }
    default:
      if (value === undefined || issue.message.includes(shown)) return [`${at}: ${issue.message}`];
      return [`${at}: ${shown} — ${issue.message}`];
  }
}

function explainKeyedUnion(options: AnySchema[], input: unknown, path: Path): string[] {
  const at = formatKeyPath(path);
  const keys = options.flatMap(knownKeys);
  if (input === undefined) return [`${at} is missing; write one of ${keys.join(', ')}`];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [`${at}: ${showValue(input)} is not allowed; write one of ${keys.join(', ')} (for example "${keys[0]}: …")`];
  }
  const given = Object.keys(input);
  if (given.length === 0) return [`${at} is empty; write one of ${keys.join(', ')}`];
  const matching = options.filter((option) => knownKeys(option).some((key) => given.includes(key)));
  if (matching.length === 0) return given.map((key) => explainUnknownKey(at, key, keys));
  if (matching.length > 1) {
    const found = given.filter((key) => keys.includes(key));
    return [`${at}: use only one of ${keys.join(', ')} (found ${found.join(' and ')})`];
  }
  const result = z.safeParse(matching[0]!, input);
  return result.success ? [] : explainIssues(result.error.issues, matching[0]!, input, path);
}

// A union whose alternatives all failed: explain the alternative the value was meant for, else list what is allowed.
function explainUnion(union: AnySchema, input: unknown, path: Path): string[] {
  const options = unionOptions(union);
  if (options.every((option) => kindOf(option) === 'object')) return explainKeyedUnion(options, input, path);
  const failures = options.map((option) => z.safeParse(option, input));
  for (const [index, result] of failures.entries()) {
    if (result.success) return [];
    const onlyWrongType = result.error.issues.every((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
    if (!onlyWrongType) return explainIssues(result.error.issues, options[index]!, input, path);
  }
  const expected = options.map((option) => TYPE_WORDS[kindOf(option)] ?? kindOf(option));
  const words = isDurationSchema(union) ? describeType(union, '') : expected.join(' or ');
  return [`${formatKeyPath(path)}: ${showValue(input)} is not allowed; expected ${words}`];
}

function explainIssues(issues: readonly Issue[], root: AnySchema, input: unknown, base: Path): string[] {
  const messages: string[] = [];
  const explainedUnions = new Set<string>();
  for (const issue of issues) {
    const depth = findUnionOnPath(root, issue.path);
    // A refinement on the value after the union has chosen (e.g. "command" as a string) is explained as it is.
    const fromRefinement = issue.code === 'custom' && depth === issue.path.length;
    if (depth === undefined || fromRefinement) {
      messages.push(...explainOne(issue, root, input, base));
      continue;
    }
    const unionPath = issue.path.slice(0, depth);
    const key = formatKeyPath(unionPath);
    if (explainedUnions.has(key)) continue;
    explainedUnions.add(key);
    const union = schemaAtPath(root, unionPath) ?? unwrapSchema(root);
    messages.push(...explainUnion(union, valueAtPath(input, unionPath), [...base, ...unionPath]));
  }
  return [...new Set(messages)];
}

// Every problem zod found in a parsed file, one sentence each, in the file's order of keys as zod reports them.
export function explainConfigIssues(issues: readonly Issue[], input: unknown, schema: AnySchema): string[] {
  const messages = explainIssues(issues, schema, input, []);
  return messages.length > 0 ? messages : issues.map((issue) => `${formatKeyPath(issue.path)}: ${issue.message}`);
}
