import { Module } from '@nestjs/common';
import { CallDocumentsController } from './call-documents.controller';

/** What carriers fetch during a call: the answer and voicemail documents. */
@Module({ controllers: [CallDocumentsController] })
export class VoiceModule {}
