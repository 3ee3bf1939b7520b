import { MigrationInterface, QueryRunner } from "typeorm";

export class Consultations1795840198809 implements MigrationInterface {
    name = 'Consultations1795840198809'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`mentor_availability\` (
                \`mentorId\` char(36) NOT NULL,
                \`timezone\` varchar(64) NOT NULL,
                \`slotMinutes\` smallint UNSIGNED NOT NULL,
                \`bufferMinutes\` smallint UNSIGNED NOT NULL DEFAULT '0',
                \`minNoticeMinutes\` int UNSIGNED NOT NULL DEFAULT '0',
                \`horizonDays\` smallint UNSIGNED NOT NULL,
                \`dailyCap\` smallint UNSIGNED NULL,
                \`weekly\` text NOT NULL,
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                PRIMARY KEY (\`mentorId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`availability_overrides\` (
                \`mentorId\` char(36) NOT NULL,
                \`date\` date NOT NULL,
                \`ranges\` text NOT NULL,
                PRIMARY KEY (\`mentorId\`, \`date\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`consultations\` (
                \`id\` char(36) NOT NULL,
                \`mentorId\` char(36) NOT NULL,
                \`entrepreneurId\` char(36) NOT NULL,
                \`start\` datetime(3) NOT NULL,
                \`end\` datetime(3) NOT NULL,
                \`topic\` enum (
                    'permodalan',
                    'perizinan',
                    'sertifikasi_halal',
                    'keuangan',
                    'pemasaran',
                    'produksi',
                    'lainnya'
                ) NOT NULL,
                \`note\` varchar(1000) NULL,
                \`status\` enum ('booked', 'completed', 'cancelled', 'no_show') NOT NULL DEFAULT 'booked',
                \`cancelledBy\` char(36) NULL,
                \`cancelReason\` varchar(500) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                INDEX \`IDX_8302a76d916c9186575e7e4aa1\` (\`entrepreneurId\`, \`status\`, \`start\`),
                INDEX \`IDX_1b66a8e23eccd8265c66ce3c9f\` (\`mentorId\`, \`status\`, \`start\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`consultation_outcomes\` (
                \`consultationId\` char(36) NOT NULL,
                \`mentorId\` char(36) NOT NULL,
                \`summary\` text NOT NULL,
                \`actions\` text NOT NULL,
                \`followUpOn\` date NULL,
                \`followUpDoneAt\` datetime(3) NULL,
                \`caseId\` char(36) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                INDEX \`IDX_65bf7d2f36f0898fd52d54a1fe\` (\`mentorId\`, \`followUpDoneAt\`, \`followUpOn\`),
                PRIMARY KEY (\`consultationId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`assistance_cases\` (
                \`id\` char(36) NOT NULL,
                \`type\` enum ('permodalan', 'perizinan', 'sertifikasi_halal') NOT NULL,
                \`entrepreneurId\` char(36) NOT NULL,
                \`mentorId\` char(36) NOT NULL,
                \`openedInConsultationId\` char(36) NOT NULL,
                \`status\` enum (
                    'open',
                    'submitted',
                    'approved',
                    'rejected',
                    'closed'
                ) NOT NULL DEFAULT 'open',
                \`lender\` varchar(120) NULL,
                \`permit\` varchar(20) NULL,
                \`referenceNumber\` varchar(80) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                INDEX \`IDX_7ed9e7a0989bf2ed300be0e15d\` (\`mentorId\`, \`status\`),
                INDEX \`IDX_c4082f03b6806a0de6bec2c276\` (\`entrepreneurId\`, \`createdAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_availability\`
            ADD CONSTRAINT \`FK_8d3165d476cea380eb194b4974b\` FOREIGN KEY (\`mentorId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultations\`
            ADD CONSTRAINT \`FK_9e788712bae7e993b82e7ea8a1f\` FOREIGN KEY (\`mentorId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultations\`
            ADD CONSTRAINT \`FK_ee7599953f50e6d37f8fee23e2e\` FOREIGN KEY (\`entrepreneurId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_outcomes\`
            ADD CONSTRAINT \`FK_4558c078a0ee732e326e12cfa6f\` FOREIGN KEY (\`consultationId\`) REFERENCES \`consultations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`assistance_cases\`
            ADD CONSTRAINT \`FK_dda75006969d711b81fadec1642\` FOREIGN KEY (\`entrepreneurId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`assistance_cases\` DROP FOREIGN KEY \`FK_dda75006969d711b81fadec1642\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultation_outcomes\` DROP FOREIGN KEY \`FK_4558c078a0ee732e326e12cfa6f\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultations\` DROP FOREIGN KEY \`FK_ee7599953f50e6d37f8fee23e2e\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`consultations\` DROP FOREIGN KEY \`FK_9e788712bae7e993b82e7ea8a1f\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_availability\` DROP FOREIGN KEY \`FK_8d3165d476cea380eb194b4974b\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_c4082f03b6806a0de6bec2c276\` ON \`assistance_cases\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_7ed9e7a0989bf2ed300be0e15d\` ON \`assistance_cases\`
        `);
        await queryRunner.query(`
            DROP TABLE \`assistance_cases\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_65bf7d2f36f0898fd52d54a1fe\` ON \`consultation_outcomes\`
        `);
        await queryRunner.query(`
            DROP TABLE \`consultation_outcomes\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_1b66a8e23eccd8265c66ce3c9f\` ON \`consultations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_8302a76d916c9186575e7e4aa1\` ON \`consultations\`
        `);
        await queryRunner.query(`
            DROP TABLE \`consultations\`
        `);
        await queryRunner.query(`
            DROP TABLE \`availability_overrides\`
        `);
        await queryRunner.query(`
            DROP TABLE \`mentor_availability\`
        `);
    }

}
