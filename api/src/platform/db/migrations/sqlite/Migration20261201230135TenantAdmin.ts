import { Migration } from '@mikro-orm/migrations';

export class Migration20261201230135 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`mail_messages\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`template\` text not null, \`recipient\` text not null, \`locale\` text not null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`tenant_id\` text null, \`status\` text not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`locked_by\` text null, \`locked_until\` datetime null, \`last_error\` text null, \`sent_at\` datetime null, \`transport_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`mail_messages_status_next_attempt_at_index\` on \`mail_messages\` (\`status\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`one_time_tokens\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`token_hash\` text not null, \`purpose\` text not null, \`user_id\` text not null, \`tenant_id\` text null, \`expires_at\` datetime not null, \`used_at\` datetime null, constraint \`one_time_tokens_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`one_time_tokens_token_hash_unique\` on \`one_time_tokens\` (\`token_hash\`);`);
    this.addSql(`create index \`one_time_tokens_user_id_index\` on \`one_time_tokens\` (\`user_id\`);`);
    this.addSql(`create index \`one_time_tokens_user_id_purpose_index\` on \`one_time_tokens\` (\`user_id\`, \`purpose\`);`);

    this.addSql(`alter table \`tenants\` add column \`status\` text not null default 'ACTIVE';`);
    this.addSql(`alter table \`tenants\` add column \`suspended_at\` datetime null;`);

    this.addSql(`alter table \`users\` add column \`locale\` text not null default 'en';`);
    this.addSql(`alter table \`users\` add column \`email_verified_at\` datetime null;`);
    this.addSql(`alter table \`users\` add column \`platform_operator\` integer not null default false;`);
  }

}
