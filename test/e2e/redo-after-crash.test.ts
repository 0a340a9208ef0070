import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// Issue 14 (SECURITY.md's former open defect): intake plans a note ahead for the name it hopes to get.
// A run killed after writing that plan, before the item, leaves the claim in staging and a plan with
// the claim's id. If that name is taken by the time the intake is redone, the item gets another name:
// the old plan must go, or the item has two plans and one of them links to nothing.

const tempVault = tempVaults();
const CLAIM_ID = '20261201-090000-0badc0de';
const OTHER_ID = '20261201-085959-00c0ffee';

const planAheadFor = (stem: string) => `---\nid: ${CLAIM_ID}\nsource: "[[${stem}]]"\ncreated: 2026-12-01T09:00:00\nstatus: pending\npriority: medium\nplanner: rules\ntags:\n  - ai-employee\n  - note\n---\n# ${stem}\n\n## Steps\n\n- [ ] Call Ann about the lease\n\n## Source\n\n[[${stem}]]\n`;
const otherItem = `---\nai_id: ${OTHER_ID}\nai_type: note\nai_status: needs_action\nai_received: 2026-12-01T08:59:59\nai_source: inbox\nai_original_name: report.md\n---\nSend the report to Bob.\n`;

describe('a claim redone after a crash', () => {
  test('gets one plan, linked to the name it really got; the plan written ahead for the lost name is removed', async () => {
    const vault = await tempVault({
      [`.ai-employee/staging/${CLAIM_ID}--report.md`]: 'Call Ann about the lease.\n',
      'Plans/PLAN_report.md': planAheadFor('report'),
      // Since the crash, the name the claim was planned for went to another item.
      'Needs_Action/report.md': otherItem,
    });

    const run = await runCli(['--once', '--vault', vault, '--ignore-constraints']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('removed 1 plan(s) written for items an earlier run did not finish taking in');

    expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual(['report (2).md', 'report.md']);
    expect(await listDir(path.join(vault, '.ai-employee', 'staging'))).toEqual([]);
    const plans = await listDir(path.join(vault, 'Plans'));
    const withClaimId: string[] = [];
    for (const plan of plans) if ((await fs.readFile(path.join(vault, 'Plans', plan), 'utf8')).includes(`id: ${CLAIM_ID}`)) withClaimId.push(plan);
    expect(withClaimId).toEqual(['PLAN_report (2).md']);
    expect(await fs.readFile(path.join(vault, 'Plans', 'PLAN_report (2).md'), 'utf8')).toContain('source: "[[report (2)]]"');
    const redone = await fs.readFile(path.join(vault, 'Needs_Action', 'report (2).md'), 'utf8');
    expect(redone).toContain(`ai_id: ${CLAIM_ID}`);
    expect(redone).toContain('ai_plan: "[[PLAN_report (2)]]"');
    expect(redone.endsWith('Call Ann about the lease.\n')).toBe(true);
    // The other item keeps the name and gets its own plan.
    expect(await fs.readFile(path.join(vault, 'Needs_Action', 'report.md'), 'utf8')).toContain(`ai_id: ${OTHER_ID}`);
    expect(plans).toHaveLength(2);

    // A second run changes nothing: no plan filed as "had no item", none added.
    const again = await runCli(['--once', '--vault', vault, '--ignore-constraints']);
    expect(again.code).toBe(0);
    expect(await listDir(path.join(vault, 'Plans'))).toEqual(plans);
    expect(await listDir(path.join(vault, 'Done'))).toEqual([]);
  });
});
