// A district's offers: the list, the form that adds or changes one (towns from the district's
// official municipalities), its translations, and archiving it.
import { useState } from 'preact/hooks';
import {
  EditorCreateOfferDocument,
  EditorUpdateOfferDocument,
  type OfferCategory,
  type OfferFieldsInput,
  type TargetGroup,
} from '../../../schema/generated/graphql.js';
import { type AccessDraft, AccessFields, accessDraftOf, accessInputOf, atPointField, unknownAccess } from './addresses.js';
import { write } from './api.js';
import type { DistrictData } from './district.js';
import { Conflict, Field, type Issue, orNull, ProblemSummary, SaveFooter, SelectField, TextField } from './fields.js';
import { useRecordForm } from './recordForm.js';
import type { Language, Texts } from './texts.js';

export type Offer = DistrictData['offers']['edges'][number]['node'];

interface OfferDraft {
  title: string;
  description: string;
  category: OfferCategory;
  targetGroups: TargetGroup[];
  /** Language codes as typed, e.g. "de, uk". */
  languages: string;
  providerName: string;
  website: string;
  online: boolean;
  /** The towns it is available in, each with what is there: a label, the entrance's point, access. */
  places: PlaceDraft[];
}

interface PlaceDraft extends AccessDraft {
  town: string;
  label: string;
}

const categories: OfferCategory[] = [
  'COUNSELLING',
  'LANGUAGE_COURSE',
  'ADULT_EDUCATION',
  'CHILDCARE',
  'HEALTH',
  'INFORMATION',
  'RETURN_COUNSELLING',
  'SCHOOL_SOCIAL_WORK',
  'SOCIAL_SERVICES',
];
const targetGroups: TargetGroup[] = ['NEWCOMERS', 'REFUGEES', 'ALL_RESIDENTS', 'CHILDREN', 'PARENTS', 'PUPILS', 'MUNICIPALITIES'];
const draftOf = (offer: Offer | null): OfferDraft => ({
  title: offer?.title ?? '',
  description: offer?.description ?? '',
  category: offer?.category ?? 'COUNSELLING',
  targetGroups: offer?.targetGroups ?? [],
  languages: offer?.languages.join(', ') ?? 'de',
  providerName: offer?.providerName ?? '',
  website: offer?.website ?? '',
  online: offer?.online ?? false,
  places: offer?.places.map((place) => ({ town: place.municipality.name, label: place.label ?? '', ...accessDraftOf(place) })) ?? [],
});

const fieldsOf = ({ places, ...draft }: OfferDraft): OfferFieldsInput => ({
  ...draft,
  // The towns with what is known of them, replacing it all: what the form shows is what is kept.
  placeDetails: places.map(({ town, label, ...access }) => ({ town, label: orNull(label), ...accessInputOf(access) })),
  languages: draft.languages
    .split(/[,;\s]+/)
    .map((code) => code.trim())
    .filter(Boolean),
  providerName: orNull(draft.providerName),
  website: orNull(draft.website),
});

const linesOf = (draft: OfferDraft, texts: Texts) => [
  `${texts.offerTitle}: ${draft.title}`,
  `${texts.offerCategory}: ${texts.categories[draft.category]}`,
  `${texts.offerDescription}: ${draft.description}`,
  `${texts.offerPlaces}: ${draft.places.map((place) => place.town).join(', ') || texts.none}`,
];

