import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`ticket_metrics_tenant_id_resolved_at_index\`;`);

    this.addSql(`create index \`ticket_metrics_resolved_cover_index\` on \`ticket_metrics\` (\`tenant_id\`, \`resolved_at\`, \`created_at\`, \`resolved_day\`, \`resolved_week\`, \`category\`, \`priority\`, \`channel\`, \`department\`, \`assignee_id\`, \`resolution_minutes\`, \`resolution_business_minutes\`);`);
    this.addSql(`create index \`ticket_metrics_created_cover_index\` on \`ticket_metrics\` (\`tenant_id\`, \`created_at\`, \`created_day\`, \`created_week\`, \`status\`, \`category\`, \`priority\`, \`channel\`, \`department\`, \`assignee_id\`, \`sla_first_response\`, \`sla_resolution\`, \`reopens\`, \`resolved_at\`, \`csat_score\`, \`first_response_minutes\`, \`first_response_business_minutes\`, \`resolution_minutes\`, \`resolution_business_minutes\`, \`created_weekday\`, \`created_hour\`);`);
  }

}
