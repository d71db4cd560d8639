import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export interface AxeScope {
  /** CSS selectors of the parts to check (default: the whole page). */
  include?: string[];
  /** CSS selectors left out. */
  exclude?: string[];
}

/** Runs axe-core on the page (or the given parts of it) as it is now and returns the serious and critical violations. */
export async function seriousViolations(page: Page, where: AxeScope | string = {}): Promise<AxeViolation[]> {
  const scope: AxeScope = typeof where === 'string' ? { include: [where] } : where;
  // Evaluated through the debugging protocol: the app's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // Colours are measured as they settle: wait (at most 2 s) for running CSS transitions and
  // animations, such as a modal fading in, to finish.
  await page.waitForTimeout(300);
  await page.evaluate(() =>
    Promise.race([Promise.allSettled(document.getAnimations().map((a) => a.finished)), new Promise((resolve) => setTimeout(resolve, 2000))]),
  );
  return page.evaluate(async ({ include, exclude }) => {
    type Result = { violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<Result> } }).axe;
    const context = include?.length || exclude?.length ? { include: include?.length ? include.map((s) => [s]) : [['html']], exclude: (exclude ?? []).map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, scope);
}
