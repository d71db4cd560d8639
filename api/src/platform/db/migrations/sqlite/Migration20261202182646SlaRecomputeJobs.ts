import { Migration } from '@mikro-orm/migrations';

export class Migration20261202182646 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`sla_recompute_jobs\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`policy_scope\` text null, \`policy_cursor\` text null, \`status_tasks\` json not null, \`locked_by\` text null, \`locked_until\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`sla_recompute_jobs_tenant_id_index\` on \`sla_recompute_jobs\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`sla_recompute_jobs_tenant_id_unique\` on \`sla_recompute_jobs\` (\`tenant_id\`);`);
  }

}
