import { MigrationInterface, QueryRunner } from "typeorm";

export class HeldSeats1795862302977 implements MigrationInterface {
    name = 'HeldSeats1795862302977'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`workshops\`
            ADD \`quotasReleasedAt\` datetime(3) NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`workshops\` DROP COLUMN \`quotasReleasedAt\`
        `);
    }

}
