import { Migration } from '@mikro-orm/migrations';

export class Migration20261201225655 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`tenants\` add \`customers_see_priority\` tinyint(1) not null default false;`);

    this.addSql(`alter table \`ticket_events\` add \`triage\` tinyint(1) not null default false;`);

    this.addSql(`alter table \`memberships\` add \`last_sign_in_at\` datetime(3) null;`);

    // Events written before the flag: tag changes and priority-only updates are staff triage data.
    this.addSql(`update \`ticket_events\` set \`triage\` = 1 where \`type\` in ('TAG_ADDED', 'TAG_REMOVED') or (\`type\` = 'TICKET_UPDATED' and json_length(\`payload\`, '$.changes') = 1 and json_unquote(json_extract(\`payload\`, '$.changes[0].field')) = 'priority');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`memberships\` drop column \`last_sign_in_at\`;`);

    this.addSql(`alter table \`tenants\` drop column \`customers_see_priority\`;`);

    this.addSql(`alter table \`ticket_events\` drop column \`triage\`;`);
  }

}
