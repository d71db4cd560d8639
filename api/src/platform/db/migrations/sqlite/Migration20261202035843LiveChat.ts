import { Migration } from '@mikro-orm/migrations';

export class Migration20261202035843 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`chats\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`ticket_id\` text not null, \`widget_key_id\` text not null, \`department_id\` text null, \`customer_id\` text not null, \`visitor_name\` text not null, \`visitor_email\` text not null, \`company\` text null, \`topic\` text not null, \`ip\` text not null, \`user_agent\` text not null, \`page_url\` text null, \`visitor_id\` text null, \`token_hash\` text not null, \`locale\` text not null default 'en', \`queued\` integer not null default true, \`offline\` integer not null default false, \`visitor_read_at\` datetime null, \`agent_read_at\` datetime null, \`rating\` integer null, \`rating_comment\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`chats_tenant_id_index\` on \`chats\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`chats_ticket_id_unique\` on \`chats\` (\`ticket_id\`);`);
    this.addSql(`create unique index \`chats_token_hash_unique\` on \`chats\` (\`token_hash\`);`);
    this.addSql(`create index \`chats_tenant_id_queued_index\` on \`chats\` (\`tenant_id\`, \`queued\`);`);

    this.addSql(`create table \`chat_agents\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`user_id\` text not null, \`capacity\` integer not null default 3, \`last_assigned_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`chat_agents_tenant_id_index\` on \`chat_agents\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`chat_agents_tenant_id_user_id_unique\` on \`chat_agents\` (\`tenant_id\`, \`user_id\`);`);

    this.addSql(`create table \`chat_departments\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`name\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`chat_departments_tenant_id_index\` on \`chat_departments\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`chat_departments_tenant_id_name_unique\` on \`chat_departments\` (\`tenant_id\`, \`name\`);`);

    this.addSql(`create table \`chat_department_members\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`department_id\` text not null, \`user_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`chat_department_members_tenant_id_index\` on \`chat_department_members\` (\`tenant_id\`);`);
    this.addSql(`create index \`chat_department_members_user_id_index\` on \`chat_department_members\` (\`user_id\`);`);
    this.addSql(`create unique index \`chat_department_members_tenant_id_department_id_user_id_unique\` on \`chat_department_members\` (\`tenant_id\`, \`department_id\`, \`user_id\`);`);

    this.addSql(`create table \`chat_widget_keys\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`name\` text not null, \`key\` text not null, \`allowed_origins\` json not null, \`department_id\` text null, \`color\` text not null default '#228be6', \`greeting\` text null, \`identity_secret\` text null, \`require_identity\` integer not null default false, \`revoked_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`chat_widget_keys_tenant_id_index\` on \`chat_widget_keys\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`chat_widget_keys_key_unique\` on \`chat_widget_keys\` (\`key\`);`);
  }

}
