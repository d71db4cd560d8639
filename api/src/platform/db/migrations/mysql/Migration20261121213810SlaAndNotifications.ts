import { Migration } from '@mikro-orm/migrations';

export class Migration20261121213810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`business_calendars\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`timezone\` varchar(64) not null, \`hours\` json not null, \`holidays\` json not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`business_calendars\` add index \`business_calendars_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`business_calendars\` add unique \`business_calendars_tenant_id_unique\`(\`tenant_id\`);`);

    this.addSql(`create table \`notifications\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`recipient_id\` varchar(36) not null, \`type\` varchar(24) not null, \`ticket_id\` varchar(36) not null, \`event_id\` varchar(36) not null, \`title\` varchar(300) not null, \`read_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`notifications\` add index \`notifications_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`notifications\` add index \`notifications_tenant_id_recipient_id_read_at_id_index\`(\`tenant_id\`, \`recipient_id\`, \`read_at\`, \`id\`);`);

    this.addSql(`create table \`sla_policies\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`category\` varchar(16) not null, \`priority_key\` varchar(8) not null, \`first_response_minutes\` int not null, \`resolution_minutes\` int not null, \`business_hours\` tinyint(1) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`sla_policies\` add index \`sla_policies_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`sla_policies\` add unique \`sla_policies_tenant_id_category_priority_key_unique\`(\`tenant_id\`, \`category\`, \`priority_key\`);`);

    this.addSql(`alter table \`tickets\` add \`sla_policy_id\` varchar(36) null, add \`sla_business_hours\` tinyint(1) not null default false, add \`sla_first_response_minutes\` int null, add \`sla_resolution_minutes\` int null, add \`first_response_due_at\` datetime(3) null, add \`first_response_at_risk_at\` datetime(3) null, add \`resolution_due_at\` datetime(3) null, add \`resolution_at_risk_at\` datetime(3) null, add \`sla_paused_at\` datetime(3) null, add \`sla_paused_minutes\` double not null default 0, add \`sla_notified\` int not null default 0, add \`sla_due_at\` datetime(3) null, add \`sla_at_risk_at\` datetime(3) null, add \`sla_next_check_at\` datetime(3) null;`);
    this.addSql(`alter table \`tickets\` add index \`tickets_sla_next_check_at_index\`(\`sla_next_check_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`business_calendars\`;`);

    this.addSql(`drop table if exists \`notifications\`;`);

    this.addSql(`drop table if exists \`sla_policies\`;`);

    this.addSql(`alter table \`tickets\` drop index \`tickets_sla_next_check_at_index\`;`);
    this.addSql(`alter table \`tickets\` drop column \`sla_policy_id\`, drop column \`sla_business_hours\`, drop column \`sla_first_response_minutes\`, drop column \`sla_resolution_minutes\`, drop column \`first_response_due_at\`, drop column \`first_response_at_risk_at\`, drop column \`resolution_due_at\`, drop column \`resolution_at_risk_at\`, drop column \`sla_paused_at\`, drop column \`sla_paused_minutes\`, drop column \`sla_notified\`, drop column \`sla_due_at\`, drop column \`sla_at_risk_at\`, drop column \`sla_next_check_at\`;`);
  }

}
