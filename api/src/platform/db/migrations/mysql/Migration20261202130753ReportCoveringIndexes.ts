import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130753 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`ticket_metrics\` drop index \`ticket_metrics_tenant_id_resolved_at_index\`;`);

    this.addSql(`alter table \`ticket_metrics\` add index \`ticket_metrics_resolved_cover_index\`(\`tenant_id\`, \`resolved_at\`, \`created_at\`, \`resolved_day\`, \`resolved_week\`, \`category\`, \`priority\`, \`channel\`, \`department\`, \`assignee_id\`, \`resolution_minutes\`, \`resolution_business_minutes\`);`);
    this.addSql(`alter table \`ticket_metrics\` add index \`ticket_metrics_created_cover_index\`(\`tenant_id\`, \`created_at\`, \`created_day\`, \`created_week\`, \`status\`, \`category\`, \`priority\`, \`channel\`, \`department\`, \`assignee_id\`, \`sla_first_response\`, \`sla_resolution\`, \`reopens\`, \`resolved_at\`, \`csat_score\`, \`first_response_minutes\`, \`first_response_business_minutes\`, \`resolution_minutes\`, \`resolution_business_minutes\`, \`created_weekday\`, \`created_hour\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`ticket_metrics\` drop index \`ticket_metrics_resolved_cover_index\`;`);
    this.addSql(`alter table \`ticket_metrics\` drop index \`ticket_metrics_created_cover_index\`;`);

    this.addSql(`alter table \`ticket_metrics\` add index \`ticket_metrics_tenant_id_resolved_at_index\`(\`tenant_id\`, \`resolved_at\`);`);
  }

}
