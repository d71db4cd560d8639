import type { EntityManager } from '@mikro-orm/core';
import { CannedResponse } from './canned-response.entity.js';

/** Demo canned responses: two shared by the admin, one private to the first agent. Returns the id of "Greeting". */
export function seedCannedResponses(tx: EntityManager, members: Record<string, string>): string {
  const admin = members.admin!;
  const greeting = tx.create(CannedResponse, {
    title: 'Greeting',
    body: 'Hi {{customer.name}},\n\nThanks for reaching out about ticket #{{ticket.number}}. I am looking into it now.\n\n{{agent.name}}',
    shared: true,
    ownerId: admin,
  });
  tx.create(CannedResponse, {
    title: 'Resolved, please confirm',
    body: 'Hi {{customer.name}}, we believe ticket #{{ticket.number}} is fixed. Reply here if anything is still wrong.',
    shared: true,
    ownerId: admin,
  });
  tx.create(CannedResponse, {
    title: 'Need more details',
    body: 'Could you send a screenshot and the exact time it happened? Thanks, {{agent.name}}',
    shared: false,
    ownerId: members.agent1!,
  });
  return greeting.id;
}
