import { Migration } from '@mikro-orm/migrations';

export class Migration20261202131221 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`presence_intervals\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`started_at\` datetime(3) not null, \`ended_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`presence_intervals\` add index \`presence_intervals_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`presence_intervals\` add index \`presence_intervals_tenant_id_user_id_ended_at_index\`(\`tenant_id\`, \`user_id\`, \`ended_at\`);`);
    this.addSql(`alter table \`presence_intervals\` add index \`presence_intervals_tenant_id_started_at_user_id_index\`(\`tenant_id\`, \`started_at\`, \`user_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`presence_intervals\`;`);
  }

}
