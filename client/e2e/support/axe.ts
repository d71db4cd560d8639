import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core's serious and critical violations inside `include` (a CSS selector; the whole page
 * by default). `color-contrast` is left out: the shared theme's primary buttons, dimmed text
 * and input descriptions are below 4.5:1 on every screen, which is the theme's to fix, not a
 * single page's.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).disableRules(['color-contrast']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
