// A contact's addresses in its form: where the office is, its post, and what newcomers ask before
// they come — where the entrance is on the map and whether they can get in (issue 24 §3). The
// point is typed as coordinates or pasted as an OpenStreetMap link; the API reads either.
import type { AddressInput, AddressKind, EditorDistrictQuery } from '../../../schema/generated/graphql.js';
import { type Issue, SelectField, TextField } from './fields.js';
import type { Language, Texts } from './texts.js';

type Address = EditorDistrictQuery['district']['contacts']['edges'][number]['node']['addresses'][number];

/** A feature of access: yes, no, or not known (left out). */
type Known = 'yes' | 'no' | '';

const features = ['stepFreeEntrance', 'lift', 'accessibleToilet', 'hearingLoop'] as const;
type Feature = (typeof features)[number];

export interface AddressDraft extends Record<Feature, Known> {
  kind: AddressKind;
  street: string;
  postalCode: string;
  locality: string;
  placeName: string;
  room: string;
  postOfficeBox: string;
  /** "51.37021, 10.87203" or a link from openstreetmap.org; empty: no point. */
  point: string;
  accessibilityNote: string;
}

/** The kinds of the contact's list; where office hours are held is given with the hours. */
const addressKinds: AddressKind[] = ['OFFICE', 'VISITOR', 'POSTAL'];

const knownOf = (value: boolean | null | undefined): Known => (value == null ? '' : value ? 'yes' : 'no');

const booleanOf = (known: Known) => (known === '' ? null : known === 'yes');

export const newAddress: AddressDraft = {
  kind: 'OFFICE',
  street: '',
  postalCode: '',
  locality: '',
  placeName: '',
  room: '',
  postOfficeBox: '',
  point: '',
  accessibilityNote: '',
  stepFreeEntrance: '',
  lift: '',
  accessibleToilet: '',
  hearingLoop: '',
};

export const addressDraftOf = (address: Address): AddressDraft => ({
  kind: address.kind,
  street: address.street ?? '',
  postalCode: address.postalCode,
  locality: address.locality,
  placeName: address.placeName ?? '',
  room: address.room ?? '',
  postOfficeBox: address.postOfficeBox ?? '',
  point: address.coordinates ? `${address.coordinates.latitude}, ${address.coordinates.longitude}` : '',
  accessibilityNote: address.accessibility.note ?? '',
  stepFreeEntrance: knownOf(address.accessibility.stepFreeEntrance),
  lift: knownOf(address.accessibility.lift),
  accessibleToilet: knownOf(address.accessibility.accessibleToilet),
  hearingLoop: knownOf(address.accessibility.hearingLoop),
});

/** Two decimal numbers (a comma as decimal mark too) separated by a comma, semicolon or space. */
const coordinatePair = /^\s*(-?\d{1,3}(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:[.,]\d+)?)\s*$/;

/** The point as the API takes it: coordinates, or else the text as a map link for the API to read (and to refuse if it is none). */
function pointOf(text: string): Pick<AddressInput, 'latitude' | 'longitude' | 'mapLink'> {
  if (!text.trim()) return {};
  const pair = coordinatePair.exec(text.replace(/(\d),(\d)/g, '$1.$2'));
  if (pair) return { latitude: Number(pair[1]), longitude: Number(pair[2]) };
  return { mapLink: text.trim() };
}

const orNull = (text: string) => text.trim() || null;

export const addressInputOf = (draft: AddressDraft): AddressInput => ({
  kind: draft.kind,
  street: orNull(draft.street),
  postalCode: draft.postalCode.trim(),
  locality: draft.locality.trim(),
  placeName: orNull(draft.placeName),
  room: orNull(draft.room),
  postOfficeBox: orNull(draft.postOfficeBox),
  ...pointOf(draft.point),
  accessibilityNote: orNull(draft.accessibilityNote),
  stepFreeEntrance: booleanOf(draft.stepFreeEntrance),
  lift: booleanOf(draft.lift),
  accessibleToilet: booleanOf(draft.accessibleToilet),
  hearingLoop: booleanOf(draft.hearingLoop),
});

/** The API names a point's problems at latitude or longitude, or at mapLink: the form has one field for them. */
export const atPointField = (issues: Issue[]) =>
  issues.map((issue) => ({ ...issue, path: issue.path.replace(/(addresses\[\d+\])\.(latitude|longitude|mapLink)$/, '$1.point') }));

export const addressLines = (draft: AddressDraft, texts: Texts) =>
  `${texts.addressKinds[draft.kind]}: ${[draft.placeName, draft.street || draft.postOfficeBox, `${draft.postalCode} ${draft.locality}`]
    .filter((part) => part.trim())
    .join(', ')}`;

/** What is known about getting in, as the public card says it: "Stufenloser Zugang: ja · Aufzug: nein"; empty when nothing is. */
export const accessOf = (address: Address, texts: Texts) =>
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
  const text = (field: Exclude<keyof AddressDraft, Feature | 'kind'>, help: string = field) => (
    <TextField
      path={path(field)}
      label={texts.addressFields[field]}
      help={['AddressInput', help]}
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
        {text('point', 'mapLink')}
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{texts.accessibility}</legend>
          <div class="kern-fieldset__body row">
            {features.map((feature) => (
              <SelectField
                key={feature}
                path={path(feature)}
                label={texts.addressFields[feature]}
                help={['AddressInput', feature]}
                value={draft[feature]}
                choices={(['', 'yes', 'no'] as const).map((known) => [known, texts.known[known]] as const)}
                onValue={(known) => onChange({ [feature]: known })}
                {...shared}
              />
            ))}
          </div>
        </fieldset>
        {text('accessibilityNote')}
        <button type="button" class="kern-btn kern-btn--secondary" onClick={onRemove}>
          <span class="kern-label">{texts.removeAddress(index + 1)}</span>
        </button>
      </div>
    </fieldset>
  );
}
