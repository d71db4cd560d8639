import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../metrics.js';

describe('docs/grafana-dashboard.json', () => {
  it('only charts metrics the API exports', async () => {
    const dashboard = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../../docs/grafana-dashboard.json'), 'utf8')) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const used = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/sociodesk_[a-z0-9_]+/g) ?? [])));
    const exported = new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
    const base = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    const missing = [...used].filter((name) => !exported.has(name) && !exported.has(base(name)));
    expect(used.size).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });
});
