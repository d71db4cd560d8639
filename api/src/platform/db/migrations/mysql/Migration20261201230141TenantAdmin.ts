import { Migration } from '@mikro-orm/migrations';

export class Migration20261201230141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`mail_messages\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`template\` varchar(40) not null, \`recipient\` varchar(254) not null, \`locale\` varchar(8) not null, \`subject\` varchar(300) not null, \`text\` text not null, \`html\` text not null, \`tenant_id\` varchar(36) null, \`status\` varchar(16) not null default 'PENDING', \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) not null, \`locked_by\` varchar(80) null, \`locked_until\` datetime(3) null, \`last_error\` varchar(500) null, \`sent_at\` datetime(3) null, \`transport_id\` varchar(255) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`mail_messages\` add index \`mail_messages_status_next_attempt_at_index\`(\`status\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`one_time_tokens\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`token_hash\` varchar(64) not null, \`purpose\` varchar(24) not null, \`user_id\` varchar(36) not null, \`tenant_id\` varchar(36) null, \`expires_at\` datetime(3) not null, \`used_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`one_time_tokens\` add unique \`one_time_tokens_token_hash_unique\`(\`token_hash\`);`);
    this.addSql(`alter table \`one_time_tokens\` add index \`one_time_tokens_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`one_time_tokens\` add index \`one_time_tokens_user_id_purpose_index\`(\`user_id\`, \`purpose\`);`);

    this.addSql(`alter table \`one_time_tokens\` add constraint \`one_time_tokens_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`tenants\` add \`status\` varchar(16) not null default 'ACTIVE', add \`suspended_at\` datetime(3) null;`);

    this.addSql(`alter table \`users\` add \`locale\` varchar(8) not null default 'en', add \`email_verified_at\` datetime(3) null, add \`platform_operator\` tinyint(1) not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`mail_messages\`;`);

    this.addSql(`drop table if exists \`one_time_tokens\`;`);

    this.addSql(`alter table \`tenants\` drop column \`status\`, drop column \`suspended_at\`;`);

    this.addSql(`alter table \`users\` drop column \`locale\`, drop column \`email_verified_at\`, drop column \`platform_operator\`;`);
  }

}
