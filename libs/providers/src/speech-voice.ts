/**
 * A language tag as carriers' TTS takes it: `es`, `en-US`, `cmn-CN`, `en-GB-WLS`. A bare
 * three-letter word is a voice (Twilio's `man`), not a language.
 */
const LANGUAGE_TAG = /^(?:[a-z]{2}|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})+)$/;

/** How a carrier's speak verb is told who speaks: a voice name, a language, or neither. */
export interface SpeechVoice {
  voice?: string;
  language?: string;
}

/**
 * Reads a plan's `voice`: a language tag (`es-MX`) is the language, spoken in the carrier's
 * default voice; anything else (`Polly.Joanna`, `alice`, `WOMAN`) is the carrier's voice name,
 * passed on as given (the carrier refuses one it does not know).
 */
export function speechVoice(voice: string | undefined): SpeechVoice {
  if (voice === undefined || voice === '') return {};
  return LANGUAGE_TAG.test(voice) ? { language: voice } : { voice };
}
