import { Migration } from '@mikro-orm/migrations';

export class Migration20261202041610 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`saved_views\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`name\` text not null, \`filter\` json not null, \`shared\` integer not null, \`owner_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`saved_views_tenant_id_index\` on \`saved_views\` (\`tenant_id\`);`);
    this.addSql(`create index \`saved_views_tenant_id_owner_id_index\` on \`saved_views\` (\`tenant_id\`, \`owner_id\`);`);
  }

}
