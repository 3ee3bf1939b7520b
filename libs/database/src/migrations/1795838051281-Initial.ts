import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795838051281 implements MigrationInterface {
    name = 'Initial1795838051281'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`regions\` (
                \`code\` varchar(16) NOT NULL,
                \`name\` varchar(100) NOT NULL,
                \`level\` enum ('kota', 'kecamatan', 'kelurahan') NOT NULL,
                \`parentCode\` varchar(16) NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                INDEX \`IDX_1953eaf12659acf2ec7e079218\` (\`level\`, \`parentCode\`, \`code\`),
                PRIMARY KEY (\`code\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`mentor_kelurahan\` (
                \`mentorId\` char(36) NOT NULL,
                \`kelurahanCode\` varchar(16) NOT NULL,
                INDEX \`IDX_cfed20f784c8ad64888a1ef37b\` (\`kelurahanCode\`, \`mentorId\`),
                PRIMARY KEY (\`mentorId\`, \`kelurahanCode\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`mentor_profiles\` (
                \`userId\` char(36) NOT NULL,
                \`topics\`
                set (
                        'permodalan',
                        'perizinan',
                        'sertifikasi_halal',
                        'keuangan',
                        'pemasaran',
                        'produksi',
                        'lainnya'
                    ) NOT NULL,
                    \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                    \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                    PRIMARY KEY (\`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`users\` (
                \`id\` char(36) NOT NULL,
                \`email\` varchar(254) NOT NULL,
                \`passwordHash\` varchar(255) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`phone\` varchar(20) NULL,
                \`organization\` varchar(120) NULL,
                \`roles\`
                set ('entrepreneur', 'mentor', 'speaker', 'admin') NOT NULL,
                    \`locale\` enum ('id', 'en') NOT NULL DEFAULT 'id',
                    \`timezone\` varchar(64) NOT NULL DEFAULT 'Asia/Jakarta',
                    \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                    \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                    UNIQUE INDEX \`IDX_97672ac88f789774dd47f7c8be\` (\`email\`),
                    PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`entrepreneur_profiles\` (
                \`userId\` char(36) NOT NULL,
                \`businessName\` varchar(120) NOT NULL,
                \`businessType\` enum (
                    'konveksi',
                    'kerajinan',
                    'makanan_minuman',
                    'katering',
                    'kelontong',
                    'lainnya'
                ) NOT NULL,
                \`kelurahanCode\` varchar(16) NOT NULL,
                \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                INDEX \`IDX_a1a69a05e2048da69c57819bcb\` (\`kelurahanCode\`, \`businessType\`),
                PRIMARY KEY (\`userId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`regions\`
            ADD CONSTRAINT \`FK_b91c4fc6ac4d7217d2b2af0fe3c\` FOREIGN KEY (\`parentCode\`) REFERENCES \`regions\`(\`code\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_kelurahan\`
            ADD CONSTRAINT \`FK_940ebca584c3a165e73c0d5ecd2\` FOREIGN KEY (\`mentorId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_kelurahan\`
            ADD CONSTRAINT \`FK_19b31a8c8d14174268a2c790f0c\` FOREIGN KEY (\`kelurahanCode\`) REFERENCES \`regions\`(\`code\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_profiles\`
            ADD CONSTRAINT \`FK_675b619fc709251e28caee6a7f7\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`entrepreneur_profiles\`
            ADD CONSTRAINT \`FK_146e11f0db7c227d971f06476da\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`entrepreneur_profiles\`
            ADD CONSTRAINT \`FK_16db624403e3fe30e1788b82306\` FOREIGN KEY (\`kelurahanCode\`) REFERENCES \`regions\`(\`code\`) ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`entrepreneur_profiles\` DROP FOREIGN KEY \`FK_16db624403e3fe30e1788b82306\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`entrepreneur_profiles\` DROP FOREIGN KEY \`FK_146e11f0db7c227d971f06476da\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_profiles\` DROP FOREIGN KEY \`FK_675b619fc709251e28caee6a7f7\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_kelurahan\` DROP FOREIGN KEY \`FK_19b31a8c8d14174268a2c790f0c\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`mentor_kelurahan\` DROP FOREIGN KEY \`FK_940ebca584c3a165e73c0d5ecd2\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`regions\` DROP FOREIGN KEY \`FK_b91c4fc6ac4d7217d2b2af0fe3c\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_a1a69a05e2048da69c57819bcb\` ON \`entrepreneur_profiles\`
        `);
        await queryRunner.query(`
            DROP TABLE \`entrepreneur_profiles\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_97672ac88f789774dd47f7c8be\` ON \`users\`
        `);
        await queryRunner.query(`
            DROP TABLE \`users\`
        `);
        await queryRunner.query(`
            DROP TABLE \`mentor_profiles\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_cfed20f784c8ad64888a1ef37b\` ON \`mentor_kelurahan\`
        `);
        await queryRunner.query(`
            DROP TABLE \`mentor_kelurahan\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_1953eaf12659acf2ec7e079218\` ON \`regions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`regions\`
        `);
    }

}
