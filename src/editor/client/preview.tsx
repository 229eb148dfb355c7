// What a district website shows of the district: the district widget itself (examples/district-
// widget, served beside the app), not a copy of it — the contacts and offers as residents read
// them, in each of the widget's languages by its own switch, with "open now" and the texts
// each language has or falls back from. It is drawn again after every change the app saves, asking
// the server rather than the browser's cache (which may keep the widget's answers for a minute).
import { useEffect, useRef } from 'preact/hooks';
import type { Texts } from './texts.js';

/** Loaded when the preview is first shown; a variable, so that the bundle leaves it to the browser. */
const widgetAddress = '/editor/widget/widget.js';

interface WidgetModule {
  mountIntegrationWidget(root: HTMLElement): Promise<void>;
}

export function Preview({ ags, revision, texts }: { ags: string; revision: unknown; texts: Texts }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    // Offline, the box says nothing more than the widget itself would; the rest of the page works on.
    (import(widgetAddress) as Promise<WidgetModule>)
      .then(({ mountIntegrationWidget }) => mountIntegrationWidget(element))
      .catch((error: Error) => console.warn('preview:', error.message));
  }, [ags, revision]);
  return (
    <section aria-labelledby="preview-heading" class="preview">
      <h2 class="kern-heading-medium" id="preview-heading">
        {texts.previewTitle}
      </h2>
      <p class="kern-body">{texts.previewIntro}</p>
      {/* Not of class ig-widget, which the widget's module mounts by itself when it loads: the preview mounts it, once per change. */}
      <div
        class="ig-preview"
        ref={root}
        data-api={`${location.origin}/graphql`}
        data-ags={ags}
        data-lang="de"
        data-heading-level="3"
        data-fresh=""
      />
    </section>
  );
}
