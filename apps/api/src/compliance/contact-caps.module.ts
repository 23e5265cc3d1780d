import { Module } from '@nestjs/common';
import { ContactCapsController } from './contact-caps.controller';
import { ContactCapsService } from './contact-caps.service';

/** Frequency caps per number: `GET` and `PUT /compliance/contact-caps`. */
@Module({ controllers: [ContactCapsController], providers: [ContactCapsService] })
export class ContactCapsModule {}
