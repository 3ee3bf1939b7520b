import { MigrationInterface, QueryRunner } from "typeorm";

/** Idempotency-Key records move from Redis to MySQL: a lost Redis no longer forgets a booking's key. */
export class IdempotencyKeys1796243473839 implements MigrationInterface {
    name = 'IdempotencyKeys1796243473839'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`idempotency_keys\` (
                \`keyHash\` char(43) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`requestHash\` char(43) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`status\` smallint UNSIGNED NULL,
                \`body\` mediumtext NULL,
                \`claimedAt\` datetime(3) NOT NULL,
                \`expiresAt\` datetime(3) NOT NULL,
                INDEX \`IDX_69cdd42dc83e6208402de6acef\` (\`expiresAt\`),
                PRIMARY KEY (\`keyHash\`)
            ) ENGINE = InnoDB
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_69cdd42dc83e6208402de6acef\` ON \`idempotency_keys\`
        `);
        await queryRunner.query(`
            DROP TABLE \`idempotency_keys\`
        `);
    }

}
