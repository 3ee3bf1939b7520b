import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarFeeds1795862949446 implements MigrationInterface {
    name = 'CalendarFeeds1795862949446'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`calendar_feeds\` (
                \`userId\` char(36) NOT NULL,
                \`token\` char(43) NOT NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                UNIQUE INDEX \`IDX_63fc0fd22c929fae074fcaf601\` (\`token\`),
                PRIMARY KEY (\`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`calendar_feeds\`
            ADD CONSTRAINT \`FK_cf31466b7789c6df501598bed0f\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`calendar_feeds\` DROP FOREIGN KEY \`FK_cf31466b7789c6df501598bed0f\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_63fc0fd22c929fae074fcaf601\` ON \`calendar_feeds\`
        `);
        await queryRunner.query(`
            DROP TABLE \`calendar_feeds\`
        `);
    }

}