export function OfferList({ offers, ags, texts }: { offers: Offer[]; ags: string; texts: Texts }) {
  return (
    <>
      {offers.length === 0 ? (
        <p class="kern-body">{texts.noOffers}</p>
      ) : (
        <ul class="kern-list offer-list">
          {offers.map((offer) => (
            <li key={offer.id}>
              <a class="kern-link" href={`#/d/${ags}/o/${encodeURIComponent(offer.id)}`}>
                {offer.title}
              </a>{' '}
              <span class="kern-body">
                · {texts.categories[offer.category]}
                {offer.places.length > 0 && ` · ${offer.places.map((place) => place.municipality.name).join(', ')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <a class="kern-link" href={`#/d/${ags}/o/new`}>
        {texts.addOffer}
      </a>
    </>
  );
}

/** A town's problem is said at the town field (its name is the one thing typed of it there); a point's at the point field. */
const atPlaceFields = (issues: Issue[]) =>
  atPointField(issues).map((issue) => ({ ...issue, path: issue.path.replace(/^placeDetails\[(\d+)\]\.town$/, 'places[$1]') }));

const offerIn = (district: DistrictData, id: string) => district.offers.edges.find((edge) => edge.node.id === id)?.node;

interface OfferFormProps {
  offer: Offer | null;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

export function OfferForm({ offer, district, texts, language, reload }: OfferFormProps) {
  const { draft, set, outcome, setOutcome, answered, issues, save, resolve } = useRecordForm({
    record: offer,
    newDraftId: `new-offer-${district.ags}`,
    draftOf,
    send: async (shown, version) =>
      offer
        ? (await write(EditorUpdateOfferDocument, { input: { id: offer.id, version, fields: fieldsOf(shown) } })).updateOffer
        : (await write(EditorCreateOfferDocument, { input: { district: district.ags, fields: fieldsOf(shown) } })).createOffer,
    find: offerIn,
    pageOf: (id) => `#/d/${district.ags}/o/${encodeURIComponent(id)}`,
    reload,
    texts,
  });
  const [town, setTown] = useState('');
  const shared = { issues: atPlaceFields(issues), language };
  const setPlace = (index: number, part: Partial<PlaceDraft>) =>
    set({ places: draft.places.map((place, at) => (at === index ? { ...place, ...part } : place)) });
  const toggle = <Item,>(list: Item[], item: Item, on: boolean) => (on ? [...list, item] : list.filter((other) => other !== item));

  const addTown = () => {
    const name = town.trim();
    if (name && !draft.places.some((place) => place.town === name))
      set({ places: [...draft.places, { ...unknownAccess, town: name, label: '' }] });
    setTown('');
  };

  return (
    <form onSubmit={save} noValidate data-answered={answered} class="offer-form">
      <ProblemSummary issues={issues} texts={texts} language={language} />
      {outcome.kind === 'conflict' && (
        <Conflict
          theirs={linesOf(draftOf(outcome.theirs), texts)}
          yours={linesOf(draft, texts)}
          texts={texts}
          onChoose={(take) => resolve(outcome.theirs, take)}
        />
      )}
      <TextField
        path="title"
        label={texts.offerTitle}
        help={['OfferFieldsInput', 'title']}
        value={draft.title}
        onValue={(title) => set({ title })}
        {...shared}
      />
      <SelectField
        path="category"
        label={texts.offerCategory}
        help={['OfferFieldsInput', 'category']}
        value={draft.category}
        choices={categories.map((category) => [category, texts.categories[category]] as const)}
        onValue={(category) => set({ category })}
        {...shared}
      />
      <TextField
        path="description"
        label={texts.offerDescription}
        help={['OfferFieldsInput', 'description']}
        value={draft.description}
        onValue={(description) => set({ description })}
        multiline
        {...shared}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.offerTargetGroups}</legend>
        <div class="kern-fieldset__body">
          {targetGroups.map((group) => (
            <div class="kern-form-check" key={group}>
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={`f-targetGroups-${group}`}
                checked={draft.targetGroups.includes(group)}
                onChange={(event) => set({ targetGroups: toggle(draft.targetGroups, group, event.currentTarget.checked) })}
              />
              <label class="kern-label" for={`f-targetGroups-${group}`}>
                {texts.targetGroups[group]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextField
        path="languages"
        label={texts.offerLanguages}
        help={['OfferFieldsInput', 'languages']}
        value={draft.languages}
        onValue={(languages) => set({ languages })}
        {...shared}
      />
      <TextField
        path="providerName"
        label={texts.offerProvider}
        help={['OfferFieldsInput', 'providerName']}
        value={draft.providerName}
        onValue={(providerName) => set({ providerName })}
        {...shared}
      />
      <TextField
        path="website"
        label={texts.offerWebsite}
        help={['OfferFieldsInput', 'website']}
        value={draft.website}
        onValue={(website) => set({ website })}
        {...shared}
      />
      <div class="kern-form-check">
        <input
          class="kern-form-check__checkbox"
          type="checkbox"
          id="f-online"
          checked={draft.online}
          onChange={(event) => set({ online: event.currentTarget.checked })}
        />
        <label class="kern-label" for="f-online">
          {texts.offerOnline}
        </label>
      </div>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.offerPlaces}</legend>
        <div class="kern-fieldset__body">
          <ul class="kern-list place-list">
            {draft.places.map((place, index) => (
              <li key={place.town}>
                <details>
                  <summary id={`place-${index}`}>{place.label ? `${place.town}: ${place.label}` : place.town}</summary>
                  <TextField
                    path={`placeDetails[${index}].label`}
                    label={texts.placeLabel}
                    help={['OfferPlaceInput', 'label']}
                    value={place.label}
                    onValue={(label) => setPlace(index, { label })}
                    {...shared}
                  />
                  <AccessFields
                    at={`placeDetails[${index}]`}
                    input="OfferPlaceInput"
                    draft={place}
                    onChange={(part) => setPlace(index, part)}
                    texts={texts}
                    {...shared}
                  />
                </details>
                <button
                  type="button"
                  class="kern-btn kern-btn--tertiary"
                  onClick={() => set({ places: draft.places.filter((other) => other !== place) })}
                >
                  <span class="kern-label">{texts.removePlace(place.town)}</span>
                </button>
              </li>
            ))}
          </ul>
          <Field path="places" label={texts.addPlaceLabel} help={['OfferFieldsInput', 'places']} {...shared}>
            {(attributes) => (
              <input
                class="kern-form-input__input"
                list="district-towns"
                autocomplete="off"
                {...attributes}
                value={town}
                onInput={(event) => setTown(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  addTown();
                }}
              />
            )}
          </Field>
          <datalist id="district-towns">
            {district.places.map((place) => (
              <option key={place.name} value={place.name} />
            ))}
          </datalist>
          <button type="button" class="kern-btn kern-btn--secondary" onClick={addTown}>
            <span class="kern-label">{texts.addPlace}</span>
          </button>
        </div>
      </fieldset>
      <SaveFooter
        id="offer-status"
        outcome={outcome}
        saved={texts.saved}
        submit={offer ? texts.save : texts.addOfferSubmit}
        texts={texts}
        onSignedIn={() => setOutcome({ kind: 'idle' })}
      />
    </form>
  );
}

/** The offer's title and description in each language the widget speaks, saved one language at a time. */
