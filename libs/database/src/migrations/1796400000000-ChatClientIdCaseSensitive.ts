import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A chat message's `clientMessageId` compares byte for byte: under the table's case-insensitive collation
 * the unique key took `A1` for `a1`, so a sender's second message was answered with their first and lost.
 * The ids are ASCII by their validation. Going down fails while one sender has ids that differ only in case.
 */
export class ChatClientIdCaseSensitive1796400000000 implements MigrationInterface {
    name = 'ChatClientIdCaseSensitive1796400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`consultation_messages\`
            MODIFY \`clientMessageId\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`consultation_messages\`
            MODIFY \`clientMessageId\` varchar(64) CHARACTER SET "utf8mb4" COLLATE "utf8mb4_unicode_ci" NOT NULL
        `);
    }

}
