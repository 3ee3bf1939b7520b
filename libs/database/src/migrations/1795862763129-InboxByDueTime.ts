import { MigrationInterface, QueryRunner } from "typeorm";

export class InboxByDueTime1795862763129 implements MigrationInterface {
    name = 'InboxByDueTime1795862763129'

    // The new index first: the userId foreign key needs one to stay in place.
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX \`IDX_e1b6064a3d7234d566c4407dc3\` ON \`notifications\` (\`userId\`, \`state\`, \`dueAt\`)
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_bb45f11593d05020dd1b9a8f58\` ON \`notifications\`
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX \`IDX_bb45f11593d05020dd1b9a8f58\` ON \`notifications\` (\`userId\`, \`state\`, \`dispatchedAt\`)
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_e1b6064a3d7234d566c4407dc3\` ON \`notifications\`
        `);
    }

}
