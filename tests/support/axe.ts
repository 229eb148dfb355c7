// axe-core in a page: WCAG 2.0–2.2 A and AA (and, where asked, axe's best practices). Loaded by
// evaluating its source rather than as a script tag, so that it also runs on pages whose Content
// Security Policy allows no script but their own files (the editors' app).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { rootDir } from '../../src/paths.js';

const axeSource = readFileSync(join(rootDir, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The violations axe finds in the page as it is, e.g. ["color-contrast (2)"]. */
export async function axeViolations(page: Page, { bestPractice = false } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', ...(bestPractice ? ['best-practice'] : [])];
  return page.evaluate(async (values) => {
    const { axe } = window as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    };
    const result = await axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  }, tags);
}
