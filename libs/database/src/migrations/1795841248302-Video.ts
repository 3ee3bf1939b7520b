import { MigrationInterface, QueryRunner } from "typeorm";

export class Video1795841248302 implements MigrationInterface {
    name = 'Video1795841248302'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`video_room_removals\` (
                \`room\` varchar(100) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`removedBy\` char(36) NOT NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                PRIMARY KEY (\`room\`, \`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`video_rooms\` (
                \`name\` varchar(100) NOT NULL,
                \`kind\` enum ('workshop_session', 'consultation') NOT NULL,
                \`refId\` char(36) NOT NULL,
                \`firstStartedAt\` datetime(3) NULL,
                \`lastFinishedAt\` datetime(3) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                PRIMARY KEY (\`name\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`video_consultation_presence\` (
                \`consultationId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`firstJoinedAt\` datetime(3) NOT NULL,
                \`lastLeftAt\` datetime(3) NULL,
                \`joins\` int UNSIGNED NOT NULL DEFAULT '1',
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                PRIMARY KEY (\`consultationId\`, \`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`video_webhook_receipts\` (
                \`eventId\` varchar(100) NOT NULL,
                \`event\` varchar(40) NOT NULL,
                \`room\` varchar(100) NULL,
                \`receivedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                PRIMARY KEY (\`eventId\`)
            ) ENGINE = InnoDB
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE \`video_webhook_receipts\`
        `);
        await queryRunner.query(`
            DROP TABLE \`video_consultation_presence\`
        `);
        await queryRunner.query(`
            DROP TABLE \`video_rooms\`
        `);
        await queryRunner.query(`
            DROP TABLE \`video_room_removals\`
        `);
    }

}
