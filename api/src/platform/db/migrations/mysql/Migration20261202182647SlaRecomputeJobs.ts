import { Migration } from '@mikro-orm/migrations';

export class Migration20261202182647 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`sla_recompute_jobs\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`policy_scope\` varchar(16) null, \`policy_cursor\` varchar(36) null, \`status_tasks\` json not null, \`locked_by\` varchar(64) null, \`locked_until\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`sla_recompute_jobs\` add index \`sla_recompute_jobs_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`sla_recompute_jobs\` add unique \`sla_recompute_jobs_tenant_id_unique\`(\`tenant_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`sla_recompute_jobs\`;`);
  }

}
