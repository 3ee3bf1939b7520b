import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'pendamping:public';

/** Opts a route out of the global authentication guard. Everything else needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
