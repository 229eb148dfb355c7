// A contact's addresses and an offer's towns in their forms: where the office is, its post, and
// what newcomers ask before they come — where the entrance is on the map and whether they can get
// in (issue 24 §3). The point is typed as coordinates or pasted as an OpenStreetMap link; the API
// reads either.
import type { AddressInput, AddressKind, EditorDistrictQuery, OfferPlaceInput } from '../../../schema/generated/graphql.js';
import { type Issue, orNull, SelectField, TextField } from './fields.js';
import type { Language, Texts } from './texts.js';

type Address = EditorDistrictQuery['district']['contacts']['edges'][number]['node']['addresses'][number];

/** A feature of access: yes, no, or not known (left out). */
type Known = 'yes' | 'no' | '';

const features = ['stepFreeEntrance', 'lift', 'accessibleToilet', 'hearingLoop'] as const;
type Feature = (typeof features)[number];

/** Where the entrance is and what is known about getting in: of an address, or of an offer's town. */
export interface AccessDraft extends Record<Feature, Known> {
  /** "51.37021, 10.87203" or a link from openstreetmap.org; empty: no point. */
  point: string;
  accessibilityNote: string;
}

type Access = Pick<Address, 'coordinates' | 'accessibility'>;

export const accessDraftOf = ({ coordinates, accessibility }: Access): AccessDraft => ({
  point: coordinates ? `${coordinates.latitude}, ${coordinates.longitude}` : '',
  accessibilityNote: accessibility.note ?? '',
  stepFreeEntrance: knownOf(accessibility.stepFreeEntrance),
  lift: knownOf(accessibility.lift),
  accessibleToilet: knownOf(accessibility.accessibleToilet),
  hearingLoop: knownOf(accessibility.hearingLoop),
});

export const accessInputOf = (draft: AccessDraft): Omit<OfferPlaceInput, 'town' | 'label'> => ({
  ...pointOf(draft.point),
  accessibilityNote: orNull(draft.accessibilityNote),
  stepFreeEntrance: booleanOf(draft.stepFreeEntrance),
  lift: booleanOf(draft.lift),
  accessibleToilet: booleanOf(draft.accessibleToilet),
  hearingLoop: booleanOf(draft.hearingLoop),
});

export interface AddressDraft extends AccessDraft {
  kind: AddressKind;
  street: string;
  postalCode: string;
  locality: string;
  placeName: string;
  room: string;
  postOfficeBox: string;
}

/** The kinds of the contact's list; where office hours are held is given with the hours. */
const addressKinds: AddressKind[] = ['OFFICE', 'VISITOR', 'POSTAL'];

const knownOf = (value: boolean | null | undefined): Known => (value == null ? '' : value ? 'yes' : 'no');

const booleanOf = (known: Known) => (known === '' ? null : known === 'yes');

/** Nothing known: no point, no feature, no note. */
export const unknownAccess: AccessDraft = {
  point: '',
  accessibilityNote: '',
  stepFreeEntrance: '',
  lift: '',
  accessibleToilet: '',
  hearingLoop: '',
};

export const newAddress: AddressDraft = {
  kind: 'OFFICE',
  street: '',
  postalCode: '',
  locality: '',
  placeName: '',
  room: '',
  postOfficeBox: '',
  ...unknownAccess,
};

export const addressDraftOf = (address: Address): AddressDraft => ({
  kind: address.kind,
  street: address.street ?? '',
  postalCode: address.postalCode,
  locality: address.locality,
  placeName: address.placeName ?? '',
  room: address.room ?? '',
  postOfficeBox: address.postOfficeBox ?? '',
  ...accessDraftOf(address),
});

/** Two decimal numbers separated by a comma, semicolon or space. */
const coordinatePair = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

/** The point as the API takes it: coordinates, or else the text as a map link for the API to read (and to refuse if it is none). */
function pointOf(text: string): Pick<AddressInput, 'latitude' | 'longitude' | 'mapLink'> {
  if (!text.trim()) return {};
  // "51.37021, 10.87203" as typed, or else with decimal commas ("51,37021; 10,87203").
  const pair = coordinatePair.exec(text) ?? coordinatePair.exec(text.replace(/(\d),(\d)/g, '$1.$2'));
  if (pair) return { latitude: Number(pair[1]), longitude: Number(pair[2]) };
  return { mapLink: text.trim() };
}

export const addressInputOf = (draft: AddressDraft): AddressInput => ({
  kind: draft.kind,
  street: orNull(draft.street),
  postalCode: draft.postalCode.trim(),
  locality: draft.locality.trim(),
  placeName: orNull(draft.placeName),
  room: orNull(draft.room),
  postOfficeBox: orNull(draft.postOfficeBox),
  ...accessInputOf(draft),
});

