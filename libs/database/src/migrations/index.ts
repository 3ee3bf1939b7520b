// Written by scripts/migration.mjs. The apps are bundled, so a glob would find nothing at run time.
import { Initial1795838051281 } from './1795838051281-Initial';
import { SeedDkiJakartaRegions1795838051282 } from './1795838051282-SeedDkiJakartaRegions';

export const migrations: Function[] = [Initial1795838051281, SeedDkiJakartaRegions1795838051282];
