import { Migration } from '@mikro-orm/migrations';

export class Migration20261121213809 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`business_calendars\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`timezone\` text not null, \`hours\` json not null, \`holidays\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`business_calendars_tenant_id_index\` on \`business_calendars\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`business_calendars_tenant_id_unique\` on \`business_calendars\` (\`tenant_id\`);`);

    this.addSql(`create table \`notifications\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`recipient_id\` text not null, \`type\` text not null, \`ticket_id\` text not null, \`event_id\` text not null, \`title\` text not null, \`read_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`notifications_tenant_id_index\` on \`notifications\` (\`tenant_id\`);`);
    this.addSql(`create index \`notifications_tenant_id_recipient_id_read_at_id_index\` on \`notifications\` (\`tenant_id\`, \`recipient_id\`, \`read_at\`, \`id\`);`);

    this.addSql(`create table \`sla_policies\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`category\` text not null, \`priority_key\` text not null, \`first_response_minutes\` integer not null, \`resolution_minutes\` integer not null, \`business_hours\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`sla_policies_tenant_id_index\` on \`sla_policies\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`sla_policies_tenant_id_category_priority_key_unique\` on \`sla_policies\` (\`tenant_id\`, \`category\`, \`priority_key\`);`);

    this.addSql(`alter table \`tickets\` add column \`sla_policy_id\` text null;`);
    this.addSql(`alter table \`tickets\` add column \`sla_business_hours\` integer not null default false;`);
    this.addSql(`alter table \`tickets\` add column \`sla_first_response_minutes\` integer null;`);
    this.addSql(`alter table \`tickets\` add column \`sla_resolution_minutes\` integer null;`);
    this.addSql(`alter table \`tickets\` add column \`first_response_due_at\` datetime null;`);
    this.addSql(`alter table \`tickets\` add column \`first_response_at_risk_at\` datetime null;`);
    this.addSql(`alter table \`tickets\` add column \`resolution_due_at\` datetime null;`);
    this.addSql(`alter table \`tickets\` add column \`resolution_at_risk_at\` datetime null;`);
    this.addSql(`alter table \`tickets\` add column \`sla_paused_at\` datetime null;`);
    this.addSql(`alter table \`tickets\` add column \`sla_paused_minutes\` double not null default 0;`);
    this.addSql(`alter table \`tickets\` add column \`sla_notified\` integer not null default 0;`);
    this.addSql(`alter table \`tickets\` add column \`sla_due_at\` datetime null;`);
    this.addSql(`alter table \`tickets\` add column \`sla_at_risk_at\` datetime null;`);
    this.addSql(`alter table \`tickets\` add column \`sla_next_check_at\` datetime null;`);
    this.addSql(`create index \`tickets_sla_next_check_at_index\` on \`tickets\` (\`sla_next_check_at\`);`);
  }

}
