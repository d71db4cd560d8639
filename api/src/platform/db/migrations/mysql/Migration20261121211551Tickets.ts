import { Migration } from '@mikro-orm/migrations';

export class Migration20261121211551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`attachments\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`message_id\` varchar(36) null, \`ticket_id\` varchar(36) null, \`uploader_id\` varchar(36) not null, \`filename\` varchar(255) not null, \`content_type\` varchar(100) not null, \`size\` int not null, \`storage_key\` varchar(255) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`attachments\` add index \`attachments_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`attachments\` add index \`attachments_tenant_id_message_id_index\`(\`tenant_id\`, \`message_id\`);`);

    this.addSql(`create table \`idempotency_keys\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`principal_id\` varchar(36) not null, \`operation\` varchar(32) not null, \`key\` varchar(100) not null, \`result_id\` varchar(36) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`idempotency_keys\` add index \`idempotency_keys_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`idempotency_keys\` add unique \`idempotency_keys_tenant_id_principal_id_operation_key_unique\`(\`tenant_id\`, \`principal_id\`, \`operation\`, \`key\`);`);

    this.addSql(`create table \`messages\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`ticket_id\` varchar(36) not null, \`author_id\` varchar(36) null, \`body\` text not null, \`internal\` tinyint(1) not null default false, \`kind\` varchar(8) not null default 'TEXT', primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`messages\` add index \`messages_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`messages\` add index \`messages_tenant_id_ticket_id_created_at_id_index\`(\`tenant_id\`, \`ticket_id\`, \`created_at\`, \`id\`);`);

    this.addSql(`create table \`tenant_counters\` (\`tenant_id\` varchar(36) not null, \`name\` varchar(32) not null, \`value\` bigint not null, primary key (\`tenant_id\`, \`name\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`tickets\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`number\` int not null, \`title\` varchar(200) not null, \`description\` text not null, \`status\` varchar(16) not null default 'OPEN', \`priority\` varchar(8) not null, \`priority_rank\` smallint not null, \`category\` varchar(16) not null, \`channel\` varchar(8) not null, \`customer_id\` varchar(36) not null, \`assignee_id\` varchar(36) null, \`escalation_level\` int not null default 0, \`tags\` json not null, \`version\` int not null default 1, \`first_response_at\` datetime(3) null, \`resolved_at\` datetime(3) null, \`closed_at\` datetime(3) null, \`deleted_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`tickets\` add index \`tickets_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_tenant_id_assignee_id_index\`(\`tenant_id\`, \`assignee_id\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_tenant_id_customer_id_index\`(\`tenant_id\`, \`customer_id\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_tenant_id_updated_at_index\`(\`tenant_id\`, \`updated_at\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_tenant_id_status_created_at_index\`(\`tenant_id\`, \`status\`, \`created_at\`);`);
    this.addSql(`alter table \`tickets\` add unique \`tickets_tenant_id_number_unique\`(\`tenant_id\`, \`number\`);`);

    this.addSql(`create table \`ticket_events\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`seq\` bigint not null, \`type\` varchar(32) not null, \`ticket_id\` varchar(36) not null, \`actor_id\` varchar(36) null, \`internal\` tinyint(1) not null default false, \`payload\` json not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`ticket_events\` add index \`ticket_events_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`ticket_events\` add index \`ticket_events_tenant_id_ticket_id_seq_index\`(\`tenant_id\`, \`ticket_id\`, \`seq\`);`);
    this.addSql(`alter table \`ticket_events\` add unique \`ticket_events_tenant_id_seq_unique\`(\`tenant_id\`, \`seq\`);`);

    this.addSql(`create table \`ticket_tags\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`ticket_id\` varchar(36) not null, \`tag\` varchar(50) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`ticket_tags\` add index \`ticket_tags_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`ticket_tags\` add index \`ticket_tags_tenant_id_tag_index\`(\`tenant_id\`, \`tag\`);`);
    this.addSql(`alter table \`ticket_tags\` add unique \`ticket_tags_ticket_id_tag_unique\`(\`ticket_id\`, \`tag\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`attachments\`;`);

    this.addSql(`drop table if exists \`idempotency_keys\`;`);

    this.addSql(`drop table if exists \`messages\`;`);

    this.addSql(`drop table if exists \`tenant_counters\`;`);

    this.addSql(`drop table if exists \`tickets\`;`);

    this.addSql(`drop table if exists \`ticket_events\`;`);

    this.addSql(`drop table if exists \`ticket_tags\`;`);
  }

}
