import { Migration } from '@mikro-orm/migrations';

export class Migration20261202131213 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`presence_intervals\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`user_id\` text not null, \`started_at\` datetime not null, \`ended_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`presence_intervals_tenant_id_index\` on \`presence_intervals\` (\`tenant_id\`);`);
    this.addSql(`create index \`presence_intervals_tenant_id_user_id_ended_at_index\` on \`presence_intervals\` (\`tenant_id\`, \`user_id\`, \`ended_at\`);`);
    this.addSql(`create index \`presence_intervals_tenant_id_started_at_user_id_index\` on \`presence_intervals\` (\`tenant_id\`, \`started_at\`, \`user_id\`);`);
  }

}
