import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Access tokens carry `users.tokenVersion`; raising it ends the tokens issued before (password change,
 * roles changed, account disabled). Tokens issued before this migration carry none and count as version 0.
 */
export class TokenVersions1796243092669 implements MigrationInterface {
    name = 'TokenVersions1796243092669'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`users\`
            ADD \`tokenVersion\` int UNSIGNED NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\`
            ADD \`disabledAt\` datetime(3) NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`users\` DROP COLUMN \`disabledAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` DROP COLUMN \`tokenVersion\`
        `);
    }

}
