/** A text in each language of the portal (the domain keeps its own type: it imports nothing of ours). */
export interface Localized {
  fr: string;
  de: string;
  en: string;
}
