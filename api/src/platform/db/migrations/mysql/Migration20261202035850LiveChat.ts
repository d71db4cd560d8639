import { Migration } from '@mikro-orm/migrations';

export class Migration20261202035850 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`chats\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`ticket_id\` varchar(36) not null, \`widget_key_id\` varchar(36) not null, \`department_id\` varchar(36) null, \`customer_id\` varchar(36) not null, \`visitor_name\` varchar(100) not null, \`visitor_email\` varchar(254) not null, \`company\` varchar(120) null, \`topic\` varchar(200) not null, \`ip\` varchar(64) not null, \`user_agent\` varchar(400) not null, \`page_url\` varchar(500) null, \`visitor_id\` varchar(128) null, \`token_hash\` varchar(64) not null, \`locale\` varchar(8) not null default 'en', \`queued\` tinyint(1) not null default true, \`offline\` tinyint(1) not null default false, \`visitor_read_at\` datetime(3) null, \`agent_read_at\` datetime(3) null, \`rating\` int null, \`rating_comment\` varchar(1000) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`chats\` add index \`chats_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`chats\` add unique \`chats_ticket_id_unique\`(\`ticket_id\`);`);
    this.addSql(`alter table \`chats\` add unique \`chats_token_hash_unique\`(\`token_hash\`);`);
    this.addSql(`alter table \`chats\` add index \`chats_tenant_id_queued_index\`(\`tenant_id\`, \`queued\`);`);

    this.addSql(`create table \`chat_agents\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`capacity\` int not null default 3, \`last_assigned_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`chat_agents\` add index \`chat_agents_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`chat_agents\` add unique \`chat_agents_tenant_id_user_id_unique\`(\`tenant_id\`, \`user_id\`);`);

    this.addSql(`create table \`chat_departments\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`name\` varchar(80) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`chat_departments\` add index \`chat_departments_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`chat_departments\` add unique \`chat_departments_tenant_id_name_unique\`(\`tenant_id\`, \`name\`);`);

    this.addSql(`create table \`chat_department_members\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`department_id\` varchar(36) not null, \`user_id\` varchar(36) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`chat_department_members\` add index \`chat_department_members_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`chat_department_members\` add index \`chat_department_members_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`chat_department_members\` add unique \`chat_department_members_tenant_id_department_id_user_id_unique\`(\`tenant_id\`, \`department_id\`, \`user_id\`);`);

    this.addSql(`create table \`chat_widget_keys\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`name\` varchar(100) not null, \`key\` varchar(40) not null, \`allowed_origins\` json not null, \`department_id\` varchar(36) null, \`color\` varchar(7) not null default '#228be6', \`greeting\` varchar(300) null, \`identity_secret\` varchar(64) null, \`require_identity\` tinyint(1) not null default false, \`revoked_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`chat_widget_keys\` add index \`chat_widget_keys_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`chat_widget_keys\` add unique \`chat_widget_keys_key_unique\`(\`key\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`chats\`;`);

    this.addSql(`drop table if exists \`chat_agents\`;`);

    this.addSql(`drop table if exists \`chat_departments\`;`);

    this.addSql(`drop table if exists \`chat_department_members\`;`);

    this.addSql(`drop table if exists \`chat_widget_keys\`;`);
  }

}
