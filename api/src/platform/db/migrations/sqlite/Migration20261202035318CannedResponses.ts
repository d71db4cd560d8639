import { Migration } from '@mikro-orm/migrations';

export class Migration20261202035318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`canned_responses\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`title\` text not null, \`body\` text not null, \`shared\` integer not null, \`owner_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`canned_responses_tenant_id_index\` on \`canned_responses\` (\`tenant_id\`);`);
    this.addSql(`create index \`canned_responses_tenant_id_owner_id_index\` on \`canned_responses\` (\`tenant_id\`, \`owner_id\`);`);
  }

}
