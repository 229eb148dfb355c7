// Archiving a record from its page: asked first, then back to the district. Offers and contacts
// alike; what the record is and the mutation that archives it are given.
import { useState } from 'preact/hooks';
import { saidOfFailure } from './api.js';
import type { Texts } from './texts.js';

interface ArchiveProps {
  /** The record as the question names it. */
  name: string;
  ags: string;
  texts: Texts;
  words: { title: string; help: string; button: string; question(name: string): string };
  /** Archives it; the answer's typename says whether it was. */
  archive(): Promise<{ __typename: string; message?: string }>;
  reload(): Promise<unknown>;
}

export function Archive({ name, ags, texts, words, archive, reload }: ArchiveProps) {
  const [message, setMessage] = useState<string | null>(null);
  async function confirmAndArchive() {
    if (!confirm(words.question(name))) return;
    try {
      const answer = await archive();
      if (!answer.__typename.endsWith('Success')) return setMessage(answer.message ?? answer.__typename);
      await reload();
      location.hash = `#/d/${ags}`;
    } catch (error) {
      setMessage(saidOfFailure(error, texts));
    }
  }
  return (
    <section aria-labelledby="archive-heading">
      <h2 class="kern-heading-medium" id="archive-heading">
        {words.title}
      </h2>
      <p class="kern-body">{words.help}</p>
      <button type="button" class="kern-btn kern-btn--secondary" onClick={confirmAndArchive}>
        <span class="kern-label">{words.button}</span>
      </button>
      <p class="kern-body status" role="status">
        {message}
      </p>
    </section>
  );
}
