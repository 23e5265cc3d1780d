import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';

/** Marks a controller or route as reachable without an API key (health, docs, provider webhooks). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
