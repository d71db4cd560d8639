import { Migration } from '@mikro-orm/migrations';

export class Migration20261202035430 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`ticket_metrics\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`number\` integer not null, \`status\` text not null, \`channel\` text not null, \`category\` text not null, \`priority\` text not null, \`assignee_id\` text null, \`customer_id\` text not null, \`first_response_at\` datetime null, \`resolved_at\` datetime null, \`first_response_minutes\` double null, \`first_response_business_minutes\` double null, \`resolution_minutes\` double null, \`resolution_business_minutes\` double null, \`replies\` integer not null, \`internal_notes\` integer not null, \`reopens\` integer not null, \`assignee_changes\` integer not null, \`sla_first_response\` text null, \`sla_resolution\` text null, \`department\` text null, \`csat_score\` integer null, \`created_day\` text not null, \`created_week\` text not null, \`created_weekday\` integer not null, \`created_hour\` integer not null, \`resolved_day\` text null, \`resolved_week\` text null, \`ticket_version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`ticket_metrics_tenant_id_index\` on \`ticket_metrics\` (\`tenant_id\`);`);
    this.addSql(`create index \`ticket_metrics_tenant_id_assignee_id_created_at_index\` on \`ticket_metrics\` (\`tenant_id\`, \`assignee_id\`, \`created_at\`);`);
    this.addSql(`create index \`ticket_metrics_tenant_id_resolved_at_index\` on \`ticket_metrics\` (\`tenant_id\`, \`resolved_at\`);`);
    this.addSql(`create index \`ticket_metrics_tenant_id_created_at_index\` on \`ticket_metrics\` (\`tenant_id\`, \`created_at\`);`);
  }

}
