import { Migration } from '@mikro-orm/migrations';

export class Migration20261202035431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`ticket_metrics\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`number\` int not null, \`status\` varchar(16) not null, \`channel\` varchar(8) not null, \`category\` varchar(16) not null, \`priority\` varchar(8) not null, \`assignee_id\` varchar(36) null, \`customer_id\` varchar(36) not null, \`first_response_at\` datetime(3) null, \`resolved_at\` datetime(3) null, \`first_response_minutes\` double null, \`first_response_business_minutes\` double null, \`resolution_minutes\` double null, \`resolution_business_minutes\` double null, \`replies\` int not null, \`internal_notes\` int not null, \`reopens\` int not null, \`assignee_changes\` int not null, \`sla_first_response\` varchar(8) null, \`sla_resolution\` varchar(8) null, \`department\` varchar(64) null, \`csat_score\` smallint null, \`created_day\` varchar(10) not null, \`created_week\` varchar(10) not null, \`created_weekday\` smallint not null, \`created_hour\` smallint not null, \`resolved_day\` varchar(10) null, \`resolved_week\` varchar(10) null, \`ticket_version\` int not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`ticket_metrics\` add index \`ticket_metrics_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`ticket_metrics\` add index \`ticket_metrics_tenant_id_assignee_id_created_at_index\`(\`tenant_id\`, \`assignee_id\`, \`created_at\`);`);
    this.addSql(`alter table \`ticket_metrics\` add index \`ticket_metrics_tenant_id_resolved_at_index\`(\`tenant_id\`, \`resolved_at\`);`);
    this.addSql(`alter table \`ticket_metrics\` add index \`ticket_metrics_tenant_id_created_at_index\`(\`tenant_id\`, \`created_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`ticket_metrics\`;`);
  }

}