/** The API names a point's problems at latitude or longitude, or at mapLink: the form has one field for them. */
export const atPointField = (issues: Issue[]) =>
  issues.map((issue) => ({ ...issue, path: issue.path.replace(/(addresses\[\d+\])\.(latitude|longitude|mapLink)$/, '$1.point') }));

export const addressLines = (draft: AddressDraft, texts: Texts) =>
  `${texts.addressKinds[draft.kind]}: ${[draft.placeName, draft.street || draft.postOfficeBox, `${draft.postalCode} ${draft.locality}`]
    .filter((part) => part.trim())
    .join(', ')}`;

/** What is known about getting in, as the public card says it: "Stufenloser Zugang: ja · Aufzug: nein"; empty when nothing is. */
export const accessOf = (address: Access, texts: Texts) =>
  [
    ...features
      .filter((feature) => address.accessibility[feature] != null)
      .map((feature) => `${texts.addressFields[feature]}: ${texts.known[knownOf(address.accessibility[feature])]}`),
    address.accessibility.note,
  ]
    .filter(Boolean)
    .join(' · ');

interface AddressFieldsProps {
  index: number;
  draft: AddressDraft;
  onChange(part: Partial<AddressDraft>): void;
  onRemove(): void;
  texts: Texts;
  issues: Issue[];
  language: Language;
}

export function AddressFields({ index, draft, onChange, onRemove, texts, issues, language }: AddressFieldsProps) {
  const path = (field: string) => `addresses[${index}].${field}`;
  const shared = { issues, language };
  const text = (field: Exclude<keyof AddressDraft, keyof AccessDraft | 'kind'>) => (
    <TextField
      path={path(field)}
      label={texts.addressFields[field]}
      help={['AddressInput', field]}
      value={draft[field]}
      onValue={(value) => onChange({ [field]: value })}
      {...shared}
    />
  );
  return (
    <fieldset class="kern-fieldset address">
      <legend class="kern-label">{texts.addressNumber(index + 1)}</legend>
      <div class="kern-fieldset__body">
        <SelectField
          path={path('kind')}
          label={texts.addressFields.kind}
          help={['AddressInput', 'kind']}
          value={draft.kind}
          choices={addressKinds.map((kind) => [kind, texts.addressKinds[kind]] as const)}
          onValue={(kind) => onChange({ kind })}
          {...shared}
        />
        {text('placeName')}
        {text('street')}
        {text('postOfficeBox')}
        <div class="row">
          {text('postalCode')}
          {text('locality')}
        </div>
        {text('room')}
        <AccessFields at={`addresses[${index}]`} input="AddressInput" draft={draft} onChange={onChange} texts={texts} {...shared} />
        <button type="button" class="kern-btn kern-btn--secondary" onClick={onRemove}>
          <span class="kern-label">{texts.removeAddress(index + 1)}</span>
        </button>
      </div>
    </fieldset>
  );
}

interface AccessFieldsProps {
  /** The form path of the address or town, e.g. "placeDetails[0]". */
  at: string;
  /** The input type whose descriptions explain the fields. */
  input: 'AddressInput' | 'OfferPlaceInput';
  draft: AccessDraft;
  onChange(part: Partial<AccessDraft>): void;
  texts: Texts;
  issues: Issue[];
  language: Language;
}

/** The entrance's point, the four features of access (yes, no, not known) and a note. */
export function AccessFields({ at, input, draft, onChange, texts, issues, language }: AccessFieldsProps) {
  const shared = { issues, language };
  return (
    <>
      <TextField
        path={`${at}.point`}
        label={texts.addressFields.point}
        help={[input, 'mapLink']}
        value={draft.point}
        onValue={(point) => onChange({ point })}
        {...shared}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.accessibility}</legend>
        <div class="kern-fieldset__body row">
          {features.map((feature) => (
            <SelectField
              key={feature}
              path={`${at}.${feature}`}
              label={texts.addressFields[feature]}
              help={[input, feature]}
              value={draft[feature]}
              choices={(['', 'yes', 'no'] as const).map((known) => [known, texts.known[known]] as const)}
              onValue={(known) => onChange({ [feature]: known })}
              {...shared}
            />
          ))}
        </div>
      </fieldset>
      <TextField
        path={`${at}.accessibilityNote`}
        label={texts.addressFields.accessibilityNote}
        help={[input, 'accessibilityNote']}
        value={draft.accessibilityNote}
        onValue={(accessibilityNote) => onChange({ accessibilityNote })}
        {...shared}
      />
    </>
  );
}
