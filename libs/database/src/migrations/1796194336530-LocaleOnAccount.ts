import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The language lives on the account alone (PATCH /api/me and the notification preferences both write
 * users.locale): a language chosen in the preferences moves to the account, the preference column stays
 * empty. Data only; the schema does not change.
 */
export class LocaleOnAccount1796194336530 implements MigrationInterface {
    name = 'LocaleOnAccount1796194336530'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            UPDATE \`users\` u JOIN \`notification_preferences\` p ON p.\`userId\` = u.\`id\`
            SET u.\`locale\` = p.\`locale\` WHERE p.\`locale\` IS NOT NULL
        `);
        await queryRunner.query(`
            UPDATE \`notification_preferences\` SET \`locale\` = NULL
        `);
    }

    public async down(): Promise<void> {
        // Nothing to undo: an empty preference reads as the account's language, which holds the same value.
    }

}
