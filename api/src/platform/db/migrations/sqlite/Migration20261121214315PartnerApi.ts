import { Migration } from '@mikro-orm/migrations';

export class Migration20261121214315 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`api_keys\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`name\` text not null, \`public_id\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`created_by_id\` text not null, \`expires_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`api_keys_tenant_id_index\` on \`api_keys\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`api_keys_public_id_unique\` on \`api_keys\` (\`public_id\`);`);

    this.addSql(`create table \`webhook_deliveries\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`endpoint_id\` text not null, \`event_id\` text not null, \`event_seq\` bigint not null, \`event_type\` text not null, \`status\` text not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`give_up_at\` datetime not null, \`locked_until\` datetime null, \`locked_by\` text null, \`last_attempt_at\` datetime null, \`response_status\` integer null, \`latency_ms\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_deliveries_tenant_id_index\` on \`webhook_deliveries\` (\`tenant_id\`);`);
    this.addSql(`create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create unique index \`webhook_deliveries_endpoint_id_event_id_unique\` on \`webhook_deliveries\` (\`endpoint_id\`, \`event_id\`);`);

    this.addSql(`create table \`webhook_endpoints\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` text not null, \`url\` text not null, \`event_types\` json not null, \`secret\` text not null, \`created_by_id\` text not null, \`cursor_seq\` bigint not null, \`enabled\` integer not null default true, \`disabled_at\` datetime null, \`disabled_reason\` text null, \`failing_since\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_endpoints_tenant_id_index\` on \`webhook_endpoints\` (\`tenant_id\`);`);
  }

}
