import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';

const SET = `mutation S($tags: [String!]) { updateWorkspaceSettings(input: { presetTags: $tags }) { presetTags customersSeePriority } }`;
const PRESETS = `{ presetTags }`;

describe.each(await testDatabases())('preset tags on %s', (db) => {
  const { server, tokens } = useTenantPair(db, 'presets');

  it('are set by admins, normalised like ticket tags, and read by every staff member of that workspace only', async () => {
    const saved = await gqlOk(server.url, SET, { tags: ['Investasi PMA/PMDN', 'Pajak Daerah', 'pajak-daerah', '  Perizinan Baru '] }, { token: tokens.admin });
    expect(saved.updateWorkspaceSettings).toEqual({ presetTags: ['investasi-pma-pmdn', 'pajak-daerah', 'perizinan-baru'], customersSeePriority: false });
    expect((await gqlOk(server.url, PRESETS, {}, { token: tokens.agent1 })).presetTags).toEqual(['investasi-pma-pmdn', 'pajak-daerah', 'perizinan-baru']);
    // Another workspace keeps its own (none), and changing it leaves this one alone.
    expect((await gqlOk(server.url, PRESETS, {}, { token: tokens.otherAgent })).presetTags).toEqual([]);
    await gqlOk(server.url, SET, { tags: ['elsewhere'] }, { token: tokens.otherAdmin });
    expect((await gqlOk(server.url, PRESETS, {}, { token: tokens.agent2 })).presetTags).toEqual(['investasi-pma-pmdn', 'pajak-daerah', 'perizinan-baru']);
    // Leaving the field out keeps them.
    const kept = await gqlOk(server.url, `mutation { updateWorkspaceSettings(input: { customersSeePriority: false }) { presetTags } }`, {}, { token: tokens.admin });
    expect(kept.updateWorkspaceSettings.presetTags).toHaveLength(3);
  });

  it('are refused to agents to change and to customers to read, and bad lists answer BAD_USER_INPUT', async () => {
    expect(errorCode(await gql(server.url, SET, { tags: ['x'] }, { token: tokens.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, PRESETS, {}, { token: tokens.customer1 }))).toBe('FORBIDDEN');
    const tooLong = await gql(server.url, SET, { tags: ['x'.repeat(41)] }, { token: tokens.admin });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    const tooMany = await gql(server.url, SET, { tags: Array.from({ length: 51 }, (_, i) => `tag-${i}`) }, { token: tokens.admin });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect((await gqlOk(server.url, PRESETS, {}, { token: tokens.admin })).presetTags).not.toContain('tag-0');
  });
});
