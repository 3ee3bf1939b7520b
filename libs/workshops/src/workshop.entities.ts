/** Every entity of this lib, for the schema (libs/database) and TypeOrmModule.forFeature. */
export const workshopEntities = [];
