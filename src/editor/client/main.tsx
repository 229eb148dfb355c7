// The editors' app at /editor: sign in with a token, choose a district, keep its contacts
// current. Routes live in the address's fragment (#/d/16065/c/<id>), so that the browser's back
// button and a reload keep the place, and the server serves one page.
import { render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import {
  EditorArchiveConceptDocument,
  EditorArchiveContactDocument,
  EditorArchiveDocumentDocument,
  EditorArchiveFundingDocument,
  EditorArchiveOfferDocument,
  EditorArchivePositionDocument,
  EditorViewerDocument,
  type EditorViewerQuery,
} from '../../../schema/generated/graphql.js';
import { ApiFailure, read, session, write } from './api.js';
import { Archive } from './archive.js';
import { ConceptForm } from './concepts.js';
import { ContactForm, HoursTranslations, NewContactForm, PublicCard } from './contacts.js';
import { type DistrictData, DistrictHome, loadDistrict } from './district.js';
import { DocumentForm } from './documents.js';
import { forgetAllDrafts } from './drafts.js';
import { ProviderSignIn, signInFailureText, TokenField } from './fields.js';
import { FundingForm, nameOf as fundingName } from './fundings.js';
import { History } from './history.js';
import { IndicatorValues, indicatorName, ValueForm, valuesOfIndicator } from './indicators.js';
import { OfferForm } from './offers.js';
import { PostForm } from './posts.js';
import { finishSignIn, provider, returnedFromProvider, signOutAtProvider } from './signIn.js';
import { StewardDistrict, StewardOverview, useStewardship } from './stewardship.js';
import { Successor } from './successor.js';
import { texts as allTexts, type Language, type Texts } from './texts.js';
import { Translations } from './translations.js';

type Viewer = NonNullable<EditorViewerQuery['viewer']>;

const languageKey = 'integrationsgraph.editor.language';

type Route =
  | { page: 'districts' }
  | { page: 'district'; ags: string }
  | { page: 'contact'; ags: string; id: string }
  | { page: 'offer'; ags: string; id: string }
  | { page: 'concept'; ags: string; id: string }
  | { page: 'funding'; ags: string; id: string }
  | { page: 'post'; ags: string; id: string }
  | { page: 'document'; ags: string; id: string }
  | { page: 'indicator'; ags: string; id: string }
  | { page: 'steward'; ags: string };

function routeOf(hash: string): Route {
  const [d, ags, c, id] = hash.replace(/^#\/?/, '').split('/');
  if (d === 'd' && ags && c === 'c' && id) return { page: 'contact', ags, id: decodeURIComponent(id) };
  if (d === 'd' && ags && c === 'o' && id) return { page: 'offer', ags, id: decodeURIComponent(id) };
  if (d === 'd' && ags && c === 'k' && id) return { page: 'concept', ags, id: decodeURIComponent(id) };
  if (d === 'd' && ags && c === 'f' && id) return { page: 'funding', ags, id: decodeURIComponent(id) };
  if (d === 'd' && ags && c === 'p' && id) return { page: 'post', ags, id: decodeURIComponent(id) };
  if (d === 'd' && ags && c === 'doc' && id) return { page: 'document', ags, id: decodeURIComponent(id) };
  if (d === 'd' && ags && c === 'i' && id) return { page: 'indicator', ags, id: decodeURIComponent(id) };
  if (d === 'd' && ags) return { page: 'district', ags };
  if (d === 's' && ags) return { page: 'steward', ags };
  return { page: 'districts' };
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** Every new page moves the focus to its heading, so that screen readers and keyboards start there. */
function Heading({ children }: { children: string }) {
  useEffect(() => document.getElementById('page-heading')?.focus(), [children]);
  return (
    <h1 class="kern-heading-large" id="page-heading" tabindex={-1}>
      {children}
    </h1>
  );
}

function SignIn({ texts, onSignedIn, refusal }: { texts: Texts; onSignedIn(): void; refusal: string | null }) {
  const [token, setToken] = useState('');
  return (
    <div class="sign-in">
      <Heading>{texts.signInTitle}</Heading>
      {refusal && (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <span class="kern-title">{refusal}</span>
          </div>
        </div>
      )}
      {provider && (
        <>
          <p class="kern-body">{texts.providerIntro}</p>
          <ProviderSignIn texts={texts} primary />
          <h2 class="kern-heading-medium">{texts.orWithToken}</h2>
        </>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!token.trim()) return;
          session.signIn(token);
          onSignedIn();
        }}
      >
        <p class="kern-body">{texts.signInIntro}</p>
        <TokenField id="token" texts={texts} value={token} onValue={setToken} />
        <button type="submit" class={`kern-btn ${provider ? 'kern-btn--secondary' : 'kern-btn--primary'}`}>
          <span class="kern-label">{texts.signIn}</span>
        </button>
      </form>
    </div>
  );
}

function Districts({ viewer, texts }: { viewer: Viewer; texts: Texts }) {
  const day = (at: string | null) => at && new Intl.DateTimeFormat(texts.dateTime, { dateStyle: 'long' }).format(new Date(at));
  return (
    <>
      <Heading>{texts.yourDistricts}</Heading>
      {viewer.districts.length === 0 ? (
        <p class="kern-body">{texts.noDistricts}</p>
      ) : (
        <ul class="kern-list district-list">
          {viewer.districts.map((district) => (
            <li key={district.ags}>
              <a class="kern-link" href={`#/d/${district.ags}`}>
                {district.name}
              </a>{' '}
              <span class="kern-body">— {texts.lastVerified(day(district.lastVerifiedAt))}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type Loaded = DistrictData | { failure: string } | null;

function District({
  route,
  viewer,
  texts,
  language,
}: {
  route: Extract<Route, { page: 'district' | 'contact' | 'offer' | 'concept' | 'funding' | 'post' | 'document' | 'indicator' }>;
  viewer: Viewer;
  texts: Texts;
  language: Language;
}) {
  // A ministry reads its districts but does not change them.
  const own = viewer.role !== 'MINISTRY' && viewer.districts.some((district) => district.ags === route.ags);
  const [loaded, setLoaded] = useState<Loaded>(null);
  const reload = useCallback(async () => {
    const district = await loadDistrict(route.ags);
    setLoaded(district);
    return district;
  }, [route.ags]);
  useEffect(() => {
    if (own) reload().catch((error: Error) => setLoaded({ failure: error.message }));
  }, [own, reload]);

  if (!own)
    return (
      <>
        <Heading>{texts.notYourDistrict}</Heading>
        <a class="kern-link" href="#/">
          {texts.backToDistricts}
        </a>
      </>
    );
  if (!loaded)
    return (
      <p class="kern-body" role="status">
        {texts.loading}
      </p>
    );
  if ('failure' in loaded)
    return (
      <p class="kern-body" role="alert">
        {loaded.failure}
      </p>
    );
  if (route.page === 'district')
    return (
      <>
        <a class="kern-link" href="#/">
          {texts.backToDistricts}
        </a>
        <Heading>{loaded.name}</Heading>
        <DistrictHome district={loaded} texts={texts} language={language} reload={reload} />
      </>
    );
  if (route.page === 'offer') return <OfferPage id={route.id} district={loaded} texts={texts} language={language} reload={reload} />;
  if (route.page === 'concept') return <ConceptPage id={route.id} district={loaded} texts={texts} language={language} reload={reload} />;
  if (route.page === 'funding') return <FundingPage id={route.id} district={loaded} texts={texts} language={language} reload={reload} />;
  if (route.page === 'post') return <PostPage id={route.id} district={loaded} texts={texts} language={language} reload={reload} />;
  if (route.page === 'document') return <DocumentPage id={route.id} district={loaded} texts={texts} language={language} reload={reload} />;
  if (route.page === 'indicator')
    return <IndicatorPage id={route.id} district={loaded} texts={texts} language={language} reload={reload} />;
  if (route.id === 'new')
    return (
      <>
        <a class="kern-link" href={`#/d/${route.ags}`}>
          {texts.backToDistrict(loaded.name)}
        </a>
        <Heading>{texts.newContact}</Heading>
        <NewContactForm district={loaded} texts={texts} language={language} reload={reload} />
      </>
    );
  const contact = loaded.contacts.edges.find((edge) => edge.node.id === route.id)?.node;
  if (!contact) return <Heading>{texts.notYourDistrict}</Heading>;
  return (
    <>
      <a class="kern-link" href={`#/d/${route.ags}`}>
        {texts.backToDistrict(loaded.name)}
      </a>
      <Heading>{texts.edit(contact.person?.displayName ?? contact.position.title)}</Heading>
      <div class="edit-layout">
        <ContactForm key={contact.id} contact={contact} texts={texts} language={language} reload={reload} />
        <aside aria-labelledby="public-heading">
          <h2 class="kern-heading-medium" id="public-heading">
            {texts.publicCard}
          </h2>
          <PublicCard contact={contact} texts={texts} />
        </aside>
      </div>
      <HoursTranslations contact={contact} texts={texts} language={language} reload={reload} />
      <Successor key={`${contact.id}-successor`} contact={contact} texts={texts} language={language} reload={reload} />
      <History of={contact.id} revision={String(contact.version)} texts={texts} />
      <Archive
        name={contact.person?.displayName ?? contact.position.title}
        ags={route.ags}
        texts={texts}
        words={texts.archiveContact}
        archive={async () =>
          (await write(EditorArchiveContactDocument, { input: { id: contact.id, version: contact.version } })).archiveContact
        }
        reload={reload}
      />
    </>
  );
}

function OfferPage({
  id,
  district,
  texts,
  language,
  reload,
}: {
  id: string;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}) {
  const offer = id === 'new' ? null : district.offers.edges.find((edge) => edge.node.id === id)?.node;
  if (offer === undefined) return <Heading>{texts.notYourDistrict}</Heading>;
  return (
    <>
      <a class="kern-link" href={`#/d/${district.ags}`}>
        {texts.backToDistrict(district.name)}
      </a>
      <Heading>{offer ? texts.edit(offer.title) : texts.newOffer}</Heading>
      <OfferForm key={id} offer={offer} district={district} texts={texts} language={language} reload={reload} />
      {offer && (
        <>
          <Translations
            key={`${offer.id}-translations`}
            heading={texts.translations}
            subject={offer.id}
            localized={offer}
            fields={[
              { field: 'title', label: texts.offerTitle },
              { field: 'description', label: texts.offerDescription, multiline: true },
            ]}
            texts={texts}
            language={language}
            reload={reload}
          />
          <Archive
            name={offer.title}
            ags={district.ags}
            texts={texts}
            words={texts.archiveOffer}
            archive={async () =>
              (await write(EditorArchiveOfferDocument, { input: { id: offer.id, version: offer.version } })).archiveOffer
            }
            reload={reload}
          />
          <History of={offer.id} revision={JSON.stringify([offer.version, offer.en, offer.ar, offer.uk])} texts={texts} />
        </>
      )}
    </>
  );
}

interface RecordPageProps {
  id: string;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

function ConceptPage({ id, district, texts, language, reload }: RecordPageProps) {
  const concept = id === 'new' ? null : district.concepts.find((candidate) => candidate.id === id);
  if (concept === undefined) return <Heading>{texts.notYourDistrict}</Heading>;
  return (
    <>
      <a class="kern-link" href={`#/d/${district.ags}`}>
        {texts.backToDistrict(district.name)}
      </a>
      <Heading>{concept ? texts.edit(concept.title) : texts.newConcept}</Heading>
      <ConceptForm key={id} concept={concept} district={district} texts={texts} language={language} reload={reload} />
      {concept && (
        <>
          <Translations
            key={`${concept.id}-translations`}
            heading={texts.translations}
            subject={concept.id}
            localized={concept}
            fields={[
              { field: 'title', label: texts.conceptTitle },
              { field: 'summary', label: texts.conceptSummary, multiline: true },
            ]}
            texts={texts}
            language={language}
            reload={reload}
          />
          <Archive
            name={concept.title}
            ags={district.ags}
            texts={texts}
            words={texts.archiveConcept}
            archive={async () =>
              (await write(EditorArchiveConceptDocument, { input: { id: concept.id, version: concept.version } })).archiveIntegrationConcept
            }
            reload={reload}
          />
          <History of={concept.id} revision={String(concept.version)} texts={texts} />
        </>
      )}
    </>
  );
}

function FundingPage({ id, district, texts, language, reload }: RecordPageProps) {
  const funding = id === 'new' ? null : district.fundings.find((candidate) => candidate.id === id);
  if (funding === undefined) return <Heading>{texts.notYourDistrict}</Heading>;
  return (
    <>
      <a class="kern-link" href={`#/d/${district.ags}`}>
        {texts.backToDistrict(district.name)}
      </a>
      <Heading>{funding ? texts.edit(fundingName(funding, texts)) : texts.newFunding}</Heading>
      <FundingForm key={id} funding={funding} district={district} texts={texts} language={language} reload={reload} />
      {funding && (
        <>
          <Archive
            name={fundingName(funding, texts)}
            ags={district.ags}
            texts={texts}
            words={texts.archiveFunding}
            archive={async () =>
              (await write(EditorArchiveFundingDocument, { input: { id: funding.id, version: funding.version } })).archiveFunding
            }
            reload={reload}
          />
          <History of={funding.id} revision={String(funding.version)} texts={texts} />
        </>
      )}
    </>
  );
}

function PostPage({ id, district, texts, language, reload }: RecordPageProps) {
  const post = id === 'new' ? null : district.posts.find((candidate) => candidate.id === id);
  if (post === undefined) return <Heading>{texts.notYourDistrict}</Heading>;
  return (
    <>
      <a class="kern-link" href={`#/d/${district.ags}`}>
        {texts.backToDistrict(district.name)}
      </a>
      <Heading>{post ? texts.edit(post.title) : texts.newPostPage}</Heading>
      <PostForm key={id} post={post} district={district} texts={texts} language={language} reload={reload} />
      {post && (
        <>
          <Translations
            key={`${post.id}-translations`}
            heading={texts.translations}
            subject={post.id}
            localized={post}
            fields={[{ field: 'title', label: texts.postTitle }]}
            texts={texts}
            language={language}
            reload={reload}
          />
          <Archive
            name={post.title}
            ags={district.ags}
            texts={texts}
            words={texts.archivePost}
            archive={async () =>
              (await write(EditorArchivePositionDocument, { input: { id: post.id, version: post.version } })).archivePosition
            }
            reload={reload}
          />
          <History of={post.id} revision={String(post.version)} texts={texts} />
        </>
      )}
    </>
  );
}

function DocumentPage({ id, district, texts, language, reload }: RecordPageProps) {
  const document = id === 'new' ? null : district.documents.find((candidate) => candidate.id === id);
  if (document === undefined) return <Heading>{texts.notYourDistrict}</Heading>;
  return (
    <>
      <a class="kern-link" href={`#/d/${district.ags}`}>
        {texts.backToDistrict(district.name)}
      </a>
      <Heading>{document ? texts.edit(document.title) : texts.newDocument}</Heading>
      <DocumentForm key={id} document={document} district={district} texts={texts} language={language} reload={reload} />
      {document && (
        <>
          <Archive
            name={document.title}
            ags={district.ags}
            texts={texts}
            words={texts.archiveDocument}
            archive={async () =>
              (await write(EditorArchiveDocumentDocument, { input: { id: document.id, version: document.version } })).archiveDocument
            }
            reload={reload}
          />
          <History of={document.id} revision={String(document.version)} texts={texts} />
        </>
      )}
    </>
  );
}

/** An indicator of the district (its key in the route): its values over time, and a new one. */
function IndicatorPage({ id, district, texts, language, reload }: RecordPageProps) {
  const indicator = district.indicators.find((candidate) => candidate.key === id);
  if (!indicator) return <Heading>{texts.notYourDistrict}</Heading>;
  const { current, earlier } = valuesOfIndicator(district, indicator.key);
  // A new value is logged as the change of the one it followed (its value before and after); the first one as made.
  const lastRecorded = current && earlier[0] ? earlier[0] : current;
  return (
    <>
      <a class="kern-link" href={`#/d/${district.ags}`}>
        {texts.backToDistrict(district.name)}
      </a>
      <Heading>{texts.recordValueFor(indicatorName(indicator, language))}</Heading>
      <IndicatorValues indicator={indicator} district={district} texts={texts} />
      <ValueForm key={id} indicator={indicator} district={district} texts={texts} language={language} reload={reload} />
      {lastRecorded && <History of={lastRecorded.id} revision={lastRecorded.id} texts={texts} />}
    </>
  );
}

/** A ministry's (or an administrator's) home: their districts, and one district's access keys. */
function Stewardship({
  route,
  viewer,
  texts,
  language,
}: {
  route: Extract<Route, { page: 'districts' | 'steward' }>;
  viewer: Viewer;
  texts: Texts;
  language: Language;
}) {
  const [steward, failure, reload] = useStewardship();
  if (failure)
    return (
      <p class="kern-body" role="alert">
        {failure}
      </p>
    );
  if (!steward)
    return (
      <p class="kern-body" role="status">
        {texts.loading}
      </p>
    );
  if (route.page === 'districts')
    return (
      <>
        <Heading>{texts.stewardshipTitle}</Heading>
        <StewardOverview steward={steward} texts={texts} />
      </>
    );
  const district = steward.districts.find((candidate) => candidate.ags === route.ags);
  if (!district) return <Heading>{texts.notYourDistrict}</Heading>;
  return (
    <>
      <a class="kern-link" href="#/">
        {texts.backToDistricts}
      </a>
      <Heading>{district.name}</Heading>
      {viewer.role === 'ADMIN' && (
        <p class="kern-body">
          <a class="kern-link" href={`#/d/${district.ags}`}>
            {texts.editData}
          </a>
        </p>
      )}
      <StewardDistrict district={district} texts={texts} language={language} reload={reload} />
    </>
  );
}

function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(languageKey) === 'en' ? 'en' : 'de'));
  const texts = allTexts[language];
  const route = useRoute();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(returnedFromProvider);

  const identify = useCallback(
    async (atProvider = false) => {
      if (!session.token()) return setViewer(null);
      try {
        const answer = await read(EditorViewerDocument, {});
        setFailure(null);
        setViewer(answer.viewer);
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        if (error.kind !== 'signedOut') return setFailure(error.kind === 'network' ? texts.networkDown : texts.serverFailed);
        session.signOut();
        setRefusal(atProvider ? texts.accountRefused : texts.unknownToken);
        setViewer(null);
      }
    },
    [texts],
  );
  useEffect(() => {
    finishSignIn()
      .then(async (token) => {
        if (token) session.signIn(token);
        await identify(!!token);
      })
      .catch((error: unknown) => setRefusal(signInFailureText(error, texts)))
      .finally(() => setFinishing(false));
  }, []);
  // Before the paint, so that the page's language never disagrees with its words (screen readers read by it).
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.title = texts.appTitle;
    localStorage.setItem(languageKey, language);
  }, [language, texts]);

  const signOut = async () => {
    session.signOut();
    forgetAllDrafts();
    location.hash = '#/';
    if (await signOutAtProvider().catch(() => false)) return;
    setViewer(null);
    setRefusal(null);
  };

  return (
    <>
      <header class="app-header">
        <p class="kern-title">{texts.appTitle}</p>
        <div class="kern-form-input language">
          <label class="kern-label" for="language">
            {texts.language}
          </label>
          <div class="kern-form-input__select-wrapper">
            <select
              class="kern-form-input__select"
              id="language"
              value={language}
              onChange={(event) => setLanguage(event.currentTarget.value as Language)}
            >
              <option value="de" lang="de">
                Deutsch
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </div>
        </div>
        {viewer && (
          <p class="kern-body signed-in">
            {texts.signedInAs(viewer.name)}{' '}
            <button type="button" class="kern-btn kern-btn--tertiary" onClick={() => void signOut()}>
              <span class="kern-label">{texts.signOut}</span>
            </button>
          </p>
        )}
      </header>
      <main id="main" tabindex={-1}>
        {failure && (
          <p class="kern-body" role="alert">
            {failure}
          </p>
        )}
        {finishing ? (
          <p class="kern-body" role="status">
            {texts.finishingSignIn}
          </p>
        ) : !viewer ? (
          <SignIn texts={texts} refusal={refusal} onSignedIn={() => void identify()} />
        ) : viewer.role !== 'EDITOR' && (route.page === 'districts' || route.page === 'steward') ? (
          <Stewardship route={route} viewer={viewer} texts={texts} language={language} />
        ) : route.page === 'districts' || route.page === 'steward' ? (
          <Districts viewer={viewer} texts={texts} />
        ) : (
          <District route={route} viewer={viewer} texts={texts} language={language} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
