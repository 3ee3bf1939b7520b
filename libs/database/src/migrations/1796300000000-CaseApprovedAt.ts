import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `assistance_cases.approvedAt`: when the lender or agency approved the case, so the program funnel counts
 * an approval in the period it happened. Cases approved before this migration take their last change.
 */
export class CaseApprovedAt1796300000000 implements MigrationInterface {
    name = 'CaseApprovedAt1796300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`assistance_cases\`
            ADD \`approvedAt\` datetime(3) NULL
        `);
        await queryRunner.query(`
            UPDATE \`assistance_cases\` SET \`approvedAt\` = \`updatedAt\` WHERE \`status\` = 'approved'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`assistance_cases\` DROP COLUMN \`approvedAt\`
        `);
    }

}
