import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, StoredContactCaps } from '@engine/db';
import { getContactCaps, setContactCaps } from '@engine/db';
import { DefaultContactCaps } from '@engine/domain';
import { DB } from '../infrastructure/tokens';
import type { ContactCapsView, UpdateContactCaps } from './contact-caps.dto';

function toView(caps: StoredContactCaps | undefined): ContactCapsView {
  return {
    per24h: caps?.per24h ?? null,
    per7d: caps?.per7d ?? null,
    defaults: { per24h: DefaultContactCaps.per24h, per7d: DefaultContactCaps.per7d },
  };
}

/**
 * A customer's frequency caps: how often one number may be contacted across all its campaigns and
 * channels. Workers read them at every tick, so a change applies from the next tick on.
 */
@Injectable()
export class ContactCapsService {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async get(customerId: string): Promise<ContactCapsView> {
    return toView(await getContactCaps(this.db, customerId));
  }

  async set(customerId: string, caps: UpdateContactCaps): Promise<ContactCapsView> {
    return toView(await setContactCaps(this.db, customerId, caps));
  }
}
