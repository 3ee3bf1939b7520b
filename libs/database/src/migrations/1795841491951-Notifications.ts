import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795841491951 implements MigrationInterface {
    name = 'Notifications1795841491951'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`notifications\` (
                \`id\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`type\` varchar(40) NOT NULL,
                \`refKind\` enum ('consultation', 'workshop_session', 'workshop') NOT NULL,
                \`refId\` char(36) NOT NULL,
                \`subjectId\` char(36) NOT NULL,
                \`payload\` text NOT NULL,
                \`dueAt\` datetime(3) NOT NULL,
                \`state\` enum (
                    'scheduled',
                    'dispatched',
                    'cancelled',
                    'skipped'
                ) NOT NULL DEFAULT 'scheduled',
                \`title\` varchar(200) NULL,
                \`body\` text NULL,
                \`dispatchedAt\` datetime(3) NULL,
                \`readAt\` datetime(3) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                INDEX \`IDX_46b99ddd4389fbdf00d9e4552d\` (\`subjectId\`, \`state\`),
                INDEX \`IDX_e372e3d0bab77c59645f248dbf\` (\`state\`, \`dueAt\`),
                INDEX \`IDX_bb45f11593d05020dd1b9a8f58\` (\`userId\`, \`state\`, \`dispatchedAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`notification_deliveries\` (
                \`id\` char(36) NOT NULL,
                \`notificationId\` char(36) NOT NULL,
                \`channel\` enum ('in_app', 'email', 'whatsapp') NOT NULL,
                \`status\` enum (
                    'pending',
                    'sending',
                    'sent',
                    'failed',
                    'skipped',
                    'cancelled'
                ) NOT NULL,
                \`notBefore\` datetime(3) NOT NULL,
                \`attempts\` int UNSIGNED NOT NULL DEFAULT '0',
                \`lastError\` varchar(500) NULL,
                \`sentAt\` datetime(3) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                INDEX \`IDX_b00e6da9c8dd1c70b67dac594b\` (\`status\`, \`notBefore\`),
                UNIQUE INDEX \`UQ_delivery_channel\` (\`notificationId\`, \`channel\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`notification_preferences\` (
                \`userId\` char(36) NOT NULL,
                \`email\` tinyint NOT NULL DEFAULT 1,
                \`whatsapp\` tinyint NOT NULL DEFAULT 1,
                \`locale\` enum ('id', 'en') NULL,
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                PRIMARY KEY (\`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD CONSTRAINT \`FK_692a909ee0fa9383e7859f9b406\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notification_deliveries\`
            ADD CONSTRAINT \`FK_480dc696b3c108f40b394d65faf\` FOREIGN KEY (\`notificationId\`) REFERENCES \`notifications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notification_preferences\`
            ADD CONSTRAINT \`FK_b70c44e8b00757584a393225593\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`notification_preferences\` DROP FOREIGN KEY \`FK_b70c44e8b00757584a393225593\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notification_deliveries\` DROP FOREIGN KEY \`FK_480dc696b3c108f40b394d65faf\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP FOREIGN KEY \`FK_692a909ee0fa9383e7859f9b406\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notification_preferences\`
        `);
        await queryRunner.query(`
            DROP INDEX \`UQ_delivery_channel\` ON \`notification_deliveries\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_b00e6da9c8dd1c70b67dac594b\` ON \`notification_deliveries\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notification_deliveries\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_bb45f11593d05020dd1b9a8f58\` ON \`notifications\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_e372e3d0bab77c59645f248dbf\` ON \`notifications\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_46b99ddd4389fbdf00d9e4552d\` ON \`notifications\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notifications\`
        `);
    }

}
