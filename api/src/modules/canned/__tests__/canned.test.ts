import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket } from '../../ticket/__tests__/ticket.fixture.js';

const FIELDS = 'id title body shared ownerId viewerCanManage';
const LIST = `{ cannedResponses { ${FIELDS} } }`;
const CREATE = `mutation C($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation U($id: ID!, $i: UpdateCannedResponseInput!) { updateCannedResponse(id: $id, input: $i) { ${FIELDS} } }`;
const DELETE = `mutation D($id: ID!) { deleteCannedResponse(id: $id) }`;
const RENDER = `query R($id: ID!, $t: ID!) { renderCannedResponse(id: $id, ticketId: $t) }`;

describe.each(await testDatabases())('canned responses on %s', (db) => {
  const { server, t, tokens: tok } = useTenantPair(db, 'canned');

  const create = async (token: string, i: Record<string, unknown>) => (await gqlOk(server.url, CREATE, { i }, { token })).createCannedResponse;
  const titles = async (token: string) => (await gqlOk(server.url, LIST, {}, { token })).cannedResponses.map((c: any) => c.title);

  it('shows shared responses to every agent and private ones only to their author', async () => {
    const shared = await create(tok.admin, { title: 'Shared greeting', body: 'Hello', shared: true });
    const mine = await create(tok.agent1, { title: 'Agent one private', body: 'Mine', shared: false });
    expect(mine.ownerId).toBe(t.agent1.id);
    expect(mine.viewerCanManage).toBe(true);
    const asAgent = (await gqlOk(server.url, LIST, {}, { token: tok.agent1 })).cannedResponses;
    expect(asAgent.find((c: any) => c.id === shared.id).viewerCanManage).toBe(false);
    expect(await titles(tok.agent1)).toEqual(expect.arrayContaining(['Shared greeting', 'Agent one private']));
    const seenByAgent2 = await titles(tok.agent2);
    expect(seenByAgent2).toContain('Shared greeting');
    expect(seenByAgent2).not.toContain('Agent one private');
    expect(await titles(tok.admin)).not.toContain('Agent one private');
    expect(await titles(tok.otherAdmin)).toEqual([]);

    // Another agent can neither change nor delete a private response: it does not exist for them.
    expect(errorCode(await gql(server.url, UPDATE, { id: mine.id, i: { title: 'Hijacked' } }, { token: tok.agent2 }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, DELETE, { id: mine.id }, { token: tok.agent2 }))).toBe('NOT_FOUND');
    // Another tenant sees neither.
    expect(errorCode(await gql(server.url, UPDATE, { id: shared.id, i: { title: 'x' } }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, DELETE, { id: mine.id }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');
    expect((await titles(tok.agent1))).toContain('Agent one private');
  });

  it('lets only admins manage shared responses, and refuses customers everything', async () => {
    const denied = await gql(server.url, CREATE, { i: { title: 'Team', body: 'x', shared: true } }, { token: tok.agent1 });
    expect(errorCode(denied)).toBe('FORBIDDEN');
    const shared = await create(tok.admin, { title: 'Refund policy', body: 'Refunds take 5 days', shared: true });
    expect(errorCode(await gql(server.url, UPDATE, { id: shared.id, i: { body: 'changed' } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, DELETE, { id: shared.id }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    const mine = await create(tok.agent1, { title: 'Draft', body: 'x', shared: false });
    expect(errorCode(await gql(server.url, UPDATE, { id: mine.id, i: { shared: true } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, LIST, {}, { token: tok.customer1 }))).toBe('FORBIDDEN');

    const updated = (await gqlOk(server.url, UPDATE, { id: shared.id, i: { body: 'Refunds take 3 days' } }, { token: tok.admin })).updateCannedResponse;
    expect(updated.body).toBe('Refunds take 3 days');
    const renamed = (await gqlOk(server.url, UPDATE, { id: mine.id, i: { title: 'Final' } }, { token: tok.agent1 })).updateCannedResponse;
    expect(renamed.title).toBe('Final');
    expect((await gqlOk(server.url, DELETE, { id: mine.id }, { token: tok.agent1 })).deleteCannedResponse).toBe(true);
    expect(await titles(tok.agent1)).not.toContain('Final');
  });

  it('answers bad input per field', async () => {
    const result = await gql(server.url, CREATE, { i: { title: '   ', body: '', shared: false } }, { token: tok.agent1 });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors![0]!.extensions!.fields!)).toEqual(expect.arrayContaining(['title', 'body']));
  });

  it('fills the variables for a ticket the agent may see', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    const item = await create(tok.agent1, { title: 'Hi', body: 'Hi {{customer.name}}, about #{{ ticket.number }}: {{agent.name}} {{unknown}}', shared: false });
    const text = (await gqlOk(server.url, RENDER, { id: item.id, t: ticket.id }, { token: tok.agent1 })).renderCannedResponse;
    expect(text).toBe(`Hi customer1 of ${t.slug}, about #${ticket.number}: agent1 of ${t.slug} {{unknown}}`);
    expect(errorCode(await gql(server.url, RENDER, { id: item.id, t: ticket.id }, { token: tok.agent2 }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, RENDER, { id: item.id, t: ticket.id }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');
  });
});
