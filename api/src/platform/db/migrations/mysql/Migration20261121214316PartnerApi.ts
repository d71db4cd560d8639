import { Migration } from '@mikro-orm/migrations';

export class Migration20261121214316 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`api_keys\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`name\` varchar(100) not null, \`public_id\` varchar(16) not null, \`secret_hash\` varchar(64) not null, \`scopes\` json not null, \`created_by_id\` varchar(36) not null, \`expires_at\` datetime(3) null, \`revoked_at\` datetime(3) null, \`last_used_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`api_keys\` add index \`api_keys_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`api_keys\` add unique \`api_keys_public_id_unique\`(\`public_id\`);`);

    this.addSql(`create table \`webhook_deliveries\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`endpoint_id\` varchar(36) not null, \`event_id\` varchar(36) not null, \`event_seq\` bigint not null, \`event_type\` varchar(32) not null, \`status\` varchar(16) not null default 'PENDING', \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) not null, \`give_up_at\` datetime(3) not null, \`locked_until\` datetime(3) null, \`locked_by\` varchar(64) null, \`last_attempt_at\` datetime(3) null, \`response_status\` int null, \`latency_ms\` int null, \`last_error\` varchar(500) null, \`delivered_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`webhook_deliveries\` add index \`webhook_deliveries_tenant_id_index\`(\`tenant_id\`);`);
    this.addSql(`alter table \`webhook_deliveries\` add index \`webhook_deliveries_status_next_attempt_at_index\`(\`status\`, \`next_attempt_at\`);`);
    this.addSql(`alter table \`webhook_deliveries\` add unique \`webhook_deliveries_endpoint_id_event_id_unique\`(\`endpoint_id\`, \`event_id\`);`);

    this.addSql(`create table \`webhook_endpoints\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` varchar(36) not null, \`url\` varchar(2000) not null, \`event_types\` json not null, \`secret\` varchar(64) not null, \`created_by_id\` varchar(36) not null, \`cursor_seq\` bigint not null, \`enabled\` tinyint(1) not null default true, \`disabled_at\` datetime(3) null, \`disabled_reason\` varchar(300) null, \`failing_since\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`webhook_endpoints\` add index \`webhook_endpoints_tenant_id_index\`(\`tenant_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`api_keys\`;`);

    this.addSql(`drop table if exists \`webhook_deliveries\`;`);

    this.addSql(`drop table if exists \`webhook_endpoints\`;`);
  }

}
