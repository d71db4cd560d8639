import { Migration } from '@mikro-orm/migrations';

export class Migration20261202052320 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`tenants\` add \`preset_tags\` json null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`tenants\` drop column \`preset_tags\`;`);
  }

}
