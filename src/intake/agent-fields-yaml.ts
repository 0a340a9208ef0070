import { changedYaml, parseYamlData, stringifyFrontmatter, type Frontmatter, type SplitNote } from '../vault/frontmatter.js';
import { parseSimpleFrontmatter } from '../vault/simple-frontmatter.js';

// The frontmatter of a note taken in: the user's lines exactly as they typed them, then the agent's
// ai_ fields as lines of their own, so `undo` can take those lines out and give back the very bytes
// that were dropped. When appending would not read back as the user's keys plus the agent's (a flow
// mapping, a key already there…), the fields are set through the YAML document instead.
export function yamlWithAgentFields(split: SplitNote, fields: Frontmatter): string {
  if (split.kind !== 'yaml' || split.yamlText.trim() === '') return changedYaml(split, fields);
  if (Object.keys(fields).some((key) => key in split.data)) return changedYaml(split, fields);
  const userText = split.yamlText.endsWith('\n') ? split.yamlText : `${split.yamlText}\n`;
  const appended = userText + stringifyFrontmatter(fields);
  const expected = JSON.stringify({ ...split.data, ...fields });
  // Most frontmatter is plain enough for the fast reader, which agrees with the full parser whenever it answers.
  const simple = parseSimpleFrontmatter(Buffer.from(`---\n${appended}---\n`));
  if (simple) return JSON.stringify(simple.data) === expected ? appended : changedYaml(split, fields);
  try {
    if (JSON.stringify(parseYamlData(appended)) === expected) return appended;
  } catch {
    // Not valid once appended: fall through to the document.
  }
  return changedYaml(split, fields);
}
