import { Migration } from '@mikro-orm/migrations';

export class Migration20261202052318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`tenants\` add column \`preset_tags\` json null;`);
  }

}
