import { MigrationInterface, QueryRunner } from "typeorm";

export class Realtime1795841324417 implements MigrationInterface {
    name = 'Realtime1795841324417'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`consultation_messages\` (
                \`id\` char(36) NOT NULL,
                \`consultationId\` char(36) NOT NULL,
                \`senderId\` char(36) NOT NULL,
                \`clientMessageId\` varchar(64) NOT NULL,
                \`body\` text NOT NULL,
                \`createdAt\` datetime(3) NOT NULL,
                INDEX \`IDX_6f8a2e065b3164705e41cd4614\` (\`consultationId\`, \`createdAt\`, \`id\`),
                UNIQUE INDEX \`UQ_consultation_message_client_id\` (\`consultationId\`, \`senderId\`, \`clientMessageId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`consultation_read_states\` (
                \`consultationId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`messageId\` char(36) NOT NULL,
                \`messageCreatedAt\` datetime(3) NOT NULL,
                PRIMARY KEY (\`consultationId\`, \`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_questions\` (
                \`id\` char(36) NOT NULL,
                \`sessionId\` char(36) NOT NULL,
                \`authorId\` char(36) NOT NULL,
                \`body\` text NOT NULL,
                \`answeredAt\` datetime(3) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                INDEX \`IDX_99cc74b52bce110a23a98cac7d\` (\`sessionId\`, \`createdAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_question_votes\` (
                \`questionId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                PRIMARY KEY (\`questionId\`, \`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_polls\` (
                \`id\` char(36) NOT NULL,
                \`sessionId\` char(36) NOT NULL,
                \`createdBy\` char(36) NOT NULL,
                \`question\` varchar(500) NOT NULL,
                \`options\` text NOT NULL,
                \`closedAt\` datetime(3) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                INDEX \`IDX_288241e18158cd625b730c96d5\` (\`sessionId\`, \`createdAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_poll_votes\` (
                \`pollId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`choice\` tinyint UNSIGNED NOT NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                INDEX \`IDX_dbfd2b155c580e4e73102e3b3d\` (\`pollId\`, \`choice\`),
                PRIMARY KEY (\`pollId\`, \`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_messages\`
            ADD CONSTRAINT \`FK_9f864948beb2f9d18c0191662da\` FOREIGN KEY (\`consultationId\`) REFERENCES \`consultations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_messages\`
            ADD CONSTRAINT \`FK_502df67981fd9b9ca332b44b3b0\` FOREIGN KEY (\`senderId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_read_states\`
            ADD CONSTRAINT \`FK_bebe7e603ed423661174bae804c\` FOREIGN KEY (\`consultationId\`) REFERENCES \`consultations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_read_states\`
            ADD CONSTRAINT \`FK_215d5342262ccc122f9d238360f\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_questions\`
            ADD CONSTRAINT \`FK_b1f3a3a7663cbec4bbbb17e9b20\` FOREIGN KEY (\`sessionId\`) REFERENCES \`workshop_sessions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_questions\`
            ADD CONSTRAINT \`FK_8a57195b996a963ac95e13d6df9\` FOREIGN KEY (\`authorId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_question_votes\`
            ADD CONSTRAINT \`FK_6f105cb1beb17f0e5a5c92354fb\` FOREIGN KEY (\`questionId\`) REFERENCES \`workshop_questions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_question_votes\`
            ADD CONSTRAINT \`FK_987b1dac39622a274fb281afcf6\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_polls\`
            ADD CONSTRAINT \`FK_70986d3a91e9cb3460caddb56b2\` FOREIGN KEY (\`sessionId\`) REFERENCES \`workshop_sessions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_polls\`
            ADD CONSTRAINT \`FK_32ef81f13ca4f77d12689c0e819\` FOREIGN KEY (\`createdBy\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_poll_votes\`
            ADD CONSTRAINT \`FK_4b9d6d6bcde2d01f42084ef0728\` FOREIGN KEY (\`pollId\`) REFERENCES \`workshop_polls\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_poll_votes\`
            ADD CONSTRAINT \`FK_4a07ccd77dfd9d31e68a277d06d\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`workshop_poll_votes\` DROP FOREIGN KEY \`FK_4a07ccd77dfd9d31e68a277d06d\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_poll_votes\` DROP FOREIGN KEY \`FK_4b9d6d6bcde2d01f42084ef0728\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_polls\` DROP FOREIGN KEY \`FK_32ef81f13ca4f77d12689c0e819\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_polls\` DROP FOREIGN KEY \`FK_70986d3a91e9cb3460caddb56b2\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_question_votes\` DROP FOREIGN KEY \`FK_987b1dac39622a274fb281afcf6\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_question_votes\` DROP FOREIGN KEY \`FK_6f105cb1beb17f0e5a5c92354fb\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_questions\` DROP FOREIGN KEY \`FK_8a57195b996a963ac95e13d6df9\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_questions\` DROP FOREIGN KEY \`FK_b1f3a3a7663cbec4bbbb17e9b20\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_read_states\` DROP FOREIGN KEY \`FK_215d5342262ccc122f9d238360f\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_read_states\` DROP FOREIGN KEY \`FK_bebe7e603ed423661174bae804c\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_messages\` DROP FOREIGN KEY \`FK_502df67981fd9b9ca332b44b3b0\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_messages\` DROP FOREIGN KEY \`FK_9f864948beb2f9d18c0191662da\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_dbfd2b155c580e4e73102e3b3d\` ON \`workshop_poll_votes\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_poll_votes\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_288241e18158cd625b730c96d5\` ON \`workshop_polls\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_polls\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_question_votes\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_99cc74b52bce110a23a98cac7d\` ON \`workshop_questions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_questions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`consultation_read_states\`
        `);
        await queryRunner.query(`
            DROP INDEX \`UQ_consultation_message_client_id\` ON \`consultation_messages\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_6f8a2e065b3164705e41cd4614\` ON \`consultation_messages\`
        `);
        await queryRunner.query(`
            DROP TABLE \`consultation_messages\`
        `);
    }

}
