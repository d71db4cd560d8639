import { Migration } from '@mikro-orm/migrations';

/** Notifications are stored as a type with parameters (the client words them); the English title goes. */
export class Migration20261201232622 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`notifications\` add \`params\` json null;`);
    // Existing rows keep what they were about: their ticket's number and title.
    this.addSql(`update \`notifications\` n left join \`tickets\` t on t.\`id\` = n.\`ticket_id\`
      set n.\`params\` = json_object('ticketNumber', coalesce(t.\`number\`, 0), 'ticketTitle', coalesce(t.\`title\`, ''));`);
    this.addSql(`alter table \`notifications\` modify \`params\` json not null;`);
    this.addSql(`alter table \`notifications\` drop column \`title\`;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`notifications\` add \`title\` varchar(300) not null default '';`);
    this.addSql(`update \`notifications\` set \`title\` = concat('Ticket #', json_value(\`params\`, '$.ticketNumber'));`);
    this.addSql(`alter table \`notifications\` alter \`title\` drop default;`);
    this.addSql(`alter table \`notifications\` drop column \`params\`;`);
  }

}
