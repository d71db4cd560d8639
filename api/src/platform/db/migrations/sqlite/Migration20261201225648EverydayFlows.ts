import { Migration } from '@mikro-orm/migrations';

export class Migration20261201225648 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`tenants\` add column \`customers_see_priority\` integer not null default false;`);

    this.addSql(`alter table \`ticket_events\` add column \`triage\` integer not null default false;`);

    this.addSql(`alter table \`memberships\` add column \`last_sign_in_at\` datetime null;`);

    // Events written before the flag: tag changes and priority-only updates are staff triage data.
    this.addSql(`update \`ticket_events\` set \`triage\` = 1 where \`type\` in ('TAG_ADDED', 'TAG_REMOVED') or (\`type\` = 'TICKET_UPDATED' and json_array_length(\`payload\`, '$.changes') = 1 and json_extract(\`payload\`, '$.changes[0].field') = 'priority');`);
  }

}
