// What a field means, in the API's own words: the committed schema's descriptions, bundled by
// scripts/build-pages.mjs, so that the app keeps no second copy of them.
import descriptions from 'virtual:schema-descriptions';

/** The schema's description of an input field or enum value, e.g. helpOf('ChannelInput', 'printed'). */
export const helpOf = (type: string, part: string): string | undefined => descriptions[`${type}.${part}`];

/** An enum's values as the committed schema lists them (each is described there), e.g. valuesOf('ConceptStatus'). */
export const valuesOf = <Value extends string>(type: string): Value[] =>
  Object.keys(descriptions)
    .filter((key) => key.startsWith(`${type}.`))
    .map((key) => key.slice(type.length + 1) as Value);
