import { MigrationInterface, QueryRunner } from "typeorm";

export class Workshops1795840388927 implements MigrationInterface {
    name = 'Workshops1795840388927'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`workshop_quotas\` (
                \`workshopId\` char(36) NOT NULL,
                \`kecamatanCode\` varchar(16) NOT NULL,
                \`seats\` int UNSIGNED NOT NULL,
                PRIMARY KEY (\`workshopId\`, \`kecamatanCode\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_speakers\` (
                \`workshopId\` char(36) NOT NULL,
                \`speakerId\` char(36) NOT NULL,
                INDEX \`IDX_ada58a354699b7fecccaf9d61c\` (\`speakerId\`, \`workshopId\`),
                PRIMARY KEY (\`workshopId\`, \`speakerId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshops\` (
                \`id\` char(36) NOT NULL,
                \`title\` varchar(200) NOT NULL,
                \`description\` text NOT NULL,
                \`topic\` enum (
                    'permodalan',
                    'perizinan',
                    'sertifikasi_halal',
                    'keuangan',
                    'pemasaran',
                    'produksi',
                    'lainnya'
                ) NOT NULL,
                \`capacity\` int UNSIGNED NOT NULL,
                \`status\` enum ('draft', 'published', 'completed', 'cancelled') NOT NULL DEFAULT 'draft',
                \`cancelReason\` varchar(500) NULL,
                \`rrule\` varchar(500) NULL,
                \`durationMinutes\` int UNSIGNED NULL,
                \`publishedAt\` datetime(3) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                INDEX \`IDX_b1c105d4f3b3aac07fcfeadd29\` (\`status\`, \`topic\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_sessions\` (
                \`id\` char(36) NOT NULL,
                \`workshopId\` char(36) NOT NULL,
                \`startsAt\` datetime(3) NOT NULL,
                \`endsAt\` datetime(3) NOT NULL,
                INDEX \`IDX_ebfda61502ed946c2be94da5cc\` (\`startsAt\`),
                INDEX \`IDX_b363af7fcc7463d769d9750843\` (\`workshopId\`, \`startsAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_attendance_events\` (
                \`id\` char(36) NOT NULL,
                \`sessionId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`kind\` enum ('joined', 'left') NOT NULL,
                \`at\` datetime(3) NOT NULL,
                \`eventId\` varchar(100) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                INDEX \`IDX_76dd669046f54167f04c48065c\` (\`sessionId\`, \`userId\`, \`at\`),
                UNIQUE INDEX \`IDX_d3f3508208dfbac48be343e08e\` (\`eventId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_registrations\` (
                \`id\` char(36) NOT NULL,
                \`workshopId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`status\` enum ('registered', 'waitlisted', 'cancelled') NOT NULL,
                \`waitlistSeq\` int UNSIGNED NULL,
                \`kecamatanCode\` varchar(16) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                INDEX \`IDX_21727d4097e7b17d87ab51dff9\` (\`userId\`),
                INDEX \`IDX_31d3930bb3540cd76847f2f272\` (\`workshopId\`, \`status\`, \`kecamatanCode\`),
                UNIQUE INDEX \`UQ_registration_waitlist\` (\`workshopId\`, \`waitlistSeq\`),
                UNIQUE INDEX \`UQ_registration_person\` (\`workshopId\`, \`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_certificates\` (
                \`id\` char(36) NOT NULL,
                \`number\` varchar(32) NOT NULL,
                \`workshopId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`workshopTitle\` varchar(200) NOT NULL,
                \`issuedAt\` datetime(3) NOT NULL,
                UNIQUE INDEX \`IDX_018018c4f52bc67aaf35a21c50\` (\`number\`),
                UNIQUE INDEX \`UQ_certificate_person\` (\`workshopId\`, \`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_feedback\` (
                \`id\` char(36) NOT NULL,
                \`workshopId\` char(36) NOT NULL,
                \`userId\` char(36) NOT NULL,
                \`rating\` tinyint UNSIGNED NOT NULL,
                \`comment\` text NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                UNIQUE INDEX \`UQ_feedback_person\` (\`workshopId\`, \`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_quotas\`
            ADD CONSTRAINT \`FK_f295e7d7cd3b1eaf5e279f07d79\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_speakers\`
            ADD CONSTRAINT \`FK_d62e2a57863f2509a23522994e3\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_speakers\`
            ADD CONSTRAINT \`FK_5595b22bfdcf61eeb4e5ded1818\` FOREIGN KEY (\`speakerId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_sessions\`
            ADD CONSTRAINT \`FK_6c2d858292ba5be52e7cccce6b9\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_attendance_events\`
            ADD CONSTRAINT \`FK_2b2ad908d631236b6931fa4c551\` FOREIGN KEY (\`sessionId\`) REFERENCES \`workshop_sessions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_registrations\`
            ADD CONSTRAINT \`FK_d18266a047989a22ad2791058e0\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_registrations\`
            ADD CONSTRAINT \`FK_21727d4097e7b17d87ab51dff9d\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_certificates\`
            ADD CONSTRAINT \`FK_c7fd128763d93b22afb79e92b16\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_feedback\`
            ADD CONSTRAINT \`FK_9b0f07feae122a6e3450e001567\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`workshop_feedback\` DROP FOREIGN KEY \`FK_9b0f07feae122a6e3450e001567\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_certificates\` DROP FOREIGN KEY \`FK_c7fd128763d93b22afb79e92b16\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_registrations\` DROP FOREIGN KEY \`FK_21727d4097e7b17d87ab51dff9d\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_registrations\` DROP FOREIGN KEY \`FK_d18266a047989a22ad2791058e0\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_attendance_events\` DROP FOREIGN KEY \`FK_2b2ad908d631236b6931fa4c551\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_sessions\` DROP FOREIGN KEY \`FK_6c2d858292ba5be52e7cccce6b9\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_speakers\` DROP FOREIGN KEY \`FK_5595b22bfdcf61eeb4e5ded1818\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_speakers\` DROP FOREIGN KEY \`FK_d62e2a57863f2509a23522994e3\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_quotas\` DROP FOREIGN KEY \`FK_f295e7d7cd3b1eaf5e279f07d79\`
        `);
        await queryRunner.query(`
            DROP INDEX \`UQ_feedback_person\` ON \`workshop_feedback\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_feedback\`
        `);
        await queryRunner.query(`
            DROP INDEX \`UQ_certificate_person\` ON \`workshop_certificates\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_018018c4f52bc67aaf35a21c50\` ON \`workshop_certificates\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_certificates\`
        `);
        await queryRunner.query(`
            DROP INDEX \`UQ_registration_person\` ON \`workshop_registrations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`UQ_registration_waitlist\` ON \`workshop_registrations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_31d3930bb3540cd76847f2f272\` ON \`workshop_registrations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_21727d4097e7b17d87ab51dff9\` ON \`workshop_registrations\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_registrations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_d3f3508208dfbac48be343e08e\` ON \`workshop_attendance_events\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_76dd669046f54167f04c48065c\` ON \`workshop_attendance_events\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_attendance_events\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_b363af7fcc7463d769d9750843\` ON \`workshop_sessions\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_ebfda61502ed946c2be94da5cc\` ON \`workshop_sessions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_sessions\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_b1c105d4f3b3aac07fcfeadd29\` ON \`workshops\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshops\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_ada58a354699b7fecccaf9d61c\` ON \`workshop_speakers\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_speakers\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_quotas\`
        `);
    }

}
