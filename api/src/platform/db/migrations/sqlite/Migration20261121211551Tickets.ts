import { Migration } from '@mikro-orm/migrations';

export class Migration20261121211551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`attachments\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`message_id\` text null, \`ticket_id\` text null, \`uploader_id\` text not null, \`filename\` text not null, \`content_type\` text not null, \`size\` integer not null, \`storage_key\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`attachments_tenant_id_index\` on \`attachments\` (\`tenant_id\`);`);
    this.addSql(`create index \`attachments_tenant_id_message_id_index\` on \`attachments\` (\`tenant_id\`, \`message_id\`);`);

    this.addSql(`create table \`idempotency_keys\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`principal_id\` text not null, \`operation\` text not null, \`key\` text not null, \`result_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`idempotency_keys_tenant_id_index\` on \`idempotency_keys\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`idempotency_keys_tenant_id_principal_id_operation_key_unique\` on \`idempotency_keys\` (\`tenant_id\`, \`principal_id\`, \`operation\`, \`key\`);`);

    this.addSql(`create table \`messages\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`ticket_id\` text not null, \`author_id\` text null, \`body\` text not null, \`internal\` integer not null default false, \`kind\` text not null default 'TEXT', primary key (\`id\`));`);
    this.addSql(`create index \`messages_tenant_id_index\` on \`messages\` (\`tenant_id\`);`);
    this.addSql(`create index \`messages_tenant_id_ticket_id_created_at_id_index\` on \`messages\` (\`tenant_id\`, \`ticket_id\`, \`created_at\`, \`id\`);`);

    this.addSql(`create table \`tenant_counters\` (\`tenant_id\` text not null, \`name\` text not null, \`value\` bigint not null, primary key (\`tenant_id\`, \`name\`));`);

    this.addSql(`create table \`tickets\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`number\` integer not null, \`title\` text not null, \`description\` text not null, \`status\` text not null default 'OPEN', \`priority\` text not null, \`priority_rank\` integer not null, \`category\` text not null, \`channel\` text not null, \`customer_id\` text not null, \`assignee_id\` text null, \`escalation_level\` integer not null default 0, \`tags\` json not null, \`version\` integer not null default 1, \`first_response_at\` datetime null, \`resolved_at\` datetime null, \`closed_at\` datetime null, \`deleted_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`tickets_tenant_id_index\` on \`tickets\` (\`tenant_id\`);`);
    this.addSql(`create index \`tickets_tenant_id_assignee_id_index\` on \`tickets\` (\`tenant_id\`, \`assignee_id\`);`);
    this.addSql(`create index \`tickets_tenant_id_customer_id_index\` on \`tickets\` (\`tenant_id\`, \`customer_id\`);`);
    this.addSql(`create index \`tickets_tenant_id_updated_at_index\` on \`tickets\` (\`tenant_id\`, \`updated_at\`);`);
    this.addSql(`create index \`tickets_tenant_id_status_created_at_index\` on \`tickets\` (\`tenant_id\`, \`status\`, \`created_at\`);`);
    this.addSql(`create unique index \`tickets_tenant_id_number_unique\` on \`tickets\` (\`tenant_id\`, \`number\`);`);

    this.addSql(`create table \`ticket_events\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`seq\` bigint not null, \`type\` text not null, \`ticket_id\` text not null, \`actor_id\` text null, \`internal\` integer not null default false, \`payload\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`ticket_events_tenant_id_index\` on \`ticket_events\` (\`tenant_id\`);`);
    this.addSql(`create index \`ticket_events_tenant_id_ticket_id_seq_index\` on \`ticket_events\` (\`tenant_id\`, \`ticket_id\`, \`seq\`);`);
    this.addSql(`create unique index \`ticket_events_tenant_id_seq_unique\` on \`ticket_events\` (\`tenant_id\`, \`seq\`);`);

    this.addSql(`create table \`ticket_tags\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`ticket_id\` text not null, \`tag\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`ticket_tags_tenant_id_index\` on \`ticket_tags\` (\`tenant_id\`);`);
    this.addSql(`create index \`ticket_tags_tenant_id_tag_index\` on \`ticket_tags\` (\`tenant_id\`, \`tag\`);`);
    this.addSql(`create unique index \`ticket_tags_ticket_id_tag_unique\` on \`ticket_tags\` (\`ticket_id\`, \`tag\`);`);
  }

}
